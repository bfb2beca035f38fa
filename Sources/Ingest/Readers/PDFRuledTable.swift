import Foundation

/// A table found on a PDF page from its drawn borders: the distinct x and y of the rulings make
/// a grid; where a border between two grid positions is not drawn, the positions belong to one
/// merged cell. Each word goes to the cell its centre falls in, so a blank cell stays blank and
/// a value is never shifted into its neighbour's column.
struct PDFRuledTable {
    /// Grid lines, left to right and top to bottom.
    var xs: [Double]
    var ys: [Double]
    /// For each grid position, the top-left position of the merged cell it belongs to.
    var owner: [[GridIndex]]
    var words: [[[PDFPage.Word]]]

    struct GridIndex: Hashable { var row: Int, column: Int }

    var box: PDFPage.Box { .init(x0: xs.first!, y0: ys.first!, x1: xs.last!, y1: ys.last!) }
    var rowCount: Int { ys.count - 1 }
    var columnCount: Int { xs.count - 1 }

    /// Rulings closer than this are one line (double borders, rounding in the drawing).
    static let tolerance = 2.5

    // MARK: Finding tables

    /// The tables on a page: groups of crossing rulings with at least two of each direction.
    static func find(in rulings: [PDFPage.Ruling]) -> [PDFRuledTable] {
        let merged = mergeCollinear(rulings.filter { $0.end - $0.start >= 2 })
        var groups = UnionFind(count: merged.count)
        let horizontal = merged.indices.filter { merged[$0].horizontal }
        let vertical = merged.indices.filter { !merged[$0].horizontal }
        for h in horizontal {
            for v in vertical where touches(merged[h], merged[v]) { groups.union(h, v) }
        }
        var components: [Int: [PDFPage.Ruling]] = [:]
        for i in merged.indices { components[groups.find(i), default: []].append(merged[i]) }
        return components.values.compactMap(table).sorted { $0.ys[0] < $1.ys[0] }
    }

    private static func touches(_ h: PDFPage.Ruling, _ v: PDFPage.Ruling) -> Bool {
        v.position >= h.start - tolerance && v.position <= h.end + tolerance
            && h.position >= v.start - tolerance && h.position <= v.end + tolerance
    }

    /// Joins collinear rulings that overlap or nearly touch (a border drawn cell by cell).
    static func mergeCollinear(_ rulings: [PDFPage.Ruling]) -> [PDFPage.Ruling] {
        var out: [PDFPage.Ruling] = []
        for horizontal in [true, false] {
            let sorted = rulings.filter { $0.horizontal == horizontal }.sorted {
                abs($0.position - $1.position) > tolerance / 2 ? $0.position < $1.position : $0.start < $1.start
            }
            var lines: [PDFPage.Ruling] = []
            for r in sorted {
                if let i = lines.lastIndex(where: { abs($0.position - r.position) <= tolerance / 2 && r.start <= $0.end + tolerance }) {
                    lines[i].end = max(lines[i].end, r.end)
                    lines[i].start = min(lines[i].start, r.start)
                } else {
                    lines.append(r)
                }
            }
            out += lines
        }
        return out
    }

    private static func table(_ rulings: [PDFPage.Ruling]) -> PDFRuledTable? {
        let h = rulings.filter(\.horizontal), v = rulings.filter { !$0.horizontal }
        guard h.count >= 2, v.count >= 2 else { return nil }
        // The table's edges are where its lines end, drawn or not (some tables leave the sides open).
        let left = min(v.map(\.position).min()!, h.map(\.start).min()!)
        let right = max(v.map(\.position).max()!, h.map(\.end).max()!)
        let top = min(h.map(\.position).min()!, v.map(\.start).min()!)
        let bottom = max(h.map(\.position).max()!, v.map(\.end).max()!)
        let xs = cluster(v.map(\.position) + [left, right])
        let ys = cluster(h.map(\.position) + [top, bottom])
        guard xs.count >= 2, ys.count >= 2 else { return nil }

        func drawn(_ lines: [PDFPage.Ruling], at position: Double, from a: Double, to b: Double) -> Bool {
            // A border counts when lines cover most of the edge between two grid positions.
            var covered = 0.0
            for line in lines where abs(line.position - position) <= tolerance {
                covered += max(0, min(line.end, b) - max(line.start, a))
            }
            return covered >= (b - a) * 0.6
        }
        let rows = ys.count - 1, columns = xs.count - 1
        var cells = UnionFind(count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                if c > 0, !drawn(v, at: xs[c], from: ys[r], to: ys[r + 1]) { cells.union(r * columns + c, r * columns + c - 1) }
                if r > 0, !drawn(h, at: ys[r], from: xs[c], to: xs[c + 1]) { cells.union(r * columns + c, (r - 1) * columns + c) }
            }
        }
        // Each merged cell is owned by its top-left position.
        var topLeft: [Int: GridIndex] = [:]
        for r in 0..<rows {
            for c in 0..<columns {
                let root = cells.find(r * columns + c)
                if topLeft[root] == nil { topLeft[root] = GridIndex(row: r, column: c) }
            }
        }
        let owner = (0..<rows).map { r in (0..<columns).map { c in topLeft[cells.find(r * columns + c)]! } }
        return PDFRuledTable(xs: xs, ys: ys, owner: owner, words: Array(repeating: Array(repeating: [], count: columns), count: rows))
    }

    /// Distinct positions: values within `tolerance` of each other are one.
    private static func cluster(_ values: [Double]) -> [Double] {
        var groups: [[Double]] = []
        for value in values.sorted() {
            if let last = groups.last?.last, value - last <= tolerance { groups[groups.count - 1].append(value) } else { groups.append([value]) }
        }
        return groups.map { $0.reduce(0, +) / Double($0.count) }
    }

    // MARK: Words

    /// True when the word's centre lies inside the table.
    func contains(_ word: PDFPage.Word) -> Bool {
        let b = box
        return word.box.midX > b.x0 && word.box.midX < b.x1 && word.box.midY > b.y0 && word.box.midY < b.y1
    }

    /// Puts a word into its cell. A word running across a drawn column border (pdftotext joins
    /// text whose gap is small) is cut there, in proportion to its characters' widths.
    mutating func place(_ word: PDFPage.Word) {
        guard let r = ys.indices.dropLast().last(where: { ys[$0] <= word.box.midY }) else { return }
        for piece in split(word, row: r) {
            guard let c = xs.indices.dropLast().last(where: { xs[$0] <= piece.box.midX }) else { continue }
            let o = owner[r][c]
            words[o.row][o.column].append(piece)
        }
    }

    private func split(_ word: PDFPage.Word, row r: Int) -> [PDFPage.Word] {
        let crossings = xs.indices.filter { c in
            c > 0 && c < xs.count - 1 && xs[c] > word.box.x0 + 1 && xs[c] < word.box.x1 - 1
                && owner[r][c] != owner[r][c - 1]
        }
        guard !crossings.isEmpty else { return [word] }
        let characters = Array(word.text)
        let widths = characters.map { Double(DisplayWidth.of($0)) }
        let total = widths.reduce(0, +)
        guard total > 0 else { return [word] }
        let scale = (word.box.x1 - word.box.x0) / total
        var pieces: [PDFPage.Word] = []
        var start = 0, offset = 0.0
        for boundary in crossings.map({ xs[$0] }) + [Double.infinity] {
            // The characters whose centre lies left of the border.
            let pieceStart = offset
            var end = start
            while end < characters.count, word.box.x0 + (offset + widths[end] / 2) * scale < boundary {
                offset += widths[end]
                end += 1
            }
            if end > start {
                pieces.append(PDFPage.Word(
                    text: String(characters[start..<end]),
                    box: .init(x0: word.box.x0 + pieceStart * scale, y0: word.box.y0, x1: word.box.x0 + offset * scale, y1: word.box.y1)))
            }
            start = end
        }
        return pieces
    }

    /// The table as rows of cells: a merged cell's text in its top-left position, the positions it
    /// covers in the same row marked as covered from the left, those below it empty (as Word has them).
    func rows() -> [[Cell]] {
        (0..<rowCount).map { r in
            (0..<columnCount).map { c in
                let o = owner[r][c]
                if o.row == r && o.column == c { return Cell(PDFText.join(words[r][c])) }
                return Cell("", coveredFromLeft: o.column != c)
            }
        }
    }
}
