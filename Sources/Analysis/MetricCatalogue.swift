import ReportModel

/// Every figure of docs/metrics.md that the site ranks and compares, with its Chinese name and
/// formula, defined once: pages, rankings and downloads all read this catalogue.
public struct MetricDefinition: Sendable, Hashable, Identifiable {
    public enum Kind: Sendable, Hashable { case count, rate }

    public let id: String
    public let label: String
    public let formula: String
    public let kind: Kind
    /// For rates: whether "higher" has one meaning (结转率, 纠错率) so a page may say so.
    public let directionWord: String?
    let value: @Sendable (ReportMetrics) -> Figure

    public func figure(_ metrics: ReportMetrics) -> Figure { value(metrics) }

    public static func == (a: MetricDefinition, b: MetricDefinition) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// A count or a rate, as one type for tables and rankings.
public enum Figure: Sendable, Equatable {
    case count(Int?)
    case rate(Rate)

    /// The number to sort by; nil when there is none.
    public var sortValue: Double? {
        switch self {
        case .count(let v): return v.map(Double.init)
        case .rate(let r): return r.value
        }
    }

    public var formatted: String {
        switch self {
        case .count(let v): return v.map(String.init) ?? "—"
        case .rate(let r): return r.formatted
        }
    }
}

public enum MetricCatalogue {
    public static let all: [MetricDefinition] = [
        count("received", "本年新收申请", "本年新收政府信息公开申请数量（总计列）") { $0.received },
        count("handled", "本年办结", "办理结果（七）总计") { $0.handled },
        rate("disclosure_rate", "公开率（办结口径）", "(予以公开 + 部分公开) ÷ 办结总计") { $0.disclosureRate },
        rate("release_rate", "公开率（实体答复口径）", "(予以公开 + 部分公开) ÷ (予以公开 + 部分公开 + 不予公开)") { $0.releaseRate },
        rate("full_disclosure_rate", "全部公开率", "予以公开 ÷ 办结总计") { $0.fullDisclosureRate },
        rate("denial_rate", "不予公开率", "不予公开 ÷ 办结总计") { $0.denialRate },
        rate("unavailable_rate", "无法提供率", "无法提供 ÷ 办结总计") { $0.unavailableRate },
        rate("not_processed_rate", "不予处理率", "不予处理 ÷ 办结总计") { $0.notProcessedRate },
        rate("backlog_rate", "结转率", "结转下年度 ÷ (本年新收 + 上年结转)", direction: "越高表示积压越多") { $0.backlogRate },
        count("reviews", "行政复议", "行政复议总计") { $0.reviews },
        count("lawsuits", "行政诉讼", "未经复议直接起诉总计 + 复议后起诉总计") { $0.lawsuits },
        rate("dispute_rate", "争议率（每百件新收申请）", "100 × (行政复议 + 直接起诉) ÷ 本年新收") { $0.disputeRate },
        rate("correction_rate", "综合纠错率", "(复议纠正 + 诉讼纠正) ÷ 已审结的复议与诉讼", direction: "越高表示被纠正越多") { $0.correctionRate },
    ]

    public static func definition(_ id: String) -> MetricDefinition? { all.first { $0.id == id } }

    private static func count(_ id: String, _ label: String, _ formula: String, _ f: @escaping @Sendable (ReportMetrics) -> Int?) -> MetricDefinition {
        MetricDefinition(id: id, label: label, formula: formula, kind: .count, directionWord: nil) { .count(f($0)) }
    }

    private static func rate(_ id: String, _ label: String, _ formula: String, direction: String? = nil,
                             _ f: @escaping @Sendable (ReportMetrics) -> Rate) -> MetricDefinition {
        MetricDefinition(id: id, label: label, formula: formula, kind: .rate, directionWord: direction) { .rate(f($0)) }
    }
}
