import Analysis
import Dispatch
import Foundation
import ReportModel

/// Lookups every page needs, computed once per build so that no page scans the whole dataset.
struct SiteIndex: Sendable {
    struct RegionKey: Hashable, Sendable { let adcode: String; let year: Int }
    struct Standing: Sendable { let rank: Int; let of: Int; let ranking: Int }

    let content: SiteContent
    var dataset: Dataset { content.dataset }
    /// Page id of each report, by dataset index.
    let ids: [String]
    let reportsByYear: [Int: [Int]]
    /// Each year's reports in the order the year pages list them.
    let listedByYear: [Int: [Int]]
    let regions: [RegionKey: RegionTotals]
    /// Sub-regions present under each region.
    let children: [RegionKey: [String]]
    /// Reports whose own division is exactly this one (organ and region-wide).
    let reportsAt: [RegionKey: [Int]]
    /// Each organ's reports, oldest first (superseded duplicates left out).
    let histories: [OrganKey: [Int]]
    /// Report index × metric (in `MetricCatalogue.all` order) → its place in its peer ranking:
    /// one flat table, not a dictionary per report (a hundred thousand of them on a national site).
    private let standingSlots: [Standing?]
    private static let metricSlots = Dictionary(uniqueKeysWithValues: MetricCatalogue.all.enumerated().map { ($1.id, $0) })
    /// Rankings by year and metric, one per peer group.
    let rankings: [Int: [String: [Int]]]
    /// Report index → its summary digest (see `ReportSummary`), for the build memo's page digests.
    let summaries: [ContentHash]
    /// Each region's summary digest (see `RegionSummary`).
    let regionSummaries: [RegionKey: ContentHash]
    private struct CrumbKey: Hashable {
        let adcode: String?
        let year: Int?
    }
    /// `crumbsDigest` of the division and year of every report.
    private var crumbDigests: [CrumbKey: ContentHash] = [:]
    /// Of the navigation every page shows.
    let frame: ContentHash
    /// Of everything the site shows: for the few pages that sum up the whole dataset.
    let everything: ContentHash

    init(_ content: SiteContent) {
        self.content = content
        let dataset = content.dataset
        ids = dataset.reports.map { SitePaths.reportID(source: $0.record.source) }
        var byYear: [Int: [Int]] = [:], at: [RegionKey: [Int]] = [:], histories: [OrganKey: [Int]] = [:]
        for report in dataset.reports {
            guard let year = report.record.year else { continue }
            byYear[year, default: []].append(report.index)
            if let code = report.record.region.adcode { at[RegionKey(adcode: code, year: year), default: []].append(report.index) }
            if report.supersededBy == nil, let organ = report.organ { histories[organ, default: []].append(report.index) }
        }
        reportsByYear = byYear
        listedByYear = byYear.mapValues { ReportList.sorted(dataset.reports, $0) }
        reportsAt = at
        self.histories = histories.mapValues { $0.sorted { (dataset.reports[$0].record.year ?? 0) < (dataset.reports[$1].record.year ?? 0) } }
        var regions: [RegionKey: RegionTotals] = [:], children: [RegionKey: [String]] = [:]
        for region in dataset.regions {
            let key = RegionKey(adcode: region.adcode, year: region.year)
            regions[key] = region
            if let parent = region.parentCode { children[RegionKey(adcode: parent, year: region.year), default: []].append(region.adcode) }
        }
        self.regions = regions
        self.children = children.mapValues { $0.sorted() }
        let metricCount = MetricCatalogue.all.count
        var standings = [Standing?](repeating: nil, count: dataset.reports.count * metricCount)
        var rankings: [Int: [String: [Int]]] = [:]
        for (r, ranking) in dataset.rankings.enumerated() {
            rankings[ranking.group.year, default: [:]][ranking.metric.id, default: []].append(r)
            guard let slot = Self.metricSlots[ranking.metric.id] else { continue }
            for entry in ranking.entries {
                standings[entry.report * metricCount + slot] = Standing(rank: entry.rank, of: ranking.entries.count, ranking: r)
            }
        }
        standingSlots = standings
        self.rankings = rankings
        summaries = Self.summaries(content)
        var regionSummaries: [RegionKey: ContentHash] = [:]
        frame = PageFrame.digest(Self.navigation(years: dataset.years))
        var everything = DigestBuilder("everything")
        everything.add(frame)
        everything.add(dataset.options.minimumRequests)
        everything.add(summaries.count)
        for summary in summaries { everything.add(summary) }
        everything.add(content.unread.count)
        for entry in content.unread {
            everything.add(entry.source)
            everything.add(entry.reason)
            everything.add(content.unreadCopies[entry.source])
        }
        everything.add(content.notices.count)
        for notice in content.notices { everything.add(notice) }
        self.everything = everything.digest
        for region in dataset.regions {
            regionSummaries[RegionKey(adcode: region.adcode, year: region.year)] = RegionSummary.digest(region, summaries: summaries)
        }
        self.regionSummaries = regionSummaries
        var crumbDigests: [CrumbKey: ContentHash] = [:]
        for report in dataset.reports {
            let key = CrumbKey(adcode: report.record.region.adcode, year: report.record.year)
            if crumbDigests[key] == nil { crumbDigests[key] = Self.digest(of: crumbs(to: key.adcode, year: key.year)) }
        }
        self.crumbDigests = crumbDigests
    }

    /// Every report's summary digest, on all cores.
    private static func summaries(_ content: SiteContent) -> [ContentHash] {
        let reports = content.dataset.reports
        var out = [ContentHash](repeating: ContentHash(high: 0, low: 0), count: reports.count)
        let chunk = 256
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: (reports.count + chunk - 1) / chunk) { c in
                for i in c * chunk..<min((c + 1) * chunk, reports.count) { slots[i] = ReportSummary.digest(content, reports[i]) }
            }
        }
        return out
    }

    /// The report's place in its peer ranking of the metric, if it is ranked.
    func standing(of report: Int, in metricID: String) -> Standing? {
        Self.metricSlots[metricID].flatMap { standingSlots[report * MetricCatalogue.all.count + $0] }
    }

    func id(of report: DatasetReport) -> String { ids[report.index] }
    func reportPath(_ index: Int) -> String { SitePaths.report(ids[index]) }

    func name(of report: DatasetReport) -> String { report.record.agency ?? "（机关未识别）\(report.record.source)" }

    func regionName(_ adcode: String, year: Int) -> String { regions[RegionKey(adcode: adcode, year: year)]?.name ?? adcode }

    /// The digest of `crumbs(to:year:)`: worked out once per division and year that reports are
    /// in, not once per report page (a national site has a hundred thousand of them).
    func crumbsDigest(to adcode: String?, year: Int?) -> ContentHash {
        if let digest = crumbDigests[CrumbKey(adcode: adcode, year: year)] { return digest }
        return Self.digest(of: crumbs(to: adcode, year: year))
    }

    private static func digest(of crumbs: [Page.Crumb]) -> ContentHash {
        var d = DigestBuilder("crumbs")
        d.add(crumbs)
        return d.digest
    }

    /// Trail from the nation down to `adcode` in `year`, each linking to its region page.
    func crumbs(to adcode: String?, year: Int?) -> [Page.Crumb] {
        var crumbs = [Page.Crumb("首页", SitePaths.home)]
        guard let year else { return crumbs }
        crumbs.append(Page.Crumb("\(year)年", SitePaths.year(year)))
        var chain = [RegionTotals.nationalCode]
        if let adcode {
            let levels = [String(adcode.prefix(2)) + "0000", String(adcode.prefix(4)) + "00", adcode]
            for code in levels where !chain.contains(code) { chain.append(code) }
        }
        for code in chain where regions[RegionKey(adcode: code, year: year)] != nil {
            crumbs.append(Page.Crumb(regionName(code, year: year), SitePaths.region(code, year: year)))
        }
        return crumbs
    }

    var navigation: [(label: String, path: String)] { Self.navigation(years: dataset.years) }

    static func navigation(years: [Int]) -> [(label: String, path: String)] {
        var nav: [(String, String)] = [("首页", SitePaths.home), ("地区", SitePaths.regions), ("排名", SitePaths.rankings)]
        for year in years.prefix(3) { nav.append(("\(year)年", SitePaths.year(year))) }
        nav += [("数据质量", SitePaths.quality), ("下载", SitePaths.downloads), ("方法", SitePaths.methodology)]
        return nav
    }

    /// Two inputs whose pages would land on the same path are a build error, never an overwrite.
    func checkCollisions() throws {
        var seen: [String: String] = [:]
        let sources = dataset.reports.map(\.record.source)
        for (id, source) in zip(ids, sources) {
            if let other = seen[id], other != source {
                throw SiteRenderer.RenderError.pathCollision(path: SitePaths.report(id), first: other, second: source)
            }
            seen[id] = source
        }
    }
}
