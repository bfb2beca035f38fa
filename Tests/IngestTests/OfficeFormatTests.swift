import Foundation
import Ingest
import ReportModel
import Testing

/// Seed reports as their publishers put them out, as Word files and as PDFs printed from Word
/// (Fixtures/formats/, made by script/make-office-fixtures.py): each must give its seed's
/// hand-read record, cell by cell, like the seed's text does.
@Suite struct OfficeFormatTests {
    static func record(_ fixture: String) throws -> ReportRecord {
        let data = try Data(contentsOf: Fixtures.url("formats/\(fixture)"))
        switch ReportReader.read(data: data, source: "formats/\(fixture)") {
        case .report(let record): return record
        case .unread(let file): throw Fixtures.FixtureError.unread(file.reason)
        }
    }

    static func differences(_ record: ReportRecord, expected path: String) throws -> [String] {
        let actual = try JSONSerialization.jsonObject(with: record.jsonData()) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url(path))) as! [String: Any]
        return JSONDifference.compare(expected: expected, actual: actual, ignoring: ["source", "title", "format", "diagnostics"])
    }

    static let docxSeeds = ["000_b705187fbbb0935d", "002_d0051cf01b0f959b", "003_27ef94279877d414", "004_26e628ebac378d18"]
    static let pdfSeeds = ["000_b705187fbbb0935d", "004_26e628ebac378d18"]

    @Test(arguments: docxSeeds)
    func wordFileGivesTheSeedsRecord(_ seed: String) throws {
        let record = try Self.record("seed-\(seed.prefix(3)).docx")
        #expect(record.format == .docx)
        let differences = try Self.differences(record, expected: "expected/\(seed).json")
        #expect(differences.isEmpty, "\(seed).docx: \(differences.joined(separator: "\n"))")
    }

    @Test(arguments: pdfSeeds)
    func pdfPrintedFromWordGivesTheSeedsRecord(_ seed: String) throws {
        let record = try Self.record("seed-\(seed.prefix(3)).pdf")
        #expect(record.format == .pdf)
        let differences = try Self.differences(record, expected: "expected/\(seed).json")
        #expect(differences.isEmpty, "\(seed).pdf: \(differences.joined(separator: "\n"))")
        // Both PDFs have table 三 running over a page break, with a row Word cut in two.
        #expect(record.diagnostics.contains { $0.code == "pdf-row-across-pages" }, "\(record.diagnostics)")
    }

    @Test func pdfTableWithoutBordersIsInferredAndSaysSo() throws {
        // Seed 002 printed with its tables unruled: cells come from where the words sit.
        let record = try Self.record("seed-002-borderless.pdf")
        let differences = try Self.differences(record, expected: "expected/002_d0051cf01b0f959b.json")
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(record.diagnostics.contains { $0.code == "pdf-table-without-rulings" && $0.severity == .warning })
        #expect(record.published == "2025-01-08", "the date line after the last table is still a paragraph")
    }

    @Test func wordAndPDFSayWhatTheTextSays() throws {
        // Beyond the compared keys: the date line (a DATE field in the .docx), scope and diagnostics.
        let text = try Fixtures.record(seed: "002_d0051cf01b0f959b")
        let word = try Self.record("seed-002.docx")
        #expect(word.published == "2025-01-08" && text.published == "2025-01-08")
        #expect(word.scope == text.scope)
        #expect(word.title == text.title)
        #expect(word.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(word.diagnostics)")
        let pdf = try Self.record("seed-004.pdf")
        #expect(pdf.title == "瑶海区人民政府办公室2024年政府信息公开工作年度报告", "the running head is not the title")
        #expect(pdf.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(pdf.diagnostics)")
    }

    @Test func blankCellsInAPDFStayBlank() throws {
        let record = try Self.record("seed-000.pdf")
        #expect(record.active.rules == .init(issued: 1, repealed: nil, inForce: 5))
        #expect(record.diagnostics.contains { $0.code == "blank-cell" && $0.where == "table 二, 规章, 本年废止件数" })
        #expect(record.diagnostics.filter { $0.code == "table-blank" }.count == 2, "tables 三 and 四 are entirely blank")
    }

    // MARK: The 2019 trial format

    @Test(arguments: [("trial-2019.txt", SourceFormat.textCells), ("trial-2019.docx", .docx), ("trial-2019.pdf", .pdf)])
    func trialFormatReportIsReadAsTheTrialFormat(_ fixture: String, _ format: SourceFormat) throws {
        let record = try Self.record(fixture)
        #expect(record.format == format)
        let differences = try Self.differences(record, expected: "formats/trial-2019.expected.json")
        #expect(differences.isEmpty, "\(fixture): \(differences.joined(separator: "\n"))")
        #expect(record.formatVersion == .v2019)
        #expect(record.active == ActiveDisclosure(), "2019 columns are never put in the 2021 ones")
        #expect(record.requests[.otherNoCorrection].allSatisfy { $0 == nil })
        #expect(record.requests[.otherNoFee].allSatisfy { $0 == nil })
        #expect(!record.diagnostics.contains { $0.code == "format-version-conflict" || $0.code == "unexpected-column" })
        // The one blank cell is named as the trial format names its column.
        #expect(record.diagnostics.filter { $0.code == "blank-cell" }.map(\.where) == ["table 二, 其他对外管理服务事项, 处理决定数量"])
        let json = try JSONSerialization.jsonObject(with: record.jsonData()) as! [String: Any]
        #expect(json["format_version"] as? String == "2019")
    }
}
