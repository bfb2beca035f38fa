import Analysis
import Foundation
import ReportModel

/// `reports.json`: govreport/1 records (their diagnostics include the checks' findings), each
/// with a `metrics` object added, so a consumer of govreport/1 reads it unchanged:
/// `{"reports":[…],"schema":"govreport-dataset/1"}`.
public enum ReportsJSON {
    public static let schema = "govreport-dataset/1"

    /// The file for these reports, written as `JSONEncoder` would write `Entry`s (sorted keys,
    /// no spaces; `PartitionTests` compares the two) but straight into bytes.
    public static func data(_ reports: some Sequence<DatasetReport>) throws -> Data {
        var out = JSONOutput(pretty: false)
        out.openObject()
        out.key("reports")
        out.openArray()
        for report in reports {
            out.item()
            try report.record.writeJSON(into: &out, extra: Entry.extraKeys) { key, out in
                switch key {
                case "metrics": try MetricsObject(metrics: report.metrics).writeJSON(into: &out)
                case "report_id": out.int(report.index)
                default: out.int(report.supersededBy)
                }
            }
        }
        out.closeArray()
        out.key("schema")
        out.string(schema)
        out.closeObject()
        return Data(out.bytes)
    }

    /// One record with its figures: the record's own keys, plus `metrics` and `report_id`.
    public struct Entry: Encodable {
        /// What an entry adds to its record, in byte order.
        static let extraKeys = ["metrics", "report_id", "superseded_by"]
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

        /// `encode(to:)`'s object, keys in byte order.
        func writeJSON(into out: inout JSONOutput) throws {
            out.openObject()
            for m in Self.catalogueInKeyOrder {
                out.key(m.id)
                switch m.figure(metrics) {
                case .count(let v): out.int(v)
                case .rate(let r):
                    out.openObject()
                    out.key("denominator"); out.int(r.denominator)
                    out.key("numerator"); out.int(r.numerator)
                    out.key("reason"); out.string(r.reason)
                    out.key("value"); try out.number(r.value)
                    out.closeObject()
                }
            }
            out.closeObject()
        }

        private static let catalogueInKeyOrder = MetricCatalogue.all.sorted { String.utf8Precedes($0.id, $1.id) }
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
