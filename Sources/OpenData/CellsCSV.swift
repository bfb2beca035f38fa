import Analysis
import Foundation
import ReportModel

/// `cells.csv`, made from bytes prepared once per record shape: every record of one format
/// version and table 二 has the same cells in the same order (`ReportRecord.cells`), so the
/// quoted keys and labels around each value are the same bytes in every row of that shape.
/// Building a row of nine strings per cell was most of the file's cost. A record whose cells
/// match no known shape adds one; nothing is assumed about the format.
struct CellsCSV {
    private struct Shape {
        let cells: [RecordCell]
        /// Per cell: `table,row,column,` and `,table_label,row_label,column_label` CRLF.
        let before: [[UInt8]]
        let after: [[UInt8]]
    }

    private var writer = CSVWriter(header: DownloadTables.cellsHeader)
    private var shapes: [Shape] = []

    mutating func append(_ report: DatasetReport) {
        let cells = report.record.cells
        let shape = shapes.first { RecordCell.sameKeys($0.cells, cells) } ?? add(cells)
        var lead: [UInt8] = []
        CSVTable.appendField(String(report.index), to: &lead)
        lead.append(UInt8(ascii: ","))
        CSVTable.appendField(report.record.source, to: &lead)
        lead.append(UInt8(ascii: ","))
        for (k, cell) in cells.enumerated() {
            writer.appendEncoded(lead)
            writer.appendEncoded(shape.before[k])
            if let value = cell.value { writer.appendEncoded(csvNumber(value).utf8) }
            writer.appendEncoded(shape.after[k])
            writer.endEncodedRow()
        }
    }

    private mutating func add(_ cells: [RecordCell]) -> Shape {
        var before: [[UInt8]] = [], after: [[UInt8]] = []
        for c in cells {
            var b: [UInt8] = []
            for field in [c.table, c.row, c.column] {
                CSVTable.appendField(field, to: &b)
                b.append(UInt8(ascii: ","))
            }
            var a: [UInt8] = []
            for field in [c.tableLabel, c.rowLabel, c.columnLabel] {
                a.append(UInt8(ascii: ","))
                CSVTable.appendField(field, to: &a)
            }
            a.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            before.append(b)
            after.append(a)
        }
        let shape = Shape(cells: cells, before: before, after: after)
        shapes.append(shape)
        return shape
    }

    var rows: Int { writer.rows }
    var data: Data { writer.data }
}

extension RecordCell {
    /// The same keys and labels in the same order: cells of one shape.
    static func sameKeys(_ a: [RecordCell], _ b: [RecordCell]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.table == y.table && x.row == y.row && x.column == y.column
                && x.tableLabel == y.tableLabel && x.rowLabel == y.rowLabel && x.columnLabel == y.columnLabel
        }
    }
}
