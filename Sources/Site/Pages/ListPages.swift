import Analysis
import ReportModel

/// Every region with reports, by year and level.
enum RegionsIndexPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.regions, title: "地区", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("地区", nil)],
                        lead: "有报告的每个省、市、县，各年度一页。")
        let root = SitePaths.root(from: page.path)
        for year in site.dataset.years {
            page.heading("\(year)年")
            let regions = site.dataset.regions.filter { $0.year == year && $0.level != .national }
            var lines: [String] = []
            for province in regions where province.level == .province {
                var line = "- " + Markdown.link(province.name, to: root + SitePaths.region(province.adcode, year: year)) + "（\(province.members.count) 份）"
                let below = regions.filter { $0.level > .province && $0.adcode.hasPrefix(province.adcode.prefix(2)) }
                if !below.isEmpty {
                    line += "：" + below.map { Markdown.link($0.name, to: root + SitePaths.region($0.adcode, year: year)) }.joined(separator: "、")
                }
                lines.append(line)
            }
            page.paragraph(Markdown.link("全国合计", to: root + SitePaths.region(RegionTotals.nationalCode, year: year)))
            if !lines.isEmpty { page.markdown(lines.joined(separator: "\n") + "\n") }
        }
        return page
    }
}

/// One year: national totals and every report of the year.
enum YearPage {
    static func make(_ site: SiteIndex, year: Int) -> Page {
        let path = SitePaths.year(year)
        let root = SitePaths.root(from: path)
        var page = Page(path: path, title: "\(year)年报告", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("\(year)年", nil)])
        let indices = site.reportsByYear[year] ?? []
        page.paragraph("\(year)年度共 \(indices.count) 份报告。" + Markdown.link("全国合计与各省比较", to: root + SitePaths.region(RegionTotals.nationalCode, year: year)) +
                       "；" + Markdown.link("本年排名", to: root + SitePaths.ranking("disclosure_rate", year: year)) + "。")
        ReportList.add(&page, site, ReportList.sorted(site, indices), caption: "\(year)年全部报告（点击表头排序）")
        return page
    }
}

/// Every input that produced no report, with the reason: nothing is lost silently.
enum UnreadPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.unread, title: "未能读取的文件", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("未能读取的文件", nil)],
                        lead: "输入文件夹中的每个文件都列在本站：或读取为报告，或列在这里并说明原因。")
        let unread = site.content.unread
        page.paragraph("共 \(site.dataset.reports.count + unread.count) 个文件：读取 \(site.dataset.reports.count) 份，未能读取 \(unread.count) 个。")
        guard !unread.isEmpty else {
            page.paragraph("所有文件均已读取。")
            return page
        }
        page.table("未能读取的文件及原因", header: ["文件", "原因", "原文件"],
                   rows: unread.map { u in
                       [Markdown.text(u.source), Markdown.text(u.reason), site.content.sourceCopies[u.source].map { Markdown.link("下载", to: $0) } ?? ""]
                   })
        return page
    }
}

enum NotFoundPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.notFound, title: "页面不存在")
        page.paragraph("没有找到这个页面。可以从\(Markdown.link("首页", to: SitePaths.home))、\(Markdown.link("地区", to: SitePaths.regions))或\(Markdown.link("排名", to: SitePaths.rankings))进入，或用页面上方的搜索框查找机关和地区。")
        return page
    }
}
