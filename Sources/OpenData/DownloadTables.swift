import Analysis
import ReportModel

/// The dataset as flat tables: one row per report, every cell in long form, region totals,
/// rankings and findings. CSV and SQLite are both written from these, so they agree.
public struct DownloadTables: Sendable {
    public let reports: CSVTable
    public let cells: CSVTable
    public let regions: CSVTable
    public let rankings: CSVTable
    public let findings: CSVTable

    public init(_ dataset: Dataset) {
        reports = Self.reportsTable(dataset)
        cells = Self.cellsTable(dataset)
        regions = Self.regionsTable(dataset)
        rankings = Self.rankingsTable(dataset)
        findings = Self.findingsTable(dataset)
    }

    static let reportColumns = [
        "report_id", "source", "agency", "year", "adcode", "province", "prefecture", "county", "scope", "level", "kind",
        "format", "format_version", "published", "superseded_by", "errors", "warnings",
    ]

    /// For each metric: its value, and for rates its numerator and denominator.
    static var metricColumns: [String] {
        MetricCatalogue.all.flatMap { m in m.kind == .rate ? [m.id, "\(m.id)_numerator", "\(m.id)_denominator"] : [m.id] }
    }

    static func metricFields(_ metrics: ReportMetrics) -> [String] {
        MetricCatalogue.all.flatMap { m -> [String] in
            switch m.figure(metrics) {
            case .count(let v): return [csvNumber(v)]
            case .rate(let r): return [csvFraction(r.value), csvNumber(r.numerator), csvNumber(r.denominator)]
            }
        }
    }

    static func reportsTable(_ d: Dataset) -> CSVTable {
        CSVTable(header: reportColumns + metricColumns, rows: d.reports.map { r in
            let rec = r.record
            return [
                String(r.index), rec.source, rec.agency ?? "", csvNumber(rec.year), rec.region.adcode ?? "",
                rec.region.province ?? "", rec.region.prefecture ?? "", rec.region.county ?? "", rec.scope.rawValue,
                r.level?.rawValue ?? "", r.kind.rawValue, rec.format.rawValue, rec.formatVersion.rawValue, rec.published ?? "",
                r.supersededBy.map(String.init) ?? "", String(r.count(.error)), String(r.count(.warning)),
            ] + metricFields(r.metrics)
        })
    }

    static func cellsTable(_ d: Dataset) -> CSVTable {
        var table = CSVTable(header: ["report_id", "source", "table", "row", "column", "value", "table_label", "row_label", "column_label"])
        for r in d.reports {
            for c in r.record.cells {
                table.rows.append([String(r.index), r.record.source, c.table, c.row, c.column, csvNumber(c.value),
                                   c.tableLabel, c.rowLabel, c.columnLabel])
            }
        }
        return table
    }

    static func regionsTable(_ d: Dataset) -> CSVTable {
        CSVTable(header: ["adcode", "name", "level", "year", "reports", "requests_reports", "disputes_reports", "region_wide_reports"] + metricColumns,
                 rows: d.regions.map { t in
                     [t.adcode, t.name, t.level.label, String(t.year), String(t.members.count), String(t.requestsReports),
                      String(t.disputesReports), String(t.regionWideReports.count)] + metricFields(t.metrics)
                 })
    }

    static func rankingsTable(_ d: Dataset) -> CSVTable {
        var table = CSVTable(header: ["year", "peer_group", "metric", "metric_label", "rank", "report_id", "source", "agency",
                                      "value", "numerator", "denominator", "wilson_lower", "wilson_upper", "status"])
        for ranking in d.rankings {
            let g = ranking.group
            func row(_ index: Int, rank: String, figure: Figure, interval: WilsonInterval?, status: String) -> [String] {
                var value = "", numerator = "", denominator = ""
                switch figure {
                case .count(let v): value = csvNumber(v)
                case .rate(let r): value = csvFraction(r.value); numerator = csvNumber(r.numerator); denominator = csvNumber(r.denominator)
                }
                let rec = d.reports[index].record
                return [String(g.year), g.id, ranking.metric.id, ranking.metric.label, rank, String(index), rec.source, rec.agency ?? "",
                        value, numerator, denominator, csvFraction(interval?.lower), csvFraction(interval?.upper), status]
            }
            for e in ranking.entries {
                table.rows.append(row(e.report, rank: String(e.rank), figure: e.figure, interval: e.interval, status: "ranked"))
            }
            for i in ranking.insufficient {
                table.rows.append(row(i, rank: "", figure: ranking.metric.figure(d.reports[i].metrics), interval: nil, status: "insufficient_sample"))
            }
        }
        return table
    }

    static func findingsTable(_ d: Dataset) -> CSVTable {
        var table = CSVTable(header: ["report_id", "source", "severity", "code", "where", "message", "expected", "found"])
        for r in d.reports {
            for f in r.record.diagnostics {
                table.rows.append([String(r.index), r.record.source, f.severity.rawValue, f.code, f.where ?? "", f.message,
                                   f.expected ?? "", f.found ?? ""])
            }
        }
        return table
    }
}
