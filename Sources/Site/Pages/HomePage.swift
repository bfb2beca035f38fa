import Analysis
import ReportModel

/// The featured year at a glance: national totals, outcome mix, leaders and laggards, data
/// quality, links into regions; and every report (on small sites) or the year pages (on large ones).
enum HomePage {
    /// Above this many reports the home page links to year pages instead of listing every report.
    static let listLimit = 2000

    static func make(_ site: SiteIndex) -> Page {
        let dataset = site.dataset
        var page = Page(path: SitePaths.home, title: site.content.settings.title,
                        lead: "各级行政机关政府信息公开工作年度报告的统计数据：逐表读取、核对勾稽关系、按地区和同类机关比较。")
        let read = dataset.reports.count, unread = site.content.unread.count
        page.paragraph("本站收录 **\(read + unread)** 个文件：读取 \(read) 份报告，\(Markdown.link("未能读取 \(unread) 个", to: SitePaths.unread))。年度：\(dataset.years.map { Markdown.link("\($0)年", to: SitePaths.year($0)) }.joined(separator: "、"))。")

        if let year = site.content.featuredYear, let nation = site.regions[.init(adcode: RegionTotals.nationalCode, year: year)] {
            page.heading("\(year)年概览")
            let m = nation.metrics
            page.table("\(year)年全部机关报告合计", header: ["项目", "数值"], rows: [
                ["机关报告数", "\(nation.members.count)（表三完整的 \(nation.requestsReports) 份计入申请合计）"],
                ["本年新收申请", Show.count(m.received)],
                ["办结", Show.count(m.handled)],
                ["公开率（办结口径）", Markdown.text(Show.rateWithParts(m.disclosureRate))],
                ["不予公开率", Markdown.text(Show.rateWithParts(m.denialRate))],
                ["行政复议", Show.count(m.reviews)],
                ["行政诉讼", Show.count(m.lawsuits)],
                ["综合纠错率", Markdown.text(Show.rateWithParts(m.correctionRate))],
            ], numeric: [1])
            page.html(OutcomeMix.svg([("全国合计", nation.sums)], title: "\(year)年申请办理结果构成"))
            leaders(&page, site, year: year)
            provinces(&page, site, year: year)
        }

        let errors = dataset.reports.filter { $0.count(.error) > 0 }.count
        page.heading("数据质量")
        page.paragraph("\(errors) 份报告有错误（勾稽关系不成立、数据不合理等），\(unread) 个文件未能读取。详见\(Markdown.link("数据质量", to: SitePaths.quality))。")

        page.heading("全部报告")
        if dataset.reports.count <= listLimit {
            ReportList.add(&page, site, ReportList.sorted(site, dataset.reports.map(\.index)), caption: "全部报告（点击表头排序）")
        } else {
            page.paragraph("报告较多，按年度列出：" + dataset.years.map { Markdown.link("\($0)年（\(site.reportsByYear[$0]?.count ?? 0) 份）", to: SitePaths.year($0)) }.joined(separator: "、"))
        }
        return page
    }

    /// The three highest and lowest of the key rates in each peer group that has enough organs.
    private static func leaders(_ page: inout Page, _ site: SiteIndex, year: Int) {
        let keys = ["disclosure_rate", "denial_rate", "correction_rate"]
        var rows: [[String]] = []
        for key in keys {
            guard let indices = site.rankings[year]?[key] else { continue }
            for r in indices {
                let ranking = site.dataset.rankings[r]
                guard ranking.entries.count >= 3 else { continue }
                let top = ranking.entries.prefix(3).map { Markdown.link(site.name(of: site.dataset.reports[$0.report]), to: site.reportPath($0.report)) + " " + Markdown.text($0.figure.formatted) }
                let bottom = ranking.entries.suffix(3).reversed().map { Markdown.link(site.name(of: site.dataset.reports[$0.report]), to: site.reportPath($0.report)) + " " + Markdown.text($0.figure.formatted) }
                rows.append([Markdown.link(ranking.metric.label, to: SitePaths.ranking(key, year: year)), Markdown.text(ranking.group.label),
                             top.joined(separator: "；"), bottom.joined(separator: "；")])
            }
        }
        guard !rows.isEmpty else {
            page.paragraph("同组机关不足 3 家或申请数不足，暂不列出排名前后的机关；见\(Markdown.link("排名", to: SitePaths.rankings))。")
            return
        }
        page.table("\(year)年各组排名前三与后三", header: ["指标", "比较组", "前三", "后三"], rows: rows)
    }

    private static func provinces(_ page: inout Page, _ site: SiteIndex, year: Int) {
        let codes = site.children[.init(adcode: RegionTotals.nationalCode, year: year)] ?? []
        guard !codes.isEmpty else { return }
        page.heading("按地区")
        RegionPage.comparison(&page, site, codes: codes, year: year, caption: "\(year)年各省级地区合计")
    }
}
