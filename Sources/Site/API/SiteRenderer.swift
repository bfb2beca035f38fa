import Analysis
import Dispatch
import Foundation
import ReportModel

/// Turns the content into every file of the site, handing each to the writer as soon as it is
/// made: pages are composed and written on all cores (only the cmark call is serialised), and no
/// page holds work proportional to the whole corpus except the listings meant to.
public enum SiteRenderer {
    public enum RenderError: Error, CustomStringConvertible {
        case pathCollision(path: String, first: String, second: String)

        public var description: String {
            switch self {
            case .pathCollision(let path, let first, let second):
                return "两个输入文件对应同一页面 \(path)：\(first) 与 \(second)"
            }
        }
    }

    /// Renders every page and data file. Returns the number of files made (files the build memo
    /// kept as they were are not counted).
    @discardableResult
    public static func render(_ content: SiteContent, theme: Theme, to writer: any SiteWriter) throws -> Int {
        let site = SiteIndex(content)
        try site.checkCollisions()
        let layout = Layout(theme: theme, settings: content.settings, navigation: site.navigation)

        // Every job is memoized: made again only when the digest of what it shows changed (see
        // `SiteWriter.memoized`). Each job returns the number of files it wrote.
        var jobs: [@Sendable () throws -> Int] = []
        func page(_ key: String, _ digest: @escaping @Sendable () -> ContentHash, _ make: @escaping @Sendable () -> Page) {
            jobs.append { try writer.memoized(key, digest: digest()) { [layout.render(make())] } }
        }
        /// Pages that sum up the whole dataset: made again whenever anything changed.
        func summary(_ key: String, _ make: @escaping @Sendable () -> Page) { page(key, { site.everything }, make) }

        summary("home") { HomePage.make(site) }
        summary("unread") { UnreadPage.make(site) }
        // Each year's reports with findings, found once for the quality page and its lists.
        let years = content.dataset.years
        let withFindings = Dictionary(uniqueKeysWithValues: zip(years, ParallelMap.map(years) { QualityListPage.withFindings(site, year: $0) }))
        summary("quality") { QualityPage.make(site, withFindings: withFindings) }
        page("methodology", { MethodologyPage.digest(site) }) { MethodologyPage.make(site) }
        page("downloads", { DownloadsDigest.digest(site) }) { DownloadsPage.make(site) }
        summary("rankings") { RankingsIndexPage.make(site) }
        summary("regions") { RegionsIndexPage.make(site) }
        page("404", { site.frame }) { NotFoundPage.make(site) }
        for year in content.dataset.years {
            for number in 1...YearPage.pageCount(site, year: year) {
                page("year:\(year):\(number)", { YearPage.digest(site, year: year, page: number) }) { YearPage.make(site, year: year, page: number) }
            }
            let reports = withFindings[year] ?? []
            for number in 1...QualityListPage.pageCount(reports) {
                page("quality:\(year):\(number)", { QualityListPage.digest(site, year: year, reports: reports, page: number) }) {
                    QualityListPage.make(site, year: year, reports: reports, page: number)
                }
            }
            for metric in MetricCatalogue.all {
                page("ranking:\(metric.id):\(year)", { RankingPage.digest(site, metric: metric, year: year) }) {
                    RankingPage.make(site, metric: metric, year: year)
                }
                for (ranking, number) in RankingPage.continuations(site, metric: metric, year: year) {
                    let group = content.dataset.rankings[ranking].group.id
                    page("ranking:\(metric.id):\(year):\(group):\(number)",
                         { RankingPage.continuationDigest(site, metric: metric, year: year, ranking: ranking, page: number) }) {
                        RankingPage.continuation(site, metric: metric, year: year, ranking: ranking, page: number)
                    }
                }
            }
        }
        for region in content.dataset.regions {
            jobs.append {
                try writer.memoized("region:\(region.adcode):\(region.year)", digest: RegionPage.digest(site, region: region)) {
                    [layout.render(RegionPage.make(site, region: region)), try RegionData.file(site, region: region)]
                }
            }
        }
        // Reports in chunks, so a 100,000-report site is not 100,000 tiny jobs.
        let reports = content.dataset.reports
        let chunk = 64
        for start in stride(from: 0, to: reports.count, by: chunk) {
            jobs.append {
                var count = 0
                for report in reports[start..<min(start + chunk, reports.count)] {
                    count += try writer.memoized("report:\(site.id(of: report))", digest: ReportPage.digest(site, report: report)) {
                        [layout.render(ReportPage.make(site, report: report)),
                         SiteFile(path: SitePaths.reportJSON(site.id(of: report)), data: try report.record.jsonData())]
                    }
                }
                return count
            }
        }
        // Both list the whole country, so each has its own narrow digest: names and paths, not figures.
        jobs.append {
            let entries = SearchIndex.entries(site)
            return try writer.memoized("search", digest: SearchIndex.digest(entries)) { [SearchIndex.file(entries)] }
        }
        jobs.append {
            let paths = Sitemap.paths(site), base = site.content.settings.baseURL ?? ""
            return try writer.memoized("sitemap", digest: Sitemap.digest(paths: paths, base: base)) { Sitemap.files(paths: paths, base: base) }
        }
        // The theme is in the memo's salt: its assets change only with it.
        jobs.append { try writer.memoized("assets", digest: DigestBuilder("assets").digest) { theme.assets } }

        let failures = FailureBox()
        let counter = FailureBox()
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            do {
                counter.add(try work[i]())
            } catch { failures.record(error) }
        }
        if let error = failures.first { throw error }
        return counter.count
    }

    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var error: Error?
        private var total = 0
        func record(_ e: Error) { lock.withLock { if error == nil { error = e } } }
        func add(_ n: Int) { lock.withLock { total += n } }
        var first: Error? { lock.withLock { error } }
        var count: Int { lock.withLock { total } }
    }
}
