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

/// One year: national totals and the year's reports, `pageSize` to a page (years/2024.html,
/// years/2024-2.html, …) so that no page grows with the size of the country.
enum YearPage {
    static let pageSize = 1000

    static func pageCount(_ site: SiteIndex, year: Int, pageSize: Int = pageSize) -> Int {
        max(1, ((site.reportsByYear[year]?.count ?? 0) + pageSize - 1) / pageSize)
    }

    /// Of one page: the year's count, the page count, and the reports on the page.
    static func digest(_ site: SiteIndex, year: Int, page number: Int, pageSize: Int = pageSize) -> ContentHash {
        var d = DigestBuilder("year-page")
        d.add(site.frame)
        d.add(year)
        d.add(number)
        d.add(pageSize)
        d.add(site.reportsByYear[year]?.count ?? 0)
        d.add(reports: (site.listedByYear[year] ?? []).dropFirst((number - 1) * pageSize).prefix(pageSize), of: site)
        return d.digest
    }

    static func make(_ site: SiteIndex, year: Int, page number: Int = 1, pageSize: Int = pageSize) -> Page {
        let path = SitePaths.year(year, page: number)
        let root = SitePaths.root(from: path)
        let pages = pageCount(site, year: year, pageSize: pageSize)
        let title = pages > 1 ? "\(year)年报告（第 \(number)/\(pages) 页）" : "\(year)年报告"
        var page = Page(path: path, title: title, crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("\(year)年", nil)])
        let indices = site.reportsByYear[year] ?? []
        page.paragraph("\(year)年度共 \(indices.count) 份报告。" + Markdown.link("全国合计与各省比较", to: root + SitePaths.region(RegionTotals.nationalCode, year: year)) +
                       "；" + Markdown.link("本年排名", to: root + SitePaths.ranking("disclosure_rate", year: year)) + "。")
        let slice = Array((site.listedByYear[year] ?? []).dropFirst((number - 1) * pageSize).prefix(pageSize))
        let pager = Pager(current: number, count: pages, root: root) { SitePaths.year(year, page: $0) }
        if pages > 1 { page.paragraph(pager.markdown) }
        let caption = pages > 1 ? "\(year)年报告，第 \(number) 页（点击表头排序）" : "\(year)年全部报告（点击表头排序）"
        ReportList.add(&page, site, slice, caption: caption)
        if pages > 1 { page.paragraph(pager.markdown) }
        return page
    }
}

/// Links to the pages of a paged list.
struct Pager {
    let current: Int
    let count: Int
    let root: String
    let path: (Int) -> String

    var markdown: String {
        "分页：" + (1...count).map { n in
            n == current ? "**\(n)**" : Markdown.link(String(n), to: root + path(n))
        }.joined(separator: " ")
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
                       [Markdown.text(u.source), Markdown.text(u.reason), site.content.unreadCopies[u.source].map { Markdown.link("下载", to: $0) } ?? ""]
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
