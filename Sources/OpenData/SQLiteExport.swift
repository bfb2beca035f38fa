import Analysis
import Foundation
import GRDB

/// `reports.sqlite`: the download tables in one database a researcher can query at once (sqlite3,
/// Datasette, R, pandas), with keys, indexes, and views for the usual questions.
/// `reports.sqlite` of one partition: its reports, their cells, findings and ranking places, and
/// the totals of the regions in its province, in one database a researcher can query at once
/// (sqlite3, Datasette, R, pandas), with keys, indexes, and views for the usual questions.
public enum SQLiteExport {
    public static func write(_ partition: DownloadPartition, of dataset: Dataset, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        // A scratch file written once and thrown away on failure: no journal and no fsync needed.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        // Indexes are made after the rows are in: one sort per index instead of a b-tree insert per row.
        let lines = schema.split(separator: "\n", omittingEmptySubsequences: false)
        let indexes = lines.filter { $0.hasPrefix("CREATE INDEX") }.joined(separator: "\n")
        let tablesSQL = lines.filter { !$0.hasPrefix("CREATE INDEX") }.joined(separator: "\n")
        let reports = partition.reports.map { dataset.reports[$0] }
        try queue.write { db in
            try db.execute(sql: tablesSQL)
            let reportRows = try Inserter(db, table: "reports", header: DownloadTables.reportsHeader)
            for r in reports { try reportRows.insert(DownloadTables.reportRow(r)) }
            let cells = try Inserter(db, table: "cells", header: DownloadTables.cellsHeader, leaving: ["source"])
            for r in reports { try DownloadTables.cellRows(r) { try cells.insert($0) } }
            let regions = try Inserter(db, table: "regions", header: DownloadTables.regionsHeader)
            for i in partition.regions { try regions.insert(DownloadTables.regionRow(dataset.regions[i])) }
            let rankings = try Inserter(db, table: "rankings", header: DownloadTables.rankingsHeader, leaving: ["source", "agency"])
            for ref in partition.rankings { try rankings.insert(DownloadTables.rankingRow(dataset, ref)) }
            let findings = try Inserter(db, table: "findings", header: DownloadTables.findingsHeader, leaving: ["source"])
            for r in reports { try DownloadTables.findingRows(r) { try findings.insert($0) } }
            try db.execute(sql: indexes)
            try db.execute(sql: views)
        }
        try queue.close()
    }

    /// Numeric columns are declared so SQLite compares numbers as numbers; an empty CSV field is NULL.
    static let schema = """
        CREATE TABLE reports (
          report_id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE, agency TEXT, year INTEGER, adcode TEXT,
          province TEXT, prefecture TEXT, county TEXT, scope TEXT, level TEXT, kind TEXT, format TEXT,
          format_version TEXT, published TEXT, superseded_by INTEGER REFERENCES reports(report_id) DEFERRABLE INITIALLY DEFERRED,
          errors INTEGER, warnings INTEGER, \(metricColumnsSQL)
        );
        CREATE INDEX reports_year ON reports(year);
        CREATE INDEX reports_adcode ON reports(adcode);
        CREATE INDEX reports_agency ON reports(agency);
        CREATE TABLE cells (
          report_id INTEGER NOT NULL REFERENCES reports(report_id), "table" TEXT NOT NULL, "row" TEXT NOT NULL,
          "column" TEXT NOT NULL, value REAL, table_label TEXT, row_label TEXT, column_label TEXT,
          PRIMARY KEY (report_id, "table", "row", "column")
        );
        CREATE INDEX cells_row ON cells("table", "row", "column");
        CREATE TABLE regions (
          adcode TEXT NOT NULL, name TEXT, level TEXT, year INTEGER NOT NULL, reports INTEGER, requests_reports INTEGER,
          disputes_reports INTEGER, region_wide_reports INTEGER, \(metricColumnsSQL),
          PRIMARY KEY (adcode, year)
        );
        CREATE TABLE rankings (
          year INTEGER, peer_group TEXT, metric TEXT, metric_label TEXT, rank INTEGER,
          report_id INTEGER REFERENCES reports(report_id), value REAL, numerator INTEGER, denominator INTEGER,
          wilson_lower REAL, wilson_upper REAL, status TEXT
        );
        CREATE INDEX rankings_metric ON rankings(year, metric, peer_group, rank);
        CREATE TABLE findings (
          report_id INTEGER REFERENCES reports(report_id), severity TEXT, code TEXT, "where" TEXT, message TEXT,
          expected TEXT, found TEXT
        );
        CREATE INDEX findings_report ON findings(report_id);
        CREATE INDEX findings_code ON findings(code);
        """

    static let views = """
        CREATE VIEW report_metrics AS
          SELECT report_id, agency, year, adcode, province, prefecture, county, level, kind, scope,
                 received, handled, disclosure_rate, disclosure_rate_numerator, disclosure_rate_denominator,
                 denial_rate, unavailable_rate, backlog_rate, reviews, lawsuits, dispute_rate, correction_rate
          FROM reports WHERE superseded_by IS NULL;
        CREATE VIEW request_outcomes AS
          SELECT c.report_id, r.agency, r.year, c."row" AS outcome, c.row_label, c.value AS requests
          FROM cells c JOIN reports r USING (report_id)
          WHERE c."table" = 'requests' AND c."column" = 'total' AND r.superseded_by IS NULL;
        CREATE VIEW identity_errors AS
          SELECT f.report_id, r.source, r.agency, r.year, f.code, f."where", f.expected, f.found
          FROM findings f JOIN reports r USING (report_id)
          WHERE f.severity = 'error';
        """

    static var metricColumnsSQL: String {
        MetricCatalogue.all.map { m in
            m.kind == .rate ? "\(m.id) REAL, \(m.id)_numerator INTEGER, \(m.id)_denominator INTEGER" : "\(m.id) INTEGER"
        }.joined(separator: ", ")
    }

    /// Inserts CSV-shaped rows into one table. Declared types decide: "000000" stays text in a
    /// TEXT column, "12" is a number in an INTEGER one; an empty field is NULL. Decided once per
    /// column, not per field.
    private final class Inserter {
        enum Kind { case integer, real, text }
        let statement: Statement
        let keep: [Int]
        let kinds: [Kind]

        init(_ db: Database, table name: String, header: [String], leaving: Set<String> = []) throws {
            keep = header.indices.filter { !leaving.contains(header[$0]) }
            let columns = keep.map { "\"\(header[$0])\"" }.joined(separator: ", ")
            let placeholders = keep.map { _ in "?" }.joined(separator: ", ")
            statement = try db.makeStatement(sql: "INSERT INTO \(name) (\(columns)) VALUES (\(placeholders))")
            let types = Dictionary(try db.columns(in: name).map { ($0.name, $0.type.uppercased()) }, uniquingKeysWith: { a, _ in a })
            kinds = keep.map { i in
                let type = types[header[i]] ?? "TEXT"
                return type.contains("INT") ? .integer : type.contains("REAL") ? .real : .text
            }
        }

        func insert(_ row: [String]) throws {
            let values: [(any DatabaseValueConvertible)?] = keep.indices.map { k in
                let field = row[keep[k]]
                if field.isEmpty { return nil }
                switch kinds[k] {
                case .integer: if let int = Int(field) { return int }
                case .real: if let double = Double(field) { return double }
                case .text: break
                }
                return field
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }
}
