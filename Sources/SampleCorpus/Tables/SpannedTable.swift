/// A table as publishers lay it out: rows of cells, each cell given once at its top-left
/// position with how many columns and rows it spans (HTML's colspan/rowspan, Word's gridSpan
/// and vMerge). The .docx and PDF writers draw the same tables from it.
struct SpannedTable: Sendable, Equatable {
    struct Cell: Sendable, Equatable {
        var text: String
        var columns = 1
        var rows = 1
    }

    /// What a grid position holds once the spans are laid out.
    enum Slot: Equatable {
        /// The top-left position of a cell.
        case origin(Cell)
        /// Covered by a cell starting above (at `row`, `column`) or to the left in the same row.
        case covered(row: Int, column: Int)
    }

    var columnCount: Int
    var rows: [[Cell]]

    /// The grid: `columnCount` slots a row, spans expanded. A row that overflows is cut, a short
    /// one padded with empty cells, so a writer never draws outside the grid.
    var grid: [[Slot]] {
        var out: [[Slot?]] = Array(repeating: Array(repeating: nil, count: columnCount), count: rows.count)
        for (r, cells) in rows.enumerated() {
            var c = 0
            for cell in cells {
                while c < columnCount, out[r][c] != nil { c += 1 }
                guard c < columnCount else { break }
                var clipped = cell
                clipped.columns = min(max(1, cell.columns), columnCount - c)
                clipped.rows = min(max(1, cell.rows), rows.count - r)
                out[r][c] = .origin(clipped)
                for dr in 0..<clipped.rows {
                    for dc in 0..<clipped.columns where (dr, dc) != (0, 0) {
                        out[r + dr][c + dc] = .covered(row: r, column: c)
                    }
                }
                c += clipped.columns
            }
        }
        return out.map { $0.map { $0 ?? .origin(Cell(text: "")) } }
    }
}
