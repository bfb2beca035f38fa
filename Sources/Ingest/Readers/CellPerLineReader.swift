import Foundation
import ReportModel

/// A Word table saved as text: each cell is a line opening with a TAB, a row ends with an empty
/// line, an empty cell is a line holding only a TAB, and a cell's text may wrap onto lines without
/// a TAB. Lines without a TAB between rows are paragraphs (headings, narrative).
enum CellPerLineReader {
    static func read(lines: [Substring]) -> Document {
        var reader = State()
        for (index, line) in lines.enumerated() {
            reader.take(line, next: index + 1 < lines.count ? lines[index + 1] : nil)
        }
        reader.finish()
        return Document(format: .textCells, blocks: reader.blocks, diagnostics: reader.diagnostics)
    }

    private struct State {
        var blocks: [Block] = []
        var diagnostics: [Diagnostic] = []
        var rows: [[Cell]] = []
        var row: [Cell]?

        mutating func take(_ line: Substring, next: Substring?) {
            if line.first == "\t" {
                if row == nil { row = [] }
                row!.append(Cell(String(line.dropFirst())))
            } else if isBlank(line) {
                endRow()
            } else if row != nil {
                // Wrapped cell text: `商业` / `企业`, or a value on the line after its TAB.
                row![row!.count - 1].text += "\n" + line
            } else if joinsPreviousEmptyCell(line, next: next) {
                let last = rows.count - 1
                rows[last][rows[last].count - 1].text = String(line)
                diagnostics.append(Diagnostic(
                    .info, "cell-after-blank-line",
                    "数值“\(line.trimmingCharacters(in: .whitespaces))”单独成行、位于空行之后，已按其上一行末尾的空单元格读取"))
            } else {
                endTable()
                blocks.append(.paragraph(String(line)))
            }
        }

        /// A Word export can put a blank line between a cell's TAB and its value (seed 003:
        /// `\t` / `` / `0`). Only a lone number right after a row whose last cell is empty is
        /// taken as that cell; anything else is a paragraph.
        private func joinsPreviousEmptyCell(_ line: Substring, next: Substring?) -> Bool {
            guard let lastRow = rows.last, let lastCell = lastRow.last, lastCell.isEmpty else { return false }
            guard CellValue.looksNumeric(line) else { return false }
            guard let next else { return true }
            return isBlank(next) || next.first == "\t"
        }

        mutating func endRow() {
            if let row { rows.append(row) }
            row = nil
        }

        mutating func endTable() {
            endRow()
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows))) }
            rows = []
        }

        mutating func finish() { endTable() }
    }
}
