import Analysis
import ReportModel

/// The dataset as flat tables, one row at a time: one row per report, every cell in long form,
/// region totals, rankings and findings. CSV and SQLite are both written from these rows, so they
/// agree; nothing here holds a whole table.
public enum DownloadTables {
    static let reportColumns = [
        "report_id", "source", "agency", "year", "adcode", "province", "prefecture", "county", "scope", "level", "kind",
        "format", "format_version", "published", "superseded_by", "errors", "warnings",
    ]
    public static let reportsHeader = reportColumns + metricColumns
    public static let cellsHeader = ["report_id", "source", "table", "row", "column", "value", "table_label", "row_label", "column_label"]
    public static let regionsHeader = ["adcode", "name", "level", "year", "reports", "requests_reports", "disputes_reports", "region_wide_reports"] + metricColumns
    public static let rankingsHeader = ["year", "peer_group", "metric", "metric_label", "rank", "report_id", "source", "agency",
                                        "value", "numerator", "denominator", "wilson_lower", "wilson_upper", "status"]
    public static let findingsHeader = ["report_id", "source", "severity", "code", "where", "message", "expected", "found"]

    /// For each metric: its value, and for rates its numerator and denominator.
    static var metricColumns: [String] {
        MetricCatalogue.all.flatMap { m in m.kind == .rate ? [m.id, "\(m.id)_numerator", "\(m.id)_denominator"] : [m.id] }
    }

    /// How a row writes its fractions: `csv` as published; `exact` for a build memo's digest, the
    /// value's bits in hex (the same row, without the cost of decimal formatting).
    public enum Fractions: Sendable {
        case csv, exact
        func text(_ v: Double?) -> String {
            switch self {
            case .csv: return csvFraction(v)
            case .exact: return v.map { String($0.bitPattern, radix: 16) } ?? ""
            }
        }
    }

    static func metricFields(_ metrics: ReportMetrics, _ fractions: Fractions) -> [String] {
        MetricCatalogue.all.flatMap { m -> [String] in
            switch m.figure(metrics) {
            case .count(let v): return [csvNumber(v)]
            case .rate(let r): return [fractions.text(r.value), csvNumber(r.numerator), csvNumber(r.denominator)]
            }
        }
    }

    public static func reportRow(_ r: DatasetReport, fractions: Fractions = .csv) -> [String] {
        let rec = r.record
        return [
            String(r.index), rec.source, rec.agency ?? "", csvNumber(rec.year), rec.region.adcode ?? "",
            rec.region.province ?? "", rec.region.prefecture ?? "", rec.region.county ?? "", rec.scope.rawValue,
            r.level?.rawValue ?? "", r.kind.rawValue, rec.format.rawValue, rec.formatVersion.rawValue, rec.published ?? "",
            r.supersededBy.map(String.init) ?? "", String(r.count(.error)), String(r.count(.warning)),
        ] + metricFields(r.metrics, fractions)
    }

    public static func cellRows(_ r: DatasetReport, _ emit: ([String]) throws -> Void) rethrows {
        let id = String(r.index)
        for c in r.record.cells {
            try emit([id, r.record.source, c.table, c.row, c.column, csvNumber(c.value), c.tableLabel, c.rowLabel, c.columnLabel])
        }
    }

    public static func regionRow(_ t: RegionTotals, fractions: Fractions = .csv) -> [String] {
        [t.adcode, t.name, t.level.label, String(t.year), String(t.members.count), String(t.requestsReports),
         String(t.disputesReports), String(t.regionWideReports.count)] + metricFields(t.metrics, fractions)
    }

    /// One place in a ranking: `ranking` indexes `Dataset.rankings`; `slot` its entries, then its
    /// reports with too small a sample.
    public struct RankingRef: Sendable, Equatable {
        public let ranking: Int
        public let slot: Int
    }

    /// Every row of `rankings`, in the dataset's order (peer group, metric, rank).
    public static func rankingRefs(_ d: Dataset, _ each: (_ report: Int, RankingRef) -> Void) {
        for (r, ranking) in d.rankings.enumerated() {
            for (slot, e) in ranking.entries.enumerated() { each(e.report, RankingRef(ranking: r, slot: slot)) }
            for (k, i) in ranking.insufficient.enumerated() { each(i, RankingRef(ranking: r, slot: ranking.entries.count + k)) }
        }
    }

    public static func rankingRow(_ d: Dataset, _ ref: RankingRef) -> [String] {
        let ranking = d.rankings[ref.ranking]
        let g = ranking.group
        let index: Int, rank: String, figure: Figure, interval: WilsonInterval?, status: String
        if ref.slot < ranking.entries.count {
            let e = ranking.entries[ref.slot]
            (index, rank, figure, interval, status) = (e.report, String(e.rank), e.figure, e.interval, "ranked")
        } else {
            let i = ranking.insufficient[ref.slot - ranking.entries.count]
            (index, rank, figure, interval, status) = (i, "", ranking.metric.figure(d.reports[i].metrics), nil, "insufficient_sample")
        }
        var value = "", numerator = "", denominator = ""
        switch figure {
        case .count(let v): value = csvNumber(v)
        case .rate(let r): value = csvFraction(r.value); numerator = csvNumber(r.numerator); denominator = csvNumber(r.denominator)
        }
        let rec = d.reports[index].record
        return [String(g.year), g.id, ranking.metric.id, ranking.metric.label, rank, String(index), rec.source, rec.agency ?? "",
                value, numerator, denominator, csvFraction(interval?.lower), csvFraction(interval?.upper), status]
    }

    public static func findingRows(_ r: DatasetReport, _ emit: ([String]) throws -> Void) rethrows {
        let id = String(r.index)
        for f in r.record.diagnostics {
            try emit([id, r.record.source, f.severity.rawValue, f.code, f.where ?? "", f.message, f.expected ?? "", f.found ?? ""])
        }
    }
}
