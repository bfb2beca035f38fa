/// Every file of `data/`, with sizes and counts: per year, the whole-year files and a table of
/// provinces linking to each province's files, then what each kind of file holds. The page grows
/// with years and provinces, never with the number of reports.
enum DownloadsPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.downloads, title: "数据下载", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("数据下载", nil)],
                        lead: "本站全部数据可下载：CSV（UTF-8 带 BOM，Excel 可直接打开中文）、JSON 和 SQLite。空白单元格在 CSV 中为空字段、在 SQLite 中为 NULL，绝不是 0。")
        let kinds = site.content.downloads
        guard kinds.contains(where: { !$0.files.isEmpty }) else {
            page.paragraph("本次生成没有数据文件。")
            return page
        }
        page.paragraph(Markdown.text("数据按年度和省份分开存放：data/年度/ 下为全年的报告一览与地区汇总（每份报告、每个地区一行）；data/年度/省级代码/ 下为该省的单元格长表、检查发现、排名、JSON 记录和 SQLite 数据库。各文件的 report_id 全站统一，可直接合并。"))
        let yearly = kinds.filter { !$0.perProvince }, provincial = kinds.filter(\.perProvince)
        let years = Set(kinds.flatMap { $0.files.map(\.year) }).sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }
        for year in years {
            let label = year.map { "\($0)年" } ?? "年度不明"
            page.heading(label)
            let whole = yearly.flatMap { kind in kind.files.filter { $0.year == year }.map { (kind, $0) } }
            if !whole.isEmpty {
                page.table("\(label)全年文件", header: ["文件", "内容", "大小", "行数"],
                           rows: whole.map { kind, file in
                               [Markdown.link(kind.name, to: file.path), Markdown.text(kind.title), Show.bytes(file.bytes), file.rows.map(String.init) ?? "—"]
                           }, numeric: [2, 3])
            }
            // One row per province: its files by kind, each linked with its size and rows.
            var provinces: [String?] = [], names: [String?: String] = [:], cells: [String?: [String: DownloadEntry.File]] = [:]
            for kind in provincial {
                for file in kind.files where file.year == year {
                    if cells[file.province] == nil { provinces.append(file.province) }
                    names[file.province] = file.provinceName ?? file.province ?? ""
                    cells[file.province, default: [:]][kind.name] = file
                }
            }
            guard !provinces.isEmpty else { continue }
            provinces.sort { ($0 ?? "~") < ($1 ?? "~") }
            page.table("\(label)各省文件", header: ["省份", "代码"] + provincial.map(\.name),
                       rows: provinces.map { code in
                           let files = cells[code] ?? [:]
                           return [Markdown.text(names[code] ?? ""), Markdown.text(code ?? "—")]
                               + provincial.map { kind in
                                   guard let file = files[kind.name] else { return "—" }
                                   return Markdown.link(Show.bytes(file.bytes), to: file.path) + (file.rows.map { "（\($0) 行）" } ?? "")
                               }
                       }, numeric: Set(2..<(2 + provincial.count)))
        }
        page.heading("各文件的内容")
        for kind in kinds {
            page.heading(kind.name, level: 3)
            page.paragraph(Markdown.text(kind.title + "：" + kind.description))
            if !kind.columns.isEmpty {
                page.table("\(kind.name) 的列", header: ["列", "含义"], rows: kind.columns.map { [Markdown.text($0.name), Markdown.text($0.meaning)] })
            }
        }
        page.paragraph("每份报告的 govreport/1 记录另在其页面旁（reports/编号.json），每个地区的合计在地区页面旁（regions/年度/代码.json）。")
        return page
    }
}
