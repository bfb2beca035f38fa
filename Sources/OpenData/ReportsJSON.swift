import Analysis
import Foundation
import ReportModel

/// `reports.json`: govreport/1 records (their diagnostics include the checks' findings), each
/// with a `metrics` object added, so a consumer of govreport/1 reads it unchanged:
/// `{"reports":[…],"schema":"govreport-dataset/1"}`.
public enum ReportsJSON {
    public static let schema = "govreport-dataset/1"

    /// The file for these reports. Each record is encoded alone and the bytes joined, as one
    /// encoding of the whole file would write them (sorted keys, no spaces), so the encoder never
    /// holds more than one record's tree.
    public static func data(_ reports: some Sequence<DatasetReport>) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data("{\"reports\":[".utf8)
        var first = true
        for report in reports {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(try encoder.encode(Entry(report)))
        }
        out.append(contentsOf: Data("],\"schema\":\"\(schema)\"}".utf8))
        return out
    }

    /// One record with its figures: the record's own keys, plus `metrics` and `report_id`.
    public struct Entry: Encodable {
        let report: DatasetReport
        init(_ report: DatasetReport) { self.report = report }

        public func encode(to encoder: any Encoder) throws {
            try report.record.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(report.index, forKey: Keys("report_id"))
            try c.encode(MetricsObject(metrics: report.metrics), forKey: Keys("metrics"))
            try c.encode(report.supersededBy, forKey: Keys("superseded_by"))
        }
    }

    /// `{"disclosure_rate": {"value": 0.33, "numerator": 35, "denominator": 106}, "received": 103, …}`
    public struct MetricsObject: Encodable {
        let metrics: ReportMetrics
        public init(metrics: ReportMetrics) { self.metrics = metrics }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            for m in MetricCatalogue.all {
                switch m.figure(metrics) {
                case .count(let v): try c.encode(v, forKey: Keys(m.id))
                case .rate(let r): try c.encode(RateObject(rate: r), forKey: Keys(m.id))
                }
            }
        }
    }

    struct RateObject: Encodable {
        let rate: Rate
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(rate.value, forKey: Keys("value"))
            try c.encode(rate.numerator, forKey: Keys("numerator"))
            try c.encode(rate.denominator, forKey: Keys("denominator"))
            try c.encode(rate.reason, forKey: Keys("reason"))
        }
    }

    struct Keys: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
