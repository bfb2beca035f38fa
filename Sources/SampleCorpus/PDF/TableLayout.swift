/// A SpannedTable measured for a PDF page: column edges, row heights that fit every cell's
/// wrapped text (a merged cell's height shared by its rows), and the drawing of text and
/// borders. A border between two positions of one merged cell is not drawn.
struct TableLayout {
    let table: SpannedTable
    let grid: [[SpannedTable.Slot]]
    let size: Double
    /// Column edges from the table's left, and row edges from its top.
    let xs: [Double]
    let ys: [Double]
    var leading: Double { size * 1.25 }
    static let padding = 3.0

    var height: Double { ys.last! }

    init(table: SpannedTable, size: Double, width: Double) {
        self.table = table
        self.size = size
        grid = table.grid
        let shares: [Double]
        switch table.columnCount {
        case 4: shares = [4, 3, 3, 3]
        case 10: shares = [2, 3, 7] + Array(repeating: 2, count: 7)
        default: shares = Array(repeating: 1, count: table.columnCount)
        }
        let total = shares.reduce(0, +)
        var xs = [0.0]
        for s in shares { xs.append(xs.last! + width * s / total) }
        self.xs = xs

        let leading = size * 1.25, pad = Self.padding
        var heights = Array(repeating: leading + 2 * pad, count: grid.count)
        var tall: [(row: Int, rows: Int, needed: Double)] = []
        for (r, slots) in grid.enumerated() {
            for (c, slot) in slots.enumerated() {
                guard case .origin(let cell) = slot else { continue }
                let lines = Self.lines(cell.text, width: xs[c + cell.columns] - xs[c], size: size).count
                let needed = Double(max(1, lines)) * leading + 2 * pad
                if cell.rows == 1 { heights[r] = max(heights[r], needed) } else { tall.append((r, cell.rows, needed)) }
            }
        }
        for cell in tall {
            let have = heights[cell.row..<(cell.row + cell.rows)].reduce(0, +)
            if have < cell.needed { heights[cell.row + cell.rows - 1] += cell.needed - have }
        }
        var ys = [0.0]
        for h in heights { ys.append(ys.last! + h) }
        self.ys = ys
    }

    static func lines(_ text: String, width: Double, size: Double) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
            PDFReportWriter.wrap(String($0), width: (width - 2 * padding) / size)
        }
    }

    /// The top-left grid position of the cell holding (r, c).
    func owner(_ r: Int, _ c: Int) -> (Int, Int) {
        if case .covered(let row, let column) = grid[r][c] { return (row, column) }
        return (r, c)
    }

    func draw(on page: inout PDFContent, left: Double, top: Double, characters: inout PDFCharacterTable) {
        for (r, slots) in grid.enumerated() {
            for (c, slot) in slots.enumerated() {
                guard case .origin(let cell) = slot else { continue }
                let x0 = left + xs[c], x1 = left + xs[c + cell.columns]
                let y0 = top + ys[r], y1 = top + ys[r + cell.rows]
                let lines = Self.lines(cell.text, width: x1 - x0, size: size)
                var lineTop = y0 + (y1 - y0 - Double(lines.count) * leading) / 2
                for line in lines {
                    let w = PDFCharacterTable.ems(line) * size
                    page.text(line, x: x0 + (x1 - x0 - w) / 2, baseline: lineTop + (leading - size) / 2 + size * PDFReportWriter.ascent,
                              size: size, characters: &characters)
                    lineTop += leading
                }
            }
        }
        let rows = grid.count, columns = table.columnCount
        // Horizontal borders, each run of drawn edges as one stroke.
        for r in 0...rows {
            var start: Int?
            for c in 0...columns {
                let drawn = c < columns && (r == 0 || r == rows || owner(r - 1, c) != owner(r, c))
                if drawn, start == nil { start = c }
                if !drawn, let s = start {
                    page.line(left + xs[s], top + ys[r], left + xs[c], top + ys[r])
                    start = nil
                }
            }
        }
        for c in 0...columns {
            var start: Int?
            for r in 0...rows {
                let drawn = r < rows && (c == 0 || c == columns || owner(r, c - 1) != owner(r, c))
                if drawn, start == nil { start = r }
                if !drawn, let s = start {
                    page.line(left + xs[c], top + ys[s], left + xs[c], top + ys[r])
                    start = nil
                }
            }
        }
    }
}
