import Analysis
import ReportModel

/// Every report of one year with findings, most errors first, then most warnings, `pageSize` to
/// a page (quality/2024.html, quality/2024-2.html, …): the whole list, paged so that no page grows
/// with the size of the country.
enum QualityListPage {
    static let pageSize = 1000

    static func withFindings(_ site: SiteIndex, year: Int) -> [DatasetReport] {
        // Most errors first, then most warnings, then by name: names compared as UTF-8 bytes (the
        // order of `<` for NFC text, without normalising every Chinese name at each step).
        let found = (site.reportsByYear[year] ?? []).map { site.dataset.reports[$0] }.filter { $0.count(.error) + $0.count(.warning) > 0 }
        let keys = found.map { (errors: $0.count(.error), warnings: $0.count(.warning), name: site.name(of: $0)) }
        return found.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.errors != b.errors { return a.errors > b.errors }
            if a.warnings != b.warnings { return a.warnings > b.warnings }
            return String.utf8Precedes(a.name, b.name)
        }.map { found[$0] }
    }

    static func pageCount(_ reports: [DatasetReport]) -> Int { max(1, (reports.count + pageSize - 1) / pageSize) }

    /// Of one page: the year's count, the page count, and the reports on the page, in order.
    static func digest(_ site: SiteIndex, year: Int, reports: [DatasetReport], page number: Int) -> ContentHash {
        var d = DigestBuilder("quality-list-page")
        d.add(site.frame)
        d.add(year)
        d.add(number)
        d.add(pageSize)
        d.add(reports.count)
        d.add(reports: reports.dropFirst((number - 1) * pageSize).prefix(pageSize).map(\.index), of: site)
        return d.digest
    }

    static func make(_ site: SiteIndex, year: Int, reports: [DatasetReport], page number: Int = 1) -> Page {
        let path = SitePaths.quality(year, page: number)
        let root = SitePaths.root(from: path)
        let pages = pageCount(reports)
        let title = pages > 1 ? "\(year)年有检查发现的报告（第 \(number)/\(pages) 页）" : "\(year)年有检查发现的报告"
        var page = Page(path: path, title: title, crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("数据质量", SitePaths.quality), Page.Crumb("\(year)年", nil)],
                        lead: "\(year)年度有错误或警告的报告共 \(reports.count) 份，按错误数、再按警告数从多到少排列；点击机关查看每项发现的位置、应有值和实际值。")
        let pager = Pager(current: number, count: pages, root: root) { SitePaths.quality(year, page: $0) }
        if pages > 1 { page.paragraph(pager.markdown) }
        let slice = reports.dropFirst((number - 1) * pageSize).prefix(pageSize)
        page.table(pages > 1 ? "有检查发现的报告，第 \(number) 页（点击表头排序）" : "有检查发现的报告（点击表头排序）",
                   header: ["机关", "地区", "错误", "警告", "提示", "不成立的勾稽关系", "无法核对的勾稽关系"],
                   rows: slice.map { r in
                       [Markdown.link(site.name(of: r), to: root + site.reportPath(r.index)), Markdown.text(r.record.region.path),
                        String(r.count(.error)), String(r.count(.warning)), String(r.count(.info)),
                        String(r.identityCounts.failed),
                        String(r.identityCounts.notAssessable)]
                   }, numeric: [2, 3, 4, 5, 6], sortable: true)
        if pages > 1 { page.paragraph(pager.markdown) }
        return page
    }
}
