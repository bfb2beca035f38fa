import ReportModel

/// One organ's change between consecutive years: counts as absolute and relative change, rates in
/// percentage points.
public struct YearOverYear: Sendable {
    public struct Change: Sendable {
        public let metric: MetricDefinition
        public let previous: Figure
        public let current: Figure

        /// Counts: the difference; rates: the difference in percentage points.
        public var absolute: Double? {
            guard let a = previous.sortValue, let b = current.sortValue else { return nil }
            return metric.kind == .rate && !isPerHundred ? (b - a) * 100 : b - a
        }

        /// Counts only: the relative change; nil from zero.
        public var percent: Double? {
            guard metric.kind == .count, let a = previous.sortValue, let b = current.sortValue, a != 0 else { return nil }
            return (b - a) / a
        }

        private var isPerHundred: Bool { if case .rate(let r) = current { return r.scale != 1 } else { return false } }

        /// "+12（+11.65%）", "−3.20个百分点", "—".
        public var formatted: String {
            guard let d = absolute else { return "—" }
            let sign = d > 0 ? "+" : d < 0 ? "−" : "±"
            if metric.kind == .rate {
                return isPerHundred ? "\(sign)\(formatDecimal(abs(d)))" : "\(sign)\(formatDecimal(abs(d)))个百分点"
            }
            let count = "\(sign)\(Int(abs(d)))"
            guard let p = percent else { return count }
            return "\(count)（\(p >= 0 ? "+" : "−")\(formatPercent(abs(p)))）"
        }
    }

    public let previousIndex: Int
    public let currentIndex: Int
    public let changes: [Change]

    init(previous: (Int, ReportMetrics), current: (Int, ReportMetrics)) {
        previousIndex = previous.0
        currentIndex = current.0
        changes = MetricCatalogue.all.map {
            Change(metric: $0, previous: $0.figure(previous.1), current: $0.figure(current.1))
        }
    }
}
