/// Every file of `data/`, what it holds, its columns and their meaning, with sizes and counts.
enum DownloadsPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.downloads, title: "数据下载", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("数据下载", nil)],
                        lead: "本站全部数据可下载：CSV（UTF-8 带 BOM，Excel 可直接打开中文）、JSON 和 SQLite。空白单元格在 CSV 中为空字段、在 SQLite 中为 NULL，绝不是 0。")
        guard !site.content.downloads.isEmpty else {
            page.paragraph("本次生成没有数据文件。")
            return page
        }
        page.table("数据文件", header: ["文件", "内容", "大小", "行数"],
                   rows: site.content.downloads.map { f in
                       [Markdown.link(f.name, to: "data/" + f.name), Markdown.text(f.title), Show.bytes(f.bytes), f.rows.map(String.init) ?? "—"]
                   }, numeric: [2, 3])
        for file in site.content.downloads {
            page.heading(file.name, level: 3)
            page.paragraph(Markdown.text(file.description))
            if !file.columns.isEmpty {
                page.table("\(file.name) 的列", header: ["列", "含义"], rows: file.columns.map { [Markdown.text($0.name), Markdown.text($0.meaning)] })
            }
        }
        page.paragraph("每份报告的 govreport/1 记录另在其页面旁（reports/编号.json），每个地区的合计在地区页面旁（regions/年度/代码.json）。")
        return page
    }
}
