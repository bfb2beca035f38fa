import Foundation

/// An HTML table's cells laid out the way the recogniser reads tables, which is Word's own table
/// model and what a Word table saved as text gives: a cell spanning several rows (`rowspan`) is one
/// cell in its first row and an empty cell at its place in each further row; a cell spanning
/// several columns (`colspan`) is one cell, never followed by empty ones, so a row's values
/// follow its label directly (`一、本年新收… | 107 | 2 | …` whatever width the label spans).
/// Where a spanned block sits is found on the full grid, so an empty placeholder lands before
/// or after the row's own cells as the grid puts it.
enum HTMLTableGrid {
    /// Spans beyond these are broken markup; clamped so a page cannot make a huge grid.
    static let maxColumnSpan = 100, maxRowSpan = 1000

    /// The `tr` elements of this table (directly or in `thead`/`tbody`/`tfoot`), not of nested tables.
    static func rowElements(of table: HTMLNode) -> [HTMLNode] {
        var rows: [HTMLNode] = []
        for child in table.children where child.isElement {
            switch child.name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += child.children.filter { $0.isElement && $0.name == "tr" }
            default: break
            }
        }
        return rows
    }

    static func cellElements(of row: HTMLNode) -> [HTMLNode] {
        row.children.filter { $0.isElement && ($0.name == "td" || $0.name == "th") }
    }

    /// The rows of `table`, each cell's text given by `text`.
    static func rows(of table: HTMLNode, text: (HTMLNode) -> String) -> [[Cell]] {
        let rowNodes = rowElements(of: table)
        /// A cell still covering rows below the current one.
        struct Block { var column: Int; var width: Int; var rowsLeft: Int }
        var blocks: [Block] = []  // sorted by column
        var rows: [[Cell]] = []
        for (rowIndex, rowNode) in rowNodes.enumerated() {
            var row: [Cell] = []
            var column = 0
            var covering = blocks.filter { $0.rowsLeft > 0 }
            var started: [Block] = []
            /// Empty placeholders for the blocks from above that reach the current column (all of
            /// them, at the end of the row).
            func placeholders(all: Bool = false) {
                while let first = covering.first, all || first.column <= column {
                    row.append(Cell(""))
                    column = max(column, first.column + first.width)
                    covering.removeFirst()
                }
            }
            for cellNode in cellElements(of: rowNode) {
                placeholders()
                let width = cellNode.span("colspan", limit: maxColumnSpan)
                let rowsLeft = rowSpan(cellNode, rowIndex: rowIndex, rowCount: rowNodes.count) - 1
                row.append(Cell(text(cellNode)))
                if rowsLeft > 0 { started.append(Block(column: column, width: width, rowsLeft: rowsLeft)) }
                column += width
            }
            placeholders(all: true)
            blocks = (blocks.compactMap { block in
                block.rowsLeft > 1 ? Block(column: block.column, width: block.width, rowsLeft: block.rowsLeft - 1) : nil
            } + started).sorted { $0.column < $1.column }
            // Word's zero-height spacer rows (`<tr height=0>` of empty cells) are layout, not data.
            if rowNode.attribute("height") == "0" && row.allSatisfy(\.isEmpty) { continue }
            rows.append(row)
        }
        return rows
    }

    /// `rowspan="0"` spans to the end of the table; other values are clamped to the rows there are.
    private static func rowSpan(_ cell: HTMLNode, rowIndex: Int, rowCount: Int) -> Int {
        let remaining = rowCount - rowIndex
        if let value = cell.attribute("rowspan")?.plainTrimmedWhitespace, value == "0" { return remaining }
        return min(cell.span("rowspan", limit: maxRowSpan), remaining)
    }
}
