import Foundation
import Ingest
import ReportModel
import Testing

/// The five real seed reports against their records read by hand, cell by cell
/// (copied from the project's shared `expected/`). Every compared key must hold the same value;
/// `title`, `format` and `diagnostics` are not compared, as docs/report-json.md says.
@Suite struct SeedReportTests {
    static let seedNames = [
        "000_b705187fbbb0935d", "001_656a75cba6cb305a", "002_d0051cf01b0f959b",
        "003_27ef94279877d414", "004_26e628ebac378d18",
    ]

    @Test(arguments: seedNames)
    func extractedRecordEqualsExpected(_ name: String) throws {
        let record = try Fixtures.record(seed: name)
        let actual = try JSONSerialization.jsonObject(with: record.jsonData()) as! [String: Any]
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Fixtures.url("expected/\(name).json"))) as! [String: Any]

        let differences = JSONDifference.compare(expected: expected, actual: actual, ignoring: ["title", "format", "diagnostics"])
        #expect(differences.isEmpty, "\(name): \(differences.joined(separator: "\n"))")
    }

    @Test func everyRecordKeyIsPresentEvenWhenNull() throws {
        let record = try Fixtures.record(seed: "000_b705187fbbb0935d")
        let json = try JSONSerialization.jsonObject(with: record.jsonData()) as! [String: Any]
        for key in ["schema", "source", "format", "format_version", "scope", "published", "title", "agency", "year",
                    "region", "active", "active_2019", "requests", "reviews_and_lawsuits", "diagnostics"] {
            #expect(json.keys.contains(key), "missing key \(key)")
        }
        #expect(json["active_2019"] is NSNull)
        let active = json["active"] as! [String: Any]
        #expect(active["licensing"] is NSNull, "a blank cell is null, never 0")
    }

    @Test func blankSeedSaysSoInsteadOfReportingZeros() throws {
        let record = try Fixtures.record(seed: "000_b705187fbbb0935d")
        let codes = record.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "table-blank" }.count == 2, "tables 三 and 四 are entirely blank")
        #expect(record.diagnostics.contains { $0.code == "blank-cell" && $0.where == "table 二, 规章, 本年废止件数" })
        #expect(!record.diagnostics.contains { $0.severity == .error })
    }

    @Test func cleanSeedsHaveNoWarnings() throws {
        for name in ["002_d0051cf01b0f959b", "004_26e628ebac378d18"] {
            let record = try Fixtures.record(seed: name)
            #expect(record.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(name): \(record.diagnostics)")
        }
    }

    @Test func publicationDateAndScopeFromTheText() throws {
        #expect(try Fixtures.record(seed: "002_d0051cf01b0f959b").published == "2025-01-08")
        #expect(try Fixtures.record(seed: "004_26e628ebac378d18").published == nil)
        #expect(try Fixtures.record(seed: "004_26e628ebac378d18").scope == .organ)
        #expect(try Fixtures.record(seed: "001_656a75cba6cb305a").scope == .region)
    }

    @Test func recordRoundTripsThroughJSON() throws {
        for name in Self.seedNames {
            let record = try Fixtures.record(seed: name)
            var decoded = try JSONDecoder().decode(ReportRecord.self, from: record.jsonData())
            #expect(decoded.narrative == Narrative(), "the narrative is not part of the JSON record")
            decoded.narrative = record.narrative
            #expect(decoded == record)
        }
    }
}

enum Fixtures {
    static func url(_ path: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
    }

    static func record(seed name: String) throws -> ReportRecord {
        let data = try Data(contentsOf: url("seeds/\(name).txt"))
        switch ReportReader.read(data: data, source: "\(name).txt") {
        case .report(let record): return record
        case .unread(let file): throw FixtureError.unread(file.reason)
        }
    }

    /// Reads hand-made text as a report.
    static func record(text: String, source: String = "case.txt") -> ReportRecord {
        switch ReportReader.read(data: Data(text.utf8), source: source) {
        case .report(let record): return record
        case .unread(let file): fatalError("unexpected unread: \(file.reason)")
        }
    }

    enum FixtureError: Error { case unread(String) }
}

/// Lists every path where two JSON values differ; `ignoring` names top-level keys left out.
enum JSONDifference {
    static func compare(expected: Any, actual: Any, path: String = "", ignoring: Set<String> = []) -> [String] {
        switch (expected, actual) {
        case (let e as [String: Any], let a as [String: Any]):
            return e.keys.sorted().filter { !ignoring.contains($0) }.flatMap { key -> [String] in
                guard let value = a[key] else { return ["\(path)/\(key): missing"] }
                return compare(expected: e[key]!, actual: value, path: "\(path)/\(key)")
            }
        case (let e as [Any], let a as [Any]):
            guard e.count == a.count else { return ["\(path): \(e.count) items, found \(a.count)"] }
            return zip(e, a).enumerated().flatMap { compare(expected: $1.0, actual: $1.1, path: "\(path)[\($0)]") }
        case (is NSNull, is NSNull):
            return []
        case (let e as NSNumber, let a as NSNumber):
            return e.doubleValue == a.doubleValue ? [] : ["\(path): expected \(e), found \(a)"]
        case (let e as String, let a as String):
            return e == a ? [] : ["\(path): expected \(e), found \(a)"]
        default:
            return ["\(path): expected \(expected), found \(actual)"]
        }
    }
}
