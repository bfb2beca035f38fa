import Foundation

/// A table with no drawn borders, rebuilt from where its words sit on the page. Values are put
/// in columns by their horizontal position, so a blank cell stays blank and is never filled by
/// its neighbour; label text wrapped over several lines is put back together: a line opening an
/// item (`1.` `（三）` `四、`) starts a label, other lines continue the label nearest to them.
/// Cells found this way are inferred, and the reader says so.
struct PDFLayoutTable {
    var top: Double
    var rows: [[Cell]]

    /// Words on one baseline that sit together: a cell's text on that line.
    struct Segment {
        var text: String
        var box: PDFPage.Box
        var isValue: Bool
    }

    struct VisualLine {
        var segments: [Segment]
        var box: PDFPage.Box
        var words: [PDFPage.Word]
        var hasValue: Bool { segments.contains(where: \.isValue) }
    }

    /// The page's text column.
    private struct Page {
        var left: Double, width: Double, lineHeight: Double
    }

    /// The tables among a page's words, and the lines outside them.
    static func find(in words: [PDFPage.Word]) -> (tables: [PDFLayoutTable], lines: [PDFPage.Line]) {
        let lines = PDFText.lines(of: words).map(visualLine)
        guard !lines.isEmpty else { return ([], []) }
        let left = lines.map(\.box.x0).min()!
        let page = Page(left: left, width: lines.map(\.box.x1).max()! - left,
                        lineHeight: lines.map(\.box.height).sorted()[lines.count / 2])
        var inTable = Array(repeating: false, count: lines.count)
        var tables: [PDFLayoutTable] = []
        for region in regions(lines, page: page) {
            let valueLines = region.filter { lines[$0].hasValue }
            guard !valueLines.isEmpty else {
                // Headings only (their rows are on the next page): one cell per heading.
                for i in region { inTable[i] = true }
                tables.append(PDFLayoutTable(top: lines[region.lowerBound].box.y0,
                                             rows: lines[region].map { $0.segments.map { Cell($0.text) } }))
                continue
            }
            for part in parts(of: region, valueLines: valueLines, lines: lines, page: page) {
                let rows = Self.rows(part.lines.map { lines[$0] }, labelRight: part.labelRight, lineHeight: page.lineHeight)
                guard !rows.isEmpty else { continue }
                for i in part.lines { inTable[i] = true }
                tables.append(PDFLayoutTable(top: lines[part.lines[0]].box.y0, rows: rows))
            }
        }
        let rest = lines.indices.filter { !inTable[$0] }.map { PDFPage.Line(words: lines[$0].words) }
        return (tables, rest)
    }

    /// A region split where its value columns change (表三 and 表四 next to each other), each
    /// part with the right edge of its label area; a heading between them is left out.
    private static func parts(
        of region: ClosedRange<Int>, valueLines: [Int], lines: [VisualLine], page: Page
    ) -> [(lines: [Int], labelRight: Double)] {
        // Values of one table line up (centred or right-aligned) with those of the rows above.
        let tolerance = page.lineHeight * 0.45
        func values(_ i: Int) -> [PDFPage.Box] { lines[i].segments.filter(\.isValue).map(\.box) }
        func fits(_ line: [PDFPage.Box], _ group: [PDFPage.Box]) -> Bool {
            let matched = line.filter { b in group.contains { abs($0.midX - b.midX) <= tolerance || abs($0.x1 - b.x1) <= tolerance } }.count
            return Double(matched) >= Double(line.count) * 0.8
        }
        var groups: [[Int]] = []
        var seen: [PDFPage.Box] = []
        for i in valueLines {
            if !groups.isEmpty, fits(values(i), seen) {
                groups[groups.count - 1].append(i)
                seen += values(i)
            } else {
                groups.append([i])
                seen = values(i)
            }
        }
        func labelRight(_ group: [Int]) -> Double {
            group.flatMap { lines[$0].segments.filter(\.isValue) }.map(\.box.x0).min()!
        }
        var out: [(lines: [Int], labelRight: Double)] = []
        var start = region.lowerBound
        for (g, group) in groups.enumerated() {
            let right = labelRight(group)
            var end = region.upperBound + 1
            if g + 1 < groups.count {
                // This part ends where a line reaches into the value columns or opens an item.
                end = groups[g + 1][0]
                for m in (group.last! + 1)..<groups[g + 1][0] {
                    let l = lines[m]
                    if l.segments.contains(where: { $0.box.x1 > right + 2 }) || PDFDocumentLayout.startsWithEnumerator(l.segments[0].text) {
                        end = m
                        break
                    }
                }
            }
            // A heading at the left margin running into the value columns is text between tables.
            let kept = (start..<end).filter { m in
                let l = lines[m]
                return !(!l.hasValue && l.segments.count == 1 && l.box.x0 <= page.left + 2 && l.box.x1 > right + 2)
            }
            if !kept.isEmpty { out.append((kept, right)) }
            start = end
        }
        return out
    }

    private static func visualLine(_ words: [PDFPage.Word]) -> VisualLine {
        var segments: [Segment] = []
        var current: [PDFPage.Word] = []
        func close() {
            guard !current.isEmpty else { return }
            let text = PDFText.lineText(current)
            let box = current.dropFirst().reduce(current[0].box) { $0.union($1.box) }
            segments.append(Segment(text: text, box: box, isValue: isValue(text)))
            current = []
        }
        for word in words {
            // Words of one text are close; cells are apart by at least their padding.
            if let last = current.last, word.box.x0 - last.box.x1 > min(last.box.height, word.box.height) * 0.6 { close() }
            current.append(word)
        }
        close()
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return VisualLine(segments: segments, box: box, words: words)
    }

    private static func isValue(_ text: String) -> Bool {
        switch CellValue.parse(text) {
        case .number, .notApplicable: return true
        default: return false
        }
    }

    // MARK: Regions

    /// Runs of lines holding values in cells of their own, with the header lines above them and
    /// the label lines among them. A sentence's numbers sit inside its text: never a table row.
    private static func regions(_ lines: [VisualLine], page: Page) -> [ClosedRange<Int>] {
        func isRow(_ l: VisualLine) -> Bool {
            l.hasValue && (l.segments.count >= 2 || l.segments[0].box.x0 > page.left + page.lineHeight * 2)
        }
        func isShort(_ l: VisualLine) -> Bool { l.segments.count == 1 && l.box.x1 - l.box.x0 < page.width * 0.4 }
        func isHeaderLike(_ l: VisualLine) -> Bool {
            l.segments.count >= 2 || (l.box.x0 > page.left + page.lineHeight * 1.5 && l.box.x1 - l.box.x0 < page.width * 0.5)
        }
        func adjacent(_ a: VisualLine, _ b: VisualLine) -> Bool { b.box.y0 - a.box.y1 < page.lineHeight * 1.2 }

        var out: [ClosedRange<Int>] = []
        for i in lines.indices where isRow(lines[i]) {
            if let last = out.last, i - last.upperBound <= 8 {
                out[out.count - 1] = last.lowerBound...i
            } else {
                out.append(i...i)
            }
        }
        var extended: [ClosedRange<Int>] = []
        for (n, region) in out.enumerated() {
            let floor = extended.last.map { $0.upperBound + 1 } ?? 0
            let ceiling = n + 1 < out.count ? out[n + 1].lowerBound - 1 : lines.count - 1
            var a = region.lowerBound
            // The first row's label may start on lines just above its values.
            while a > floor, region.lowerBound - a < 3, isShort(lines[a - 1]), adjacent(lines[a - 1], lines[a]) { a -= 1 }
            // Column headings above, and short lines among them (a heading cell's wrapped text).
            while a > floor, region.lowerBound - a < 12, isHeaderLike(lines[a - 1])
                || (isShort(lines[a - 1]) && adjacent(lines[a - 1], lines[a]) && isHeaderLike(lines[a])
                    && !PDFDocumentLayout.startsWithEnumerator(lines[a - 1].segments[0].text)) { a -= 1 }
            var b = region.upperBound
            // The last row's label may end on lines below.
            while b < ceiling, b - region.upperBound < 12, isShort(lines[b + 1]), adjacent(lines[b], lines[b + 1]),
                  !PDFDocumentLayout.startsWithEnumerator(lines[b + 1].segments[0].text) { b += 1 }
            extended.append(a...b)
        }
        // Column headings at the foot of a page, their table going on over the page.
        if let last = extended.last ?? Optional(-1...(-1)) {
            var a = lines.count
            while a > last.upperBound + 1, lines.count - a < 6, isHeaderLike(lines[a - 1]), !lines[a - 1].hasValue { a -= 1 }
            if a < lines.count, lines[a...].contains(where: { $0.segments.count >= 2 }) { extended.append(a...(lines.count - 1)) }
        }
        return extended
    }

    // MARK: Rows

    private enum Kind { case header, values, labels }

    private static func rows(_ lines: [VisualLine], labelRight: Double, lineHeight: Double) -> [[Cell]] {
        guard !lines.isEmpty else { return [] }
        func inLabels(_ s: Segment) -> Bool { s.box.x1 <= labelRight + 2 && !s.isValue }
        let labelBorders = labelColumnBorders(lines, inLabels: inLabels)
        func labelColumn(_ s: Segment) -> Int { labelBorders.filter { $0 < s.box.x0 }.count }
        let labelCount = labelBorders.count + 1

        func kind(_ l: VisualLine) -> Kind {
            if l.hasValue { return .values }
            return l.segments.contains { !inLabels($0) } ? .header : .labels
        }

        // Header lines open a block; each block has its own value columns (表二's blocks differ).
        var blocks: [[VisualLine]] = [[]]
        var previous: Kind?
        for line in lines {
            let k = kind(line)
            if k == .header, previous != nil, previous != .header { blocks.append([]) }
            blocks[blocks.count - 1].append(line)
            previous = k
        }

        var out: [[Cell]] = []
        for block in blocks where !block.isEmpty {
            let columns = valueColumns(block, inLabels: inLabels, tolerance: max(6, lineHeight * 0.8))
            func column(_ s: Segment) -> Int {
                columns.indices.min { abs(columns[$0] - s.box.midX) < abs(columns[$1] - s.box.midX) } ?? 0
            }
            var rows: [(cells: [String], y: Double, header: Bool)] = []
            var pending = Array(repeating: "", count: labelCount)
            var lastDataRow: Int?
            let empty = Array(repeating: "", count: columns.count)

            func flushPending(y: Double) {
                // A label with no value line: a row left blank.
                guard pending.contains(where: { !$0.isEmpty }) else { return }
                rows.append((pending + empty, y, false))
                pending = Array(repeating: "", count: labelCount)
                lastDataRow = rows.count - 1
            }
            let valueLines = block.indices.filter { kind(block[$0]) == .values }

            for (index, line) in block.enumerated() {
                switch kind(line) {
                case .header:
                    flushPending(y: line.box.midY)
                    var cells = Array(repeating: "", count: labelCount + columns.count)
                    for s in line.segments {
                        let i = inLabels(s) ? labelColumn(s) : labelCount + column(s)
                        cells[i] += s.text
                    }
                    rows.append((cells, line.box.midY, true))
                    lastDataRow = nil
                case .values:
                    var labels = Array(repeating: "", count: labelCount)
                    for s in line.segments where inLabels(s) { labels[labelColumn(s)] += s.text }
                    for c in 0..<labelCount where !pending[c].isEmpty {
                        let opensHere = PDFDocumentLayout.startsWithEnumerator(labels[c])
                        if opensHere && !PDFDocumentLayout.startsWithEnumerator(pending[c]), let last = lastDataRow {
                            // The row's own label opens on this line: what waited is the end of the row above.
                            rows[last].cells[c] += pending[c]
                        } else if opensHere {
                            var blank = Array(repeating: "", count: labelCount)
                            blank[c] = pending[c]
                            rows.append((blank + empty, line.box.midY, false))
                        } else {
                            labels[c] = pending[c] + labels[c]
                        }
                    }
                    pending = Array(repeating: "", count: labelCount)
                    var values = empty
                    for s in line.segments where !inLabels(s) { values[column(s)] += s.text }
                    rows.append((labels + values, line.box.midY, false))
                    lastDataRow = rows.count - 1
                case .labels:
                    let nextValue = valueLines.first { $0 > index }.map { block[$0].box.midY }
                    for s in line.segments {
                        let c = labelColumn(s)
                        if PDFDocumentLayout.startsWithEnumerator(s.text) {
                            if !pending[c].isEmpty { flushPending(y: line.box.midY) }
                            pending[c] = s.text
                        } else if !pending[c].isEmpty {
                            pending[c] += s.text
                        } else if let last = lastDataRow,
                                  nextValue.map({ $0 - line.box.midY >= line.box.midY - rows[last].y }) ?? true {
                            // Closer to the row above than to the next one: the rest of its label.
                            rows[last].cells[c] += s.text
                        } else {
                            pending[c] = s.text
                        }
                    }
                }
            }
            flushPending(y: .infinity)
            out += rows.map { Self.cells($0.cells, labelColumns: labelCount) }
        }
        return out.filter { $0.contains { !$0.isEmpty } }
    }

    /// Where label columns part: gaps that lines with labels side by side (三、本 | （一）予以公开)
    /// have in common. None when labels never stand side by side: one label column.
    private static func labelColumnBorders(_ lines: [VisualLine], inLabels: (Segment) -> Bool) -> [Double] {
        var gaps: [(Double, Double)] = []
        for line in lines {
            let labels = line.segments.filter(inLabels)
            for (a, b) in zip(labels, labels.dropFirst()) where b.box.x0 > a.box.x1 { gaps.append((a.box.x1, b.box.x0)) }
        }
        var merged: [(Double, Double)] = []
        for gap in gaps.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, gap.0 <= last.1 {
                merged[merged.count - 1] = (max(last.0, gap.0), min(last.1, gap.1))
            } else {
                merged.append(gap)
            }
        }
        return merged.map { ($0.0 + $0.1) / 2 }
    }

    /// Cells of a row; the empty label positions right of its label are covered by it (the label
    /// spans them, as Word's merged label cells do).
    private static func cells(_ texts: [String], labelColumns: Int) -> [Cell] {
        let lastLabel = texts.prefix(labelColumns).lastIndex { !$0.isEmpty }
        return texts.enumerated().map { i, text in
            if let lastLabel, i > lastLabel, i < labelColumns, text.isEmpty { return Cell("", coveredFromLeft: true) }
            return Cell(text)
        }
    }

    /// Value columns of a block: where its values are centred, and where a column heading with no
    /// value below it sits (a column left entirely blank is still a column). A caption on a line
    /// of its own (第二十条第（一）项, 申请人情况) spans columns and makes none.
    private static func valueColumns(_ block: [VisualLine], inLabels: (Segment) -> Bool, tolerance: Double) -> [Double] {
        var columns = cluster(block.flatMap { $0.segments.filter(\.isValue).map(\.box.midX) }, tolerance: tolerance)
        let headings = block.filter { !$0.hasValue && $0.segments.count >= 2 }
            .flatMap { $0.segments.filter { !inLabels($0) } }
            .sorted { ($0.box.x1 - $0.box.x0) < ($1.box.x1 - $1.box.x0) }
        for h in headings {
            let holdsOne = columns.contains { $0 >= h.box.x0 && $0 <= h.box.x1 }
            let near = columns.contains { abs($0 - h.box.midX) <= tolerance }
            if !holdsOne && !near { columns.append(h.box.midX) }
        }
        if columns.isEmpty {
            // Captions only: they make the columns.
            columns = cluster(block.flatMap { $0.segments.filter { !inLabels($0) }.map(\.box.midX) }, tolerance: tolerance)
        }
        return columns.sorted()
    }

    private static func cluster(_ values: [Double], tolerance: Double) -> [Double] {
        var groups: [[Double]] = []
        for v in values.sorted() {
            if let last = groups.last?.last, v - last <= tolerance { groups[groups.count - 1].append(v) } else { groups.append([v]) }
        }
        return groups.map { $0.reduce(0, +) / Double($0.count) }
    }
}
