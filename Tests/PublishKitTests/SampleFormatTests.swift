import Analysis
import Foundation
import Ingest
import ReportModel
import SampleCorpus
import Testing

/// The .docx and PDF writers, read back by the real readers (the PDF through poppler), cell by
/// cell, on the reports that matter most: those with blank cells, an empty table 三 and a broken
/// identity, besides ordinary ones. And the format mix of `publish sample`.
@Suite struct SampleFormatTests {
    /// Which of 300 generated reports to read back: a few of each kind. The truths do not depend
    /// on the layout (the layout takes one draw whatever the mix), so the same reports are chosen
    /// for every format.
    static let chosen: [Int] = {
        let files = SampleGenerator(options: .init(count: 300, years: [2023, 2024], layouts: [.textCells], seed: 19)).generate()
        func first(_ n: Int, _ kind: (ReportRecord) -> Bool) -> [Int] { Array(files.indices.filter { kind(files[$0].truth) }.prefix(n)) }
        let allBlank = first(2) { r in RequestRow.allCases.allSatisfy { row in r.requests[row].allSatisfy { $0 == nil } } }
        let someBlank = first(3) { r in
            let cells = RequestRow.allCases.flatMap { r.requests[$0] }
            return cells.contains(nil) && cells.contains { $0 != nil }
        }
        let broken = first(3) { r in
            Dataset(records: [r]).reports[0].count(.error) > 0 && !RequestRow.allCases.flatMap { r.requests[$0] }.contains(nil)
        }
        let ordinary = first(3) { Dataset(records: [$0]).reports[0].count(.error) == 0 }
        return Array(Set(allBlank + someBlank + broken + ordinary)).sorted()
    }()

    @Test(arguments: [ReportWriter.Layout.docx, .pdf])
    func everyCellReadsBack(_ layout: ReportWriter.Layout) {
        let files = SampleGenerator(options: .init(count: 300, years: [2023, 2024], layouts: [layout], seed: 19)).generate()
        let plain = SampleGenerator(options: .init(count: 300, years: [2023, 2024], layouts: [.textCells], seed: 19)).generate()
        #expect(Self.chosen.count >= 9, "blank, empty, broken and ordinary reports among the 300")
        var compared = 0
        for i in Self.chosen {
            let file = files[i], truth = file.truth
            #expect(truth == plain[i].truth, "the same report whatever the layout")
            guard case .report(let record) = ReportReader.read(data: file.data, source: file.path) else {
                Issue.record("\(file.path) was not read")
                continue
            }
            #expect(record.format.rawValue == layout.rawValue)
            for row in RequestRow.allCases {
                for column in ApplicantColumn.allCases {
                    #expect(record.requests[row, column] == truth.requests[row, column], "\(file.path): 表三 \(row.rawValue) \(column)")
                    compared += 1
                }
            }
            for (i, (got, want)) in zip(record.reviewsAndLawsuits.cells, truth.reviewsAndLawsuits.cells).enumerated() {
                #expect(got == want, "\(file.path): 表四 cell \(i)")
                compared += 1
            }
            #expect(record.reviewsAndLawsuits.cells.count == truth.reviewsAndLawsuits.cells.count)
            let a = record.active, t = truth.active
            let active: [(String, Double?, Double?)] = [
                ("rules.issued", a.rules.issued.map(Double.init), t.rules.issued.map(Double.init)),
                ("rules.repealed", a.rules.repealed.map(Double.init), t.rules.repealed.map(Double.init)),
                ("rules.inForce", a.rules.inForce.map(Double.init), t.rules.inForce.map(Double.init)),
                ("normative.issued", a.normativeDocuments.issued.map(Double.init), t.normativeDocuments.issued.map(Double.init)),
                ("normative.repealed", a.normativeDocuments.repealed.map(Double.init), t.normativeDocuments.repealed.map(Double.init)),
                ("normative.inForce", a.normativeDocuments.inForce.map(Double.init), t.normativeDocuments.inForce.map(Double.init)),
                ("licensing", a.licensing.map(Double.init), t.licensing.map(Double.init)),
                ("punishment", a.punishment.map(Double.init), t.punishment.map(Double.init)),
                ("coercion", a.coercion.map(Double.init), t.coercion.map(Double.init)),
                ("fees", a.fees10kYuan, t.fees10kYuan),
            ]
            for (name, got, want) in active {
                #expect(got == want, "\(file.path): 表二 \(name)")
                compared += 1
            }
            #expect(record.active == truth.active, "\(file.path)")
            #expect(record.agency == TextNormaliser.simplified.normalise(truth.agency!), "\(file.path)")
            #expect(record.year == truth.year, "\(file.path)")
            #expect(record.region.adcode == truth.region.adcode, "\(file.path)")
            #expect(record.published == truth.published, "\(file.path)")
            // A broken identity is found in the file as in the truth; blank cells are reported, not guessed.
            #expect(Dataset(records: [record]).reports[0].count(.error) == Dataset(records: [truth]).reports[0].count(.error), "\(file.path)")
        }
        #expect(compared == Self.chosen.count * (25 * 7 + 15 + 10))
    }

    @Test func docxIsAWordPackage() {
        let file = SampleGenerator(options: .init(count: 1, layouts: [.docx], seed: 2)).generate()[0]
        #expect(file.data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        // Entry names are stored as they are, even in a compressed archive.
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml"] {
            #expect(file.data.range(of: Data(part.utf8)) != nil, "\(part)")
        }
    }

    @Test func standardMixHoldsEveryFormatAndFewPDFs() {
        let mix = FormatMix.standard
        #expect(Set(mix.layouts) == Set(ReportWriter.Layout.allCases))
        let total = mix.shares.reduce(0) { $0 + $1.weight }
        #expect(total == 1000)
        for n in [300, 1000, 2500] {
            var counts: [ReportWriter.Layout: Int] = [:]
            SampleGenerator(options: .init(count: n, seed: 4)).forEach { counts[$0.layout, default: 0] += 1 }
            // Each layout's share of the files, give or take one.
            for share in mix.shares {
                let expected = Double(n * share.weight) / Double(total)
                #expect(abs(Double(counts[share.layout] ?? 0) - expected) <= 1, "\(n) files: \(share.layout) \(counts[share.layout] ?? 0), \(expected) expected")
            }
            #expect((counts[.pdf] ?? 0) >= 1, "a corpus of \(n) holds a PDF")
        }
    }

    @Test func formatsOption() throws {
        #expect(try FormatMix.parse("text-cells=3,pdf=1").get() == FormatMix([.init(.textCells, 3), .init(.pdf, 1)]))
        #expect(try FormatMix.parse("docx,pdf").get() == FormatMix.equal([.docx, .pdf]))
        #expect(try FormatMix.parse(FormatMix.standard.description).get() == .standard)
        for bad in ["word", "pdf=-1", "pdf=x", "pdf=0", "pdf,pdf", ""] {
            #expect(throws: FormatMix.ParseError.self, "\(bad)") { try FormatMix.parse(bad).get() }
        }
        let onlyPDF = SampleGenerator(options: .init(count: 5, mix: try FormatMix.parse("pdf=1,html=0").get(), seed: 1)).generate()
        #expect(onlyPDF.allSatisfy { $0.layout == .pdf && $0.path.hasSuffix(".pdf") })
    }
}
