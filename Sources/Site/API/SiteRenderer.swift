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

    /// Renders every page and data file. Returns the number of files written.
    @discardableResult
    public static func render(_ content: SiteContent, theme: Theme, to writer: any SiteWriter) throws -> Int {
        let site = SiteIndex(content)
        try site.checkCollisions()
        let layout = Layout(theme: theme, settings: content.settings, navigation: site.navigation)

        var jobs: [@Sendable () throws -> [SiteFile]] = []
        func page(_ make: @escaping @Sendable () -> Page) { jobs.append { [layout.render(make())] } }

        page { HomePage.make(site) }
        page { UnreadPage.make(site) }
        // Each year's reports with findings, found once for the quality page and its lists.
        let withFindings = Dictionary(uniqueKeysWithValues: content.dataset.years.map { ($0, QualityListPage.withFindings(site, year: $0)) })
        page { QualityPage.make(site, withFindings: withFindings) }
        page { MethodologyPage.make(site) }
        page { DownloadsPage.make(site) }
        page { RankingsIndexPage.make(site) }
        page { RegionsIndexPage.make(site) }
        page { NotFoundPage.make(site) }
        for year in content.dataset.years {
            for number in 1...YearPage.pageCount(site, year: year) { page { YearPage.make(site, year: year, page: number) } }
            let reports = withFindings[year] ?? []
            for number in 1...QualityListPage.pageCount(reports) {
                page { QualityListPage.make(site, year: year, reports: reports, page: number) }
            }
            for metric in MetricCatalogue.all {
                page { RankingPage.make(site, metric: metric, year: year) }
                for (ranking, number) in RankingPage.continuations(site, metric: metric, year: year) {
                    page { RankingPage.continuation(site, metric: metric, year: year, ranking: ranking, page: number) }
                }
            }
        }
        for region in content.dataset.regions {
            page { RegionPage.make(site, region: region) }
            jobs.append { [try RegionData.file(site, region: region)] }
        }
        // Reports in chunks, so a 100,000-report site is not 100,000 tiny jobs.
        let reports = content.dataset.reports
        let chunk = 64
        for start in stride(from: 0, to: reports.count, by: chunk) {
            jobs.append {
                var files: [SiteFile] = []
                for report in reports[start..<min(start + chunk, reports.count)] {
                    files.append(layout.render(ReportPage.make(site, report: report)))
                    files.append(SiteFile(path: SitePaths.reportJSON(site.id(of: report)), data: try report.record.jsonData()))
                }
                return files
            }
        }
        jobs.append { [SearchIndex.file(site)] + Sitemap.files(site) + theme.assets }

        let failures = FailureBox()
        let counter = FailureBox()
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            do {
                let files = try work[i]()
                for file in files { try writer.write(file) }
                counter.add(files.count)
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
