import Foundation
import Ingest
import ReportModel
import Testing

/// Each seed published the ways real publishers do (script/make-web-fixtures.py made them from
/// the seeds): every one must read to its seed's hand-read record, in the right format, with the
/// encoding named when it was guessed and no warning the seed itself does not have.
@Suite struct FormatFixtureTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        var file: String
        var format: SourceFormat
        /// Whether reading it must say the encoding was guessed.
        var encodingGuessed: Bool
        var seed: String { String(file.prefix { $0 != "." }) }
        var testDescription: String { file }
    }

    static let fixtures: [Fixture] = [
        Fixture(file: "004_26e628ebac378d18.word.htm", format: .html, encodingGuessed: false),
        Fixture(file: "002_d0051cf01b0f959b.word.html", format: .html, encodingGuessed: false),
        Fixture(file: "003_27ef94279877d414.portal.html", format: .html, encodingGuessed: false),
        Fixture(file: "000_b705187fbbb0935d.portal.html", format: .html, encodingGuessed: true),
        Fixture(file: "004_26e628ebac378d18.md", format: .markdown, encodingGuessed: false),
        Fixture(file: "002_d0051cf01b0f959b.md", format: .markdown, encodingGuessed: false),
        Fixture(file: "002_d0051cf01b0f959b.gbk.txt", format: .textCells, encodingGuessed: true),
        Fixture(file: "001_656a75cba6cb305a.gbk.txt", format: .textPipes, encodingGuessed: true),
        Fixture(file: "003_27ef94279877d414.utf16le-bom.txt", format: .textCells, encodingGuessed: false),
        Fixture(file: "004_26e628ebac378d18.utf16be.txt", format: .textCells, encodingGuessed: true),
        Fixture(file: "001_656a75cba6cb305a.utf16le.txt", format: .textPipes, encodingGuessed: true),
    ]

    static func read(_ file: String, as fileName: String? = nil) throws -> ReportRecord {
        let data = try Data(contentsOf: Fixtures.url("formats/\(file)"))
        switch ReportReader.read(data: data, source: fileName ?? file) {
        case .report(let record): return record
        case .unread(let unread): throw Fixtures.FixtureError.unread(unread.reason)
        }
    }

    @Test(arguments: fixtures)
    func readsToTheSeedsRecord(_ fixture: Fixture) throws {
        let record = try Self.read(fixture.file)
        #expect(record.format == fixture.format)
        let actual = try JSONSerialization.jsonObject(with: record.jsonData()) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Fixtures.url("expected/\(fixture.seed).json"))) as! [String: Any]
        let differences = JSONDifference.compare(
            expected: expected, actual: actual, ignoring: ["title", "format", "diagnostics", "source"])
        #expect(differences.isEmpty, "\(fixture.file): \(differences.joined(separator: "\n"))")
        #expect(record.source == fixture.file)

        let guessed = record.diagnostics.filter { $0.code == "encoding-guessed" }
        #expect(guessed.isEmpty == !fixture.encodingGuessed, "\(record.diagnostics.map(\.message))")
        #expect(guessed.allSatisfy { $0.severity == .info })

        let seed = try Fixtures.record(seed: fixture.seed)
        func warnings(_ r: ReportRecord) -> [String] {
            r.diagnostics.filter { $0.severity >= .warning }.map { "\($0.code) @ \($0.where ?? "")" }.sorted()
        }
        #expect(warnings(record) == warnings(seed), "\(fixture.file)")
    }

    @Test func encodingGuessNamesTheEncoding() throws {
        let gbk = try Self.read("002_d0051cf01b0f959b.gbk.txt")
        #expect(gbk.diagnostics.contains { $0.code == "encoding-guessed" && $0.message.contains("GB18030") })
        let utf16 = try Self.read("004_26e628ebac378d18.utf16be.txt")
        #expect(utf16.diagnostics.contains { $0.code == "encoding-guessed" && $0.message.contains("UTF-16BE") })
        let page = try Self.read("000_b705187fbbb0935d.portal.html")
        #expect(page.diagnostics.contains { $0.code == "encoding-guessed" && $0.message.contains("GB18030") })
    }

    @Test func webPagesAreFoundByTheirContentWhateverTheirName() throws {
        for file in ["003_27ef94279877d414.portal.html", "004_26e628ebac378d18.word.htm"] {
            let record = try Self.read(file, as: "report.txt")
            #expect(record.format == .html, "\(file)")
            #expect(record.requests[.total] == (try Self.read(file)).requests[.total])
        }
        let markdown = try Self.read("004_26e628ebac378d18.md", as: "report")
        #expect(markdown.format == .markdown)
        #expect(markdown.requests[.new] == [41, 1, 0, 0, 61, 0, 103])
    }
}
