import Analysis
import Foundation
import ReportModel

/// `reports.json`: every govreport/1 record (its diagnostics include the checks' findings), each
/// with a `metrics` object added, so a consumer of govreport/1 reads it unchanged.
public enum ReportsJSON {
    public static func data(_ dataset: Dataset) throws -> Data {
        struct File: Encodable {
            let schema = "govreport-dataset/1"
            let reports: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(File(reports: dataset.reports.map(Entry.init)))
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
