import Analysis
import Foundation
import Ingest
@testable import PublishKit
import ReportModel
import SampleCorpus
import Testing

/// A site build checks and sketches each report where it is read and then drops its narrative
/// (`AnalysedOutcome`); the dataset it builds from those must be the one the full records give.
@Suite struct AnalysedOutcomeTests {
    @Test func aDatasetFromAnalysedOutcomesEqualsOneFromTheFullRecords() throws {
        let files = SampleGenerator(options: .init(count: 160, years: [2022, 2023, 2024], seed: 11)).generate()
        let records = files.compactMap { file -> ReportRecord? in
            if case .report(let r) = ReportReader.read(data: file.data, source: file.path) { r } else { nil }
        }
        #expect(records.count > 100)
        let analysed = records.map { AnalysedOutcome(.report($0)) }
        let stripped = analysed.map { a -> ReportRecord in
            guard case .report(let r) = a.outcome else { fatalError("a report stays a report") }
            return r
        }
        #expect(stripped.allSatisfy { $0.narrative == Narrative() })

        let full = Dataset(records: records, options: .init(minimumRequests: 1))
        let fromCache = Dataset(records: stripped, analyses: analysed.map { $0.analysis! }, options: .init(minimumRequests: 1))
        #expect(full.reports.count == fromCache.reports.count)
        for (a, b) in zip(full.reports, fromCache.reports) {
            #expect(a.record.source == b.record.source)
            #expect(a.record.diagnostics == b.record.diagnostics, "\(a.record.source)")
            #expect(a.identities == b.identities, "\(a.record.source)")
            // The counts kept per report are those of the results worked out again.
            #expect(b.identityCounts == IdentityCounts(b.identities) && b.identityCounts == a.identityCounts, "\(a.record.source)")
            #expect(b.identityCounts.total > 0)
            #expect(a.similarity == b.similarity, "\(a.record.source)")
            #expect(a.supersededBy == b.supersededBy)
        }
        // The cross-report checks had something to compare: similarity across years and organs.
        #expect(full.reports.contains { $0.similarity.previousYear != nil })
        #expect(full.reports.contains { $0.similarity.sameYear != nil })
        #expect(full.rankings.map { $0.entries.map(\.report) } == fromCache.rankings.map { $0.entries.map(\.report) })
        #expect(full.regions.map(\.adcode) == fromCache.regions.map(\.adcode))
    }
}
