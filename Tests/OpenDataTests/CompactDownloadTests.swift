import Analysis
import Foundation
import GRDB
@testable import OpenData
import ReportModel
import Testing

/// The cheaper ways the downloads are made write what the plain ways wrote: fractions as
/// `printf("%.6f")` does, `cells.csv` as rows of fields would, and the database's `cells` view
/// holding every column and value of the long form.
@Suite struct CompactDownloadTests {
    @Test func sixDecimalsWriteWhatPrintfWrites() {
        var values: [Double] = [0, -0, 1, -1, 0.5, 0.0000005, 0.0000015, 0.9999995, 999_999.999_999_5, 1e11, -1e-300,
                                .leastNonzeroMagnitude, 0.330188679245283, 2.0 / 3.0]
        // Ties at the sixth decimal (k / 2^n is exact): printf rounds them half to even.
        for n in 1...40 { for k in 1...300 { values.append(Double(k) / Double(UInt64(1) << UInt64(n))) } }
        // Every rate of small counts, as the reports have them.
        for d in 1...400 { for k in 0...d { values.append(Double(k) / Double(d)) } }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Double.random(in: -1_000...1_000_000, using: &generator)) }
        var mismatches: [String] = []
        for v in values {
            let expected = String(format: "%.6f", v)
            if let text = SixDecimals.text(v), text != expected { mismatches.append("\(v): \(text) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(SixDecimals.text(.nan) == nil && SixDecimals.text(1e15) == nil, "the rest is left to String(format:)")
        #expect(csvFraction(.infinity) == String(format: "%.6f", Double.infinity))
    }

    /// The partitions' `cells.csv` are the bytes rows of strings made them into.
    @Test func cellsCSVIsTheRowsOfStrings() throws {
        let dataset = Dataset(records: PartitionTests.records())
        let made = try RoundTripTests.files(dataset)
        var compared = 0
        for partition in DownloadPartition.all(dataset) {
            var plain = CSVWriter(header: DownloadTables.cellsHeader)
            for i in partition.reports {
                let r = dataset.reports[i]
                for c in r.record.cells {
                    plain.append([String(r.index), r.record.source, c.table, c.row, c.column, csvNumber(c.value),
                                  c.tableLabel, c.rowLabel, c.columnLabel])
                }
            }
            #expect(made["\(partition.folder)/cells.csv"] == plain.data, "\(partition.folder)")
            compared += 1
        }
        #expect(compared > 3)
    }

    /// `SELECT * FROM cells` gives the columns of `cells.csv` but `source`, and every row of it.
    @Test func cellsViewHoldsTheLongForm() throws {
        let dataset = Dataset(records: PartitionTests.records())
        let made = try RoundTripTests.files(dataset)
        let databases = try RoundTripTests.databases(dataset)
        let csvRows = made.filter { $0.key.hasSuffix("/cells.csv") }.values.flatMap { CSVTable.parse($0).dropFirst() }
            .map { row in [row[0]] + row[2...].map { $0 } }
        var viewRows: [[String]] = []
        for db in databases {
            try db.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM cells")
                #expect(rows.first.map { Array($0.columnNames) } == DownloadTables.cellsHeader.filter { $0 != "source" })
                for row in rows {
                    let value: Double? = row["value"]
                    viewRows.append([String(row["report_id"] as Int), row["table"], row["row"], row["column"], csvNumber(value),
                                     row["table_label"], row["row_label"], row["column_label"]])
                }
                // A question of the long form is answered as before.
                let blank = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM cells WHERE "table" = 'requests' AND "row" = 'new' AND "column" = 'total' AND value IS NULL
                    """)
                #expect(blank != nil)
            }
        }
        func key(_ row: [String]) -> String { row.joined(separator: "\u{1}") }
        #expect(viewRows.count == csvRows.count && viewRows.count > 1_000)
        #expect(Set(viewRows.map(key)) == Set(csvRows.map(key)))
    }
}
