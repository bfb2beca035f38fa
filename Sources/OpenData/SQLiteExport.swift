import Analysis
import Foundation
import GRDB
import GRDBSQLite
import ReportModel

/// `reports.sqlite` of one partition: its reports, their cells, findings and ranking places, and
/// the totals of the regions in its province, in one database a researcher can query at once
/// (sqlite3, Datasette, R, pandas), with keys, indexes, and views for the usual questions.
///
/// Cells are stored once per value: `cell_values` (report, cell number, value), and `cell_keys`
/// with each cell's keys and labels once; the view `cells` joins them into the long form's
/// columns (those of `cells.csv` but `source`). With keys and labels on every value the cells
/// were most of the database's bytes and of the time to build it.
public enum SQLiteExport {
    /// The database's bytes: built in memory and serialised, never written to a scratch file and
    /// read back.
    public static func data(_ partition: DownloadPartition, of dataset: Dataset) throws -> Data {
        // Built once and thrown away on failure: no journal needed.
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA cache_size = -65536")
        }
        let queue = try DatabaseQueue(configuration: configuration)
        // Indexes are made after the rows are in: one sort per index instead of a b-tree insert per row.
        let lines = schema.split(separator: "\n", omittingEmptySubsequences: false)
        let indexes = lines.filter { $0.hasPrefix("CREATE INDEX") }.joined(separator: "\n")
        let tablesSQL = lines.filter { !$0.hasPrefix("CREATE INDEX") }.joined(separator: "\n")
        let reports = partition.reports.map { dataset.reports[$0] }
        return try queue.write { db in
            try db.execute(sql: tablesSQL)
            let reportRows = try Inserter(db, table: "reports", header: DownloadTables.reportsHeader)
            for r in reports { try reportRows.insert(DownloadTables.reportRow(r)) }
            try insertCells(reports, db)
            let regions = try Inserter(db, table: "regions", header: DownloadTables.regionsHeader)
            for i in partition.regions { try regions.insert(DownloadTables.regionRow(dataset.regions[i])) }
            let rankings = try Inserter(db, table: "rankings", header: DownloadTables.rankingsHeader, leaving: ["source", "agency"])
            for ref in partition.rankings { try rankings.insert(DownloadTables.rankingRow(dataset, ref)) }
            let findings = try Inserter(db, table: "findings", header: DownloadTables.findingsHeader, leaving: ["source"])
            for r in reports { try DownloadTables.findingRows(r) { try findings.insert($0) } }
            try db.execute(sql: indexes)
            try db.execute(sql: views)
            return try serialize(db)
        }
    }

    /// Every cell's value under its cell number. Each distinct cell (keys and labels) is numbered
    /// in the order first met and written to `cell_keys` once; a record's values go in in key
    /// order (report, cell), appending to the table's b-tree.
    private static func insertCells(_ reports: [DatasetReport], _ db: Database) throws {
        struct Key: Hashable { let table, row, column, tableLabel, rowLabel, columnLabel: String }
        /// One shape of record (see `CellsCSV`): its cells, and their numbers in ascending order
        /// with the position of each in the record's cells.
        struct Shape { let cells: [RecordCell]; let order: [(number: Int64, position: Int)] }
        var numbers: [Key: Int64] = [:]
        var shapes: [Shape] = []
        let keys = try db.makeStatement(sql: """
            INSERT INTO cell_keys (cell, "table", "row", "column", table_label, row_label, column_label) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let values = try db.makeStatement(sql: "INSERT INTO cell_values (report_id, cell, value) VALUES (?, ?, ?)")
        let statement = values.sqliteStatement
        for report in reports {
            let cells = report.record.cells
            let shape: Shape
            if let known = shapes.first(where: { RecordCell.sameKeys($0.cells, cells) }) {
                shape = known
            } else {
                let numbered = try cells.map { c in
                    let key = Key(table: c.table, row: c.row, column: c.column,
                                  tableLabel: c.tableLabel, rowLabel: c.rowLabel, columnLabel: c.columnLabel)
                    if let n = numbers[key] { return n }
                    let n = Int64(numbers.count + 1)
                    numbers[key] = n
                    try keys.execute(arguments: [n, c.table, c.row, c.column, c.tableLabel, c.rowLabel, c.columnLabel])
                    return n
                }
                shape = Shape(cells: cells, order: numbered.enumerated().map { ($0.element, $0.offset) }.sorted { $0.number < $1.number })
                shapes.append(shape)
            }
            let id = Int64(report.index)
            for (number, position) in shape.order {
                sqlite3_bind_int64(statement, 1, id)
                sqlite3_bind_int64(statement, 2, number)
                if let v = cells[position].value { sqlite3_bind_double(statement, 3, v) } else { sqlite3_bind_null(statement, 3) }
                let code = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard code == SQLITE_DONE else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
            }
        }
    }

    /// The main database's bytes, as a file of it would hold them.
    private static func serialize(_ db: Database) throws -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
            throw DatabaseError(resultCode: .SQLITE_NOMEM, message: "sqlite3_serialize failed")
        }
        return Data(bytesNoCopy: bytes, count: Int(size), deallocator: .custom { p, _ in sqlite3_free(p) })
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
        CREATE TABLE cell_keys (
          cell INTEGER PRIMARY KEY, "table" TEXT NOT NULL, "row" TEXT NOT NULL, "column" TEXT NOT NULL,
          table_label TEXT, row_label TEXT, column_label TEXT
        );
        CREATE INDEX cell_keys_key ON cell_keys("table", "row", "column");
        CREATE TABLE cell_values (
          report_id INTEGER NOT NULL REFERENCES reports(report_id), cell INTEGER NOT NULL REFERENCES cell_keys(cell),
          value REAL, PRIMARY KEY (report_id, cell)
        ) WITHOUT ROWID;
        CREATE INDEX cell_values_cell ON cell_values(cell);
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
        CREATE VIEW cells AS
          SELECT v.report_id, k."table", k."row", k."column", v.value, k.table_label, k.row_label, k.column_label
          FROM cell_values v JOIN cell_keys k USING (cell);
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
