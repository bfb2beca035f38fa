import Foundation
import ReportModel

/// PDF pages → blocks in reading order: tables from their borders, the other lines as
/// paragraphs (a paragraph's wrapped lines joined again), page headers, footers and page
/// numbers left out, and a table that runs over a page break joined into one, with a row that
/// Word split across the break put back together.
enum PDFDocumentLayout {
    static func blocks(pages: [PDFPage]) -> (blocks: [Block], diagnostics: [Diagnostic]) {
        var pages = pages
        removeRunningHeads(&pages)
        let items = pages.map(Self.items(on:))
        var diagnostics: [Diagnostic] = []
        let inferred = items.indices.filter { items[$0].contains(where: \.isInferredTable) }.map { String($0 + 1) }
        if !inferred.isEmpty {
            diagnostics.append(Diagnostic(
                .warning, "pdf-table-without-rulings",
                "第\(inferred.joined(separator: "、"))页的表格没有框线，单元格是按文字位置推断的，请核对数值是否对应正确的行和列"))
        }
        var blocks: [Block] = []
        var paragraph: (text: String, last: PDFPage.Line, page: Int)?
        var table: (rows: [[Cell]], columns: [Double]?)?

        func endParagraph() {
            if let p = paragraph { blocks.append(.paragraph(p.text)) }
            paragraph = nil
        }
        func endTable() {
            if let t = table { blocks.append(.table(Table(rows: t.rows))) }
            table = nil
        }

        // One text column for the whole document: a page holding only a signature says nothing of it.
        let metrics = Metrics(items.flatMap { $0 })
        for (pageIndex, pageItems) in items.enumerated() {
            for item in pageItems {
                switch item {
                case .line(let line):
                    endTable()
                    let text = PDFText.lineText(line.words)
                    if let p = paragraph, metrics.continues(p.last, with: line, samePage: p.page == pageIndex) {
                        let space = p.text.last.map { !DisplayWidth.isWide($0) } == true && text.first.map { !DisplayWidth.isWide($0) } == true
                        paragraph = (p.text + (space ? " " : "") + text, line, pageIndex)
                    } else {
                        endParagraph()
                        paragraph = (text, line, pageIndex)
                    }
                case .table(var rows, _, let columns):
                    endParagraph()
                    if let open = table {
                        if open.columns == nil, columns == nil, let joined = continueLabel(open.rows, rows) {
                            // An inferred table going on from the previous page with the rest of a label.
                            table = (joined, nil)
                            continue
                        }
                        if let a = open.columns, let b = columns, sameEdges(a, b) {
                            // A table running on from the previous page.
                            if let joined = joinSplitRow(open.rows.last!, columns: a, rows.first!, columns: b) {
                                rows[0] = joined
                                diagnostics.append(Diagnostic(
                                    .info, "pdf-row-across-pages",
                                    "第\(pageIndex + 1)页表格的首行续接上一页末行（同一行被分页断开），已合并读取"))
                                table = (open.rows.dropLast() + rows, columns)
                            } else {
                                table = (open.rows + rows, columns)
                            }
                            continue
                        }
                        endTable()
                    }
                    table = (rows, columns)
                }
            }
            // A paragraph or table may go on over the page break; anything else ends them.
        }
        endParagraph()
        endTable()
        return (blocks, diagnostics)
    }

    enum Item {
        case line(PDFPage.Line)
        /// `columns`: the x of a ruled table's column borders, to tell it goes on over a page break;
        /// nil for a table inferred from word positions.
        case table(rows: [[Cell]], top: Double, columns: [Double]?)

        var top: Double {
            switch self {
            case .line(let l): return l.box.y0
            case .table(_, let top, _): return top
            }
        }

        var isInferredTable: Bool {
            if case .table(_, _, nil) = self { return true } else { return false }
        }
    }

    /// A page's tables and the lines outside them, top to bottom. Tables are found by their
    /// borders; on a page with no bordered table, by where their words sit.
    static func items(on page: PDFPage) -> [Item] {
        var tables = PDFRuledTable.find(in: page.rulings)
        var items: [Item]
        if tables.isEmpty {
            let found = PDFLayoutTable.find(in: page.lines.flatMap(\.words))
            items = found.lines.map(Item.line) + found.tables.map { .table(rows: $0.rows, top: $0.top, columns: nil) }
        } else {
            var lines: [PDFPage.Line] = []
            for line in page.lines {
                var outside: [PDFPage.Word] = []
                for word in line.words {
                    if let t = tables.firstIndex(where: { $0.contains(word) }) {
                        tables[t].place(word)
                    } else {
                        outside.append(word)
                    }
                }
                if !outside.isEmpty { lines.append(PDFPage.Line(words: outside)) }
            }
            items = lines.map(Item.line) + tables.map { .table(rows: $0.rows(), top: $0.ys[0], columns: $0.xs) }
        }
        return items.sorted { $0.top < $1.top }
    }

    // MARK: Running heads

    /// Drops lines at the top or bottom of pages that repeat on other pages (running heads and
    /// feet, digits aside) and lines that are only a page number (1, - 1 -, 第1页, 1/5).
    static func removeRunningHeads(_ pages: inout [PDFPage]) {
        // Whole visual lines only: a value cell at the top of a page is not a page number.
        let visual = pages.map { PDFText.lines(of: $0.lines.flatMap(\.words)) }
        func candidates(_ n: Int) -> [Int] {
            let lines = visual[n], height = pages[n].height
            return Array(Set(lines.indices.prefix(2) + lines.indices.suffix(2))).filter { i in
                let box = PDFPage.Line(words: lines[i]).box
                return box.y1 < height * 0.15 || box.y0 > height * 0.85
            }
        }
        func key(_ words: [PDFPage.Word]) -> String {
            String(PDFText.lineText(words).filter { !$0.isWhitespace }.map { $0.isASCIIDigit ? "#" : $0 })
        }
        var seen: [String: Set<Int>] = [:]
        for n in pages.indices {
            for i in candidates(n) { seen[key(visual[n][i]), default: []].insert(n) }
        }
        for n in pages.indices {
            let dropped = candidates(n).filter { i in
                let k = key(visual[n][i])
                return isPageNumber(k) || (pages.count >= 2 && (seen[k]?.count ?? 0) >= 2)
            }
            let boxes = dropped.flatMap { visual[n][$0].map(\.box) }
            guard !boxes.isEmpty else { continue }
            pages[n].lines = pages[n].lines.compactMap { line in
                let words = line.words.filter { w in !boxes.contains(w.box) }
                return words.isEmpty ? nil : PDFPage.Line(words: words)
            }
        }
    }

    /// `#`, `-#-`, `第#页`, `第#页共#页`, `#/#` (digits already replaced by #, spaces removed).
    static func isPageNumber(_ key: String) -> Bool {
        var k = Substring(key)
        k = k.drop(while: { "-—–·".contains($0) })
        while let last = k.last, "-—–·".contains(last) { k = k.dropLast() }
        func digits(_ s: inout Substring) -> Bool {
            let n = s.prefix(while: { $0 == "#" }).count
            s = s.dropFirst(n)
            return n > 0
        }
        if k.hasPrefix("第") {
            k = k.dropFirst()
            guard digits(&k), k.hasPrefix("页") else { return false }
            k = k.dropFirst()
            if k.isEmpty { return true }
            guard k.hasPrefix("共") else { return false }
            k = k.dropFirst()
            return digits(&k) && k == "页"
        }
        guard digits(&k) else { return false }
        if k.isEmpty { return true }
        if k.hasPrefix("/") {
            k = k.dropFirst()
            return digits(&k) && k.isEmpty
        }
        return false
    }

    // MARK: Paragraphs

    /// The page's text column: where lines start and end, how far apart they are.
    struct Metrics {
        var left = 0.0, right = 0.0, pitch = 0.0, lineHeight = 10.0

        init(_ items: [Item]) {
            let lines = items.compactMap { if case .line(let l) = $0 { return l.box } else { return nil } }
            guard !lines.isEmpty else { return }
            left = lines.map(\.x0).min()!
            right = lines.map(\.x1).max()!
            lineHeight = median(lines.map(\.height))
            // The usual distance between lines of one paragraph: paragraphs may be further apart.
            let gaps = zip(lines, lines.dropFirst()).map { $1.y0 - $0.y0 }.filter { $0 > lineHeight * 0.5 }.sorted()
            pitch = gaps.isEmpty ? lineHeight * 1.5 : gaps[gaps.count / 4]
        }

        /// A line goes on the paragraph before it when that one ran to the right edge and this one
        /// starts at the left edge (not indented, not centred, not a numbered heading), without
        /// extra space between them.
        func continues(_ previous: PDFPage.Line, with line: PDFPage.Line, samePage: Bool) -> Bool {
            let p = previous.box, l = line.box
            guard p.x1 >= right - lineHeight * 2.2, l.x0 <= left + lineHeight * 0.8 else { return false }
            if let first = line.words.first, PDFDocumentLayout.startsWithEnumerator(first.text) { return false }
            return !samePage || l.y0 - p.y0 <= pitch * 1.2 + 0.5
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    // MARK: Tables over a page break

    /// Two parts of one table share their column borders: the same, or those of one among the
    /// other's (a merged cell cut by the page break may be drawn on one side only).
    private static func sameEdges(_ a: [Double], _ b: [Double]) -> Bool {
        func within(_ small: [Double], _ large: [Double]) -> Bool {
            small.allSatisfy { x in large.contains { abs($0 - x) <= 3 } }
        }
        return abs(a.last! - b.last!) <= 3 && (within(a, b) || within(b, a))
    }

    /// The first row on a new page is the rest of the previous page's last row when Word split
    /// the row at the break: it holds no value, only text continuing cells that have text above
    /// (matched by position: `xa`, `xb` are the rows' column borders), and none of that text opens
    /// a new item (1. / （三） / 四、). Nil when it is a row of its own.
    static func joinSplitRow(_ above: [Cell], columns xa: [Double], _ below: [Cell], columns xb: [Double]) -> [Cell]? {
        guard above.count == xa.count - 1, below.count == xb.count - 1 else { return nil }
        // The cell of `above` (the one owning a covered position) under the middle of below's cell `c`.
        func target(_ c: Int) -> Int? {
            var end = c + 1
            while end < below.count, below[end].coveredFromLeft { end += 1 }
            let middle = (xb[c] + xb[end]) / 2
            guard var k = xa.indices.dropLast().last(where: { xa[$0] <= middle }) else { return nil }
            while k > 0, above[k].coveredFromLeft { k -= 1 }
            return k
        }
        var joined = above
        var hasText = false
        for (c, b) in below.enumerated() where !b.isEmpty {
            hasText = true
            guard let k = target(c), !above[k].isEmpty else { return nil }
            // Text goes on text: a value never continues, nor a caption running across cells.
            if case .number = CellValue.parse(b.text) { return nil }
            if case .number = CellValue.parse(above[k].text) { return nil }
            if c + 1 < below.count, below[c + 1].coveredFromLeft, !(k + 1 < above.count && above[k + 1].coveredFromLeft) { return nil }
            if startsWithEnumerator(b.text) { return nil }
            joined[k].text += "\n" + b.text
        }
        return hasText ? joined : nil
    }

    /// Rows of an inferred table going on from the previous page: leading rows with label text
    /// only, none opening an item, are the rest of the last label above. Nil when it is not so.
    static func continueLabel(_ above: [[Cell]], _ below: [[Cell]]) -> [[Cell]]? {
        guard var last = above.last, let target = last.lastIndex(where: { !$0.isEmpty && CellValue.parse($0.text) == .unreadable($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }) else { return nil }
        var rest = below[...]
        var added = false
        while let row = rest.first {
            let texts = row.filter { !$0.isEmpty }
            guard texts.count == 1, let only = texts.first, case .unreadable = CellValue.parse(only.text),
                  !startsWithEnumerator(only.text) else { break }
            last[target].text += only.text
            rest = rest.dropFirst()
            added = true
        }
        return added ? above.dropLast() + [last] + rest : above + below
    }

    static func startsWithEnumerator(_ text: String) -> Bool {
        let t = Substring(TextNormaliser.halfWidth(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        let numerals = "一二三四五六七八九十"
        if t.first == "(" {
            let inner = t.dropFirst().prefix(while: { $0.isASCIIDigit || numerals.contains($0) })
            return !inner.isEmpty && t.dropFirst(1 + inner.count).first == ")"
        }
        let digits = t.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty, let next = t.dropFirst(digits.count).first { return ".、)".contains(next) }
        let chinese = t.prefix(while: { numerals.contains($0) })
        if !chinese.isEmpty { return t.dropFirst(chinese.count).first == "、" }
        return false
    }
}
