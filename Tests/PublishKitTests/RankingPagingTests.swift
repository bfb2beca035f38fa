import Analysis
import Foundation
import Ingest
import ReportModel
import SampleCorpus
@testable import Site
import Testing

/// A peer group ranks every organ of its kind in the country: its table is paged (one place a
/// page here, to see every boundary).
@Suite struct RankingPagingTests {
    static func site() -> SiteIndex {
        let records = SampleGenerator(options: .init(count: 60, years: [2024], seed: 4)).generate().compactMap { file -> ReportRecord? in
            if case .report(let r) = ReportReader.read(data: file.data, source: file.path) { return r }
            return nil
        }
        return SiteIndex(SiteContent(dataset: Dataset(records: records, options: .init(minimumRequests: 1)), unread: [], settings: SiteSettings(title: "t")))
    }

    @Test func aPeerGroupsRankingIsPaged() {
        let site = Self.site()
        let year = site.dataset.years[0]
        var continued = 0
        for metric in MetricCatalogue.all {
            let pages = RankingPage.continuations(site, metric: metric, year: year, pageSize: 1)
            for r in site.rankings[year]?[metric.id] ?? [] {
                let ranking = site.dataset.rankings[r]
                let own = pages.filter { $0.ranking == r }.map(\.page)
                // One place a page: page 1 on the metric's page, the rest on continuation pages.
                #expect(own == (ranking.entries.count > 1 ? Array(2...ranking.entries.count) : []))
                for number in own {
                    let page = RankingPage.continuation(site, metric: metric, year: year, ranking: r, page: number, pageSize: 1)
                    let rows = page.fragments.compactMap { fragment -> String? in
                        if case .table(_, let markdown, _, _) = fragment { return markdown }
                        return nil
                    }.flatMap { $0.split(separator: "\n").dropFirst(2) }
                    #expect(rows.count == 1)
                    // The row of place `number`, linking the organ ranked there.
                    let entry = ranking.entries[number - 1]
                    #expect(rows.first?.hasPrefix("| \(entry.rank) |") == true)
                    #expect(rows.first?.contains(site.reportPath(entry.report)) == true)
                    continued += 1
                }
            }
        }
        #expect(continued > 0)
    }
}
