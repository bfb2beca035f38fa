import Analysis
import Foundation
import Ingest
import ReportModel
import SampleCorpus
import Testing

/// The generator is only useful if the readers read what it writes exactly: each generated file
/// is read back and compared with the record it was written from.
@Suite struct SampleCorpusTests {
    @Test(arguments: ReportWriter.Layout.allCases)
    func generatedReportsReadBackExactly(_ layout: ReportWriter.Layout) {
        let files = SampleGenerator(options: .init(count: 24, years: [2023, 2024], layouts: [layout], seed: 7)).generate()
        #expect(files.count == 24)
        for file in files {
            guard case .report(let record) = ReportReader.read(data: file.data, source: file.path) else {
                Issue.record("\(file.path) was not read")
                continue
            }
            #expect(file.layout == layout)
            #expect(record.format.rawValue == layout.rawValue, "\(file.path)")
            #expect(record.requests == file.truth.requests, "\(file.path)")
            #expect(record.reviewsAndLawsuits == file.truth.reviewsAndLawsuits, "\(file.path)")
            #expect(record.active == file.truth.active, "\(file.path)")
            #expect(record.agency == TextNormaliser.simplified.normalise(file.truth.agency!), "\(file.path)")
            #expect(record.year == file.truth.year)
            #expect(record.region.adcode == file.truth.region.adcode, "\(file.path): \(record.diagnostics.filter { $0.code.hasPrefix("region") })")
            #expect(record.published == file.truth.published)
        }
    }

    @Test func sampleDataSaysItIsSampleData() {
        let files = SampleGenerator(options: .init(count: 10, layouts: ReportWriter.Layout.allCases, seed: 3)).generate()
        #expect(Set(files.map(\.layout)).count > 3)
        for file in files {
            #expect(file.path.split(separator: "/").last!.hasPrefix("样例-"))
            #expect(file.truth.agency!.hasSuffix(SampleGenerator.marker))
            // A .docx is compressed: what it says is what a reader shows.
            guard case .report(let record) = ReportReader.read(data: file.data, source: file.path) else {
                Issue.record("\(file.path) was not read")
                continue
            }
            #expect(record.title?.contains("样例数据") == true, "\(file.path)")
            if file.layout != .docx { #expect(String(decoding: file.data, as: UTF8.self).contains("样例数据"), "\(file.path)") }
        }
    }

    @Test func sameSeedSameBytes() {
        for layouts in [nil, [ReportWriter.Layout.docx, .pdf]] {
            let a = SampleGenerator(options: .init(count: 12, layouts: layouts, seed: 5)).generate()
            let b = SampleGenerator(options: .init(count: 12, layouts: layouts, seed: 5)).generate()
            #expect(a.map(\.path) == b.map(\.path) && a.map(\.data) == b.map(\.data))
        }
    }

    @Test func corpusHasConsecutiveYearsAndImperfections() {
        let files = SampleGenerator(options: .init(count: 600, years: [2023, 2024], layouts: [.textCells], seed: 11)).generate()
        let dataset = Dataset(records: files.map { f in
            guard case .report(let r) = ReportReader.read(data: f.data, source: f.path) else { fatalError() }
            return r
        })
        #expect(dataset.changes.count > 200, "organs have consecutive years")
        let broken = dataset.reports.filter { $0.count(.error) > 0 }.count
        #expect(broken > 10 && broken < 120, "a share, not all, break an identity: \(broken)")
        #expect(!dataset.reports.contains { $0.record.diagnostics.contains { $0.code == "carry-over-mismatch" } },
                "carry-overs agree across years")
    }
}
