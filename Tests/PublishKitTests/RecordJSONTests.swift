import Foundation
import Ingest
import ReportModel
import Testing

/// The record's JSON is written directly (`JSONOutput`), not through `JSONEncoder`; tools outside
/// this repository read it, so it must stay the bytes the encoder makes of the record's
/// `Encodable` form: every key, its order, spacing, numbers and escapes.
@Suite struct RecordJSONTests {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func records() -> [ReportRecord] {
        var records = ReadCacheTests.outcomes().compactMap { if case .report(let r) = $0.1 { r } else { nil } }
        records.append(hostileRecord())
        return records
    }

    /// Strings that need every escape, and numbers in every form the encoder writes differently.
    static func hostileRecord() -> ReportRecord {
        var record = ReportRecord(source: "a/b\\c\"d\u{0}e\u{1F}f\u{7F}\u{2028}🥸.txt", format: .html, scope: .organ,
                                  published: nil, title: "\t标题\n\r\u{8}\u{C}", agency: "</script>&<b>", year: -1)
        record.active.fees10kYuan = 1e-7
        record.active.licensing = Int.min
        record.active.punishment = Int.max
        var trial = ActiveDisclosure2019()
        trial.procurement.amount = 1e21
        record.active2019 = trial
        record.requests[.deniedThirdParty, .research] = -3
        record.diagnostics = [Diagnostic(.error, "", where: "", "\"quoted\" \\ back", expected: "1e+16", found: nil),
                              Diagnostic(.info, "x", "y")]
        return record
    }

    @Test func eachRecordIsTheEncodersBytes() throws {
        let records = Self.records()
        #expect(records.count > 25)
        for record in records {
            let direct = try record.jsonData()
            let encoded = try Self.encoder.encode(record)
            #expect(direct == encoded, "\(record.source)\n\(String(decoding: direct, as: UTF8.self))")
        }
    }

    @Test func doublesAreWrittenAsTheEncoderWritesThem() throws {
        var record = ReportRecord(source: "d.txt", format: .text)
        for value in [0, -0.0, 5, 0.1 + 0.2, 12.5, 1e-5, 0.000123, 1e15, 1e16, 9_007_199_254_740_993, 123_456_789_012.5,
                      .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5e-300] {
            record.active.fees10kYuan = value
            #expect(try record.jsonData() == Self.encoder.encode(record), "\(value)")
        }
    }

    @Test func anArrayOfRecordsIsTheEncodersBytes() throws {
        let records = Self.records()
        #expect(try ReportRecord.jsonData(records) == Self.encoder.encode(records))
        #expect(try ReportRecord.jsonData([]) == Self.encoder.encode([ReportRecord]()))
    }

    @Test func aFigureWithNoJSONFormFailsAsTheEncoderDoes() {
        for value in [Double.nan, .infinity, -.infinity] {
            var record = ReportRecord(source: "n.txt", format: .text)
            record.active.fees10kYuan = value
            #expect(throws: EncodingError.self) { try record.jsonData() }
            #expect(throws: EncodingError.self) { try Self.encoder.encode(record) }
        }
    }
}
