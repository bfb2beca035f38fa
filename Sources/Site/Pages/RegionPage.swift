import Analysis
import Foundation
import ReportModel

/// One region in one year: its totals (summed from organ reports only), its sub-regions and organs
/// side by side, the outcome mix, and any region-wide report beside the sum as a reconciliation.
enum RegionPage {
    /// Of everything the page and its JSON show: the region's own totals and members, its trail,
    /// its sub-regions' totals, and its own organs and region-wide reports.
    static func digest(_ site: SiteIndex, region: RegionTotals) -> ContentHash {
        let key = SiteIndex.RegionKey(adcode: region.adcode, year: region.year)
        var d = DigestBuilder("region-page")
        d.add(site.frame)
        d.add(site.regionSummaries[key] ?? ContentHash(high: 0, low: 0))
        d.add(site.crumbs(to: region.adcode == RegionTotals.nationalCode ? nil : region.adcode, year: region.year))
        let codes = site.children[key] ?? []
        d.add(codes.count)
        for code in codes {
            d.add(code)
            d.add(site.regionSummaries[.init(adcode: code, year: region.year)] ?? ContentHash(high: 0, low: 0))
        }
        d.add(reports: site.reportsAt[key] ?? [], of: site)
        return d.digest
    }

    static func make(_ site: SiteIndex, region: RegionTotals) -> Page {
        let path = SitePaths.region(region.adcode, year: region.year)
        let root = SitePaths.root(from: path)
        var crumbs = site.crumbs(to: region.adcode == RegionTotals.nationalCode ? nil : region.adcode, year: region.year)
        crumbs[crumbs.count - 1] = Page.Crumb(region.name, nil)
        var page = Page(path: path, title: "\(region.name) \(region.year)年", crumbs: crumbs,
                        lead: "\(region.level.label)地区（\(region.adcode)）。合计由本地区内各机关本级报告相加，比率由合计重新计算。")
        let m = region.metrics
        page.heading("合计")
        page.table("\(region.name)\(region.year)年合计", header: ["项目", "数值"], rows: [
            ["计入的机关报告", "\(region.members.count) 份（表三完整 \(region.requestsReports) 份，表四完整 \(region.disputesReports) 份）"],
            ["本年新收申请", Show.count(m.received)],
            ["办结", Show.count(m.handled)],
            ["公开率（办结口径）", Markdown.text(Show.rateWithParts(m.disclosureRate))],
            ["不予公开率", Markdown.text(Show.rateWithParts(m.denialRate))],
            ["结转率", Markdown.text(Show.rateWithParts(m.backlogRate))],
            ["行政复议", Show.count(m.reviews)],
            ["行政诉讼", Show.count(m.lawsuits)],
            ["综合纠错率", Markdown.text(Show.rateWithParts(m.correctionRate))],
        ], numeric: [1])

        reconciliation(&page, site, region, root: root)

        let key = SiteIndex.RegionKey(adcode: region.adcode, year: region.year)
        if let codes = site.children[key], !codes.isEmpty {
            page.heading("下级地区")
            comparison(&page, site, codes: codes, year: region.year, caption: "\(region.name)下级地区比较（点击表头排序）")
        }
        let own = (site.reportsAt[key] ?? []).filter { site.dataset.reports[$0].record.scope == .organ }
        if !own.isEmpty {
            page.heading("本级机关")
            organs(&page, site, own, root: root, caption: "\(region.name)本级机关比较（点击表头排序）")
            page.html(OutcomeMix.svg(own.prefix(40).map { (site.name(of: site.dataset.reports[$0]), site.dataset.reports[$0].record) },
                                     title: "\(region.name)本级机关申请办理结果构成"))
        }
        page.paragraph(Markdown.link("下载本页数据（JSON）", to: root + SitePaths.regionJSON(region.adcode, year: region.year)))
        return page
    }

    /// Sub-regions side by side, each linking to its page, with an outcome-mix chart.
    static func comparison(_ page: inout Page, _ site: SiteIndex, codes: [String], year: Int, caption: String) {
        let root = SitePaths.root(from: page.path)
        let regions = codes.compactMap { site.regions[.init(adcode: $0, year: year)] }
        page.table(caption, header: ["地区", "机关报告", "本年新收申请", "公开率", "不予公开率", "行政复议", "行政诉讼", "纠错率"],
                   rows: regions.map { r in
                       [Markdown.link(r.name, to: root + SitePaths.region(r.adcode, year: year)), String(r.members.count),
                        Show.count(r.metrics.received), Markdown.text(r.metrics.disclosureRate.formatted), Markdown.text(r.metrics.denialRate.formatted),
                        Show.count(r.metrics.reviews), Show.count(r.metrics.lawsuits), Markdown.text(r.metrics.correctionRate.formatted)]
                   }, numeric: Set(1...7), sortable: true)
        page.html(OutcomeMix.svg(regions.prefix(40).map { ($0.name, $0.sums) }, title: caption.replacingOccurrences(of: "（点击表头排序）", with: "") + "：申请办理结果构成"))
    }

    static func organs(_ page: inout Page, _ site: SiteIndex, _ indices: [Int], root: String, caption: String) {
        let sorted = indices.sorted { site.name(of: site.dataset.reports[$0]) < site.name(of: site.dataset.reports[$1]) }
        page.table(caption, header: ["机关", "本年新收申请", "公开率", "不予公开率", "结转率", "行政复议", "行政诉讼", "错误"],
                   rows: sorted.map { i in
                       let r = site.dataset.reports[i], m = r.metrics
                       var name = Markdown.link(site.name(of: r), to: root + site.reportPath(i))
                       if r.supersededBy != nil { name += "（已被替代，不计入）" }
                       return [name, Show.count(m.received), Markdown.text(m.disclosureRate.formatted), Markdown.text(m.denialRate.formatted),
                               Markdown.text(m.backlogRate.formatted), Show.count(m.reviews), Show.count(m.lawsuits), String(r.count(.error))]
                   }, numeric: Set(1...7), sortable: true)
    }

    /// A government's region-wide report beside the sum of organ reports: never added to it.
    private static func reconciliation(_ page: inout Page, _ site: SiteIndex, _ region: RegionTotals, root: String) {
        guard !region.regionWideReports.isEmpty else { return }
        page.heading("与本行政区域汇总报告对照")
        page.paragraph("下表把本地区政府发布的本行政区域汇总报告与本站由各机关报告相加的合计并列；汇总报告不计入合计。差额可能来自未收录的机关报告或汇总口径不同。")
        let keys = ["received", "handled", "reviews", "lawsuits"].compactMap(MetricCatalogue.definition)
        var rows: [[String]] = []
        for index in region.regionWideReports {
            let report = site.dataset.reports[index]
            for metric in keys {
                let stated = metric.figure(report.metrics).sortValue, summed = metric.figure(region.metrics).sortValue
                let diff = (stated != nil && summed != nil) ? Show.decimal(stated! - summed!) : "—"
                rows.append([Markdown.link(site.name(of: report), to: root + site.reportPath(index)) + " · " + Markdown.text(metric.label),
                             stated.map(Show.decimal) ?? "—", summed.map(Show.decimal) ?? "—", diff])
            }
        }
        page.table("汇总报告与机关报告合计对照", header: ["项目", "汇总报告所列", "机关报告合计", "差额"], rows: rows, numeric: [1, 2, 3])
    }
}

/// A region's figures as JSON beside its page, for scripts and re-use.
enum RegionData {
    static func file(_ site: SiteIndex, region: RegionTotals) throws -> SiteFile {
        SiteFile(path: SitePaths.regionJSON(region.adcode, year: region.year), text: json(site, region: region).text)
    }

    static func json(_ site: SiteIndex, region: RegionTotals) -> PrettyJSON {
        var metrics: [String: PrettyJSON] = [:]
        for metric in MetricCatalogue.all {
            switch metric.figure(region.metrics) {
            case .count(let v): metrics[metric.id] = v.map(PrettyJSON.int) ?? .null
            case .rate(let r):
                metrics[metric.id] = .object(["value": r.value.map(PrettyJSON.double) ?? .null, "numerator": r.numerator.map(PrettyJSON.int) ?? .null,
                                              "denominator": r.denominator.map(PrettyJSON.int) ?? .null])
            }
        }
        return .object([
            "adcode": .string(region.adcode), "name": .string(region.name), "level": .string("\(region.level)"), "year": .int(region.year),
            "reports": .array(region.members.map { .string(site.ids[$0]) }),
            "region_wide_reports": .array(region.regionWideReports.map { .string(site.ids[$0]) }),
            "requests_reports": .int(region.requestsReports), "disputes_reports": .int(region.disputesReports),
            "metrics": .object(metrics),
            "subregions": .array((site.children[.init(adcode: region.adcode, year: region.year)] ?? []).map(PrettyJSON.string)),
        ])
    }
}
