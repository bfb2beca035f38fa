import Foundation
import ReportModel

/// PDF pages → blocks in reading order: tables from their borders, the other lines as
/// paragraphs (a paragraph's wrapped lines joined again), page headers, footers and page
/// numbers left out, and a table that runs over a page break joined into one, with a row that
/// Word split across the break put back together.
enum PDFDocumentLayout {
    static func blocks(pages: [PDFPage]) -> (blocks: [Block], diagnostics: [Diagnostic]) {
        var items = pages.enumerated().map { Self.items(on: $1, page: $0) }
        removeRunningHeads(&items, pages: pages)
        var diagnostics: [Diagnostic] = []
        var blocks: [Block] = []
        var paragraph: (text: String, last: PDFPage.Line, page: Int)?
        var table: (rows: [[Cell]], last: PDFLayoutTable)?

        func endParagraph() {
            if let p = paragraph { blocks.append(.paragraph(p.text)) }
            paragraph = nil
        }
        func endTable() {
            if let t = table { blocks.append(.table(Table(rows: t.rows))) }
            table = nil
        }

        for (pageIndex, pageItems) in items.enumerated() {
            let metrics = Metrics(pageItems)
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
                case .table(let found):
                    endParagraph()
                    var rows = found.rows()
                    if var open = table {
                        if sameColumns(open.last, found) {
                            // A table running on from the previous page.
                            if let joined = joinSplitRow(open.rows.last!, rows.first!) {
                                open.rows[open.rows.count - 1] = joined
                                rows.removeFirst()
                                diagnostics.append(Diagnostic(
                                    .info, "pdf-row-across-pages",
                                    "第\(pageIndex + 1)页表格的首行续接上一页末行（同一行被分页断开），已合并读取"))
                            }
                            table = (open.rows + rows, found)
                            continue
                        }
                        endTable()
                    }
                    table = (rows, found)
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
        case table(PDFLayoutTable)

        var top: Double {
            switch self {
            case .line(let l): return l.box.y0
            case .table(let t): return t.ys[0]
            }
        }
    }

    /// A page's tables (with their words) and the lines outside them, top to bottom.
    static func items(on page: PDFPage, page index: Int) -> [Item] {
        var tables = PDFLayoutTable.find(in: page.rulings)
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
        let items = lines.map(Item.line) + tables.map(Item.table)
        return items.sorted { $0.top < $1.top }
    }

    // MARK: Running heads

    /// Drops lines at the top or bottom of pages that repeat on other pages (running heads and
    /// feet, digits aside) and lines that are only a page number (1, - 1 -, 第1页, 1/5).
    static func removeRunningHeads(_ items: inout [[Item]], pages: [PDFPage]) {
        func candidates(_ page: Int) -> [Int] {
            let lines = items[page].indices.filter { if case .line = items[page][$0] { return true } else { return false } }
            let height = pages[page].height
            return (Array(lines.prefix(2)) + Array(lines.suffix(2))).filter { i in
                guard case .line(let line) = items[page][i] else { return false }
                return line.box.y1 < height * 0.15 || line.box.y0 > height * 0.85
            }
        }
        func key(_ i: Int, on page: Int) -> String {
            guard case .line(let line) = items[page][i] else { return "" }
            return String(PDFText.lineText(line.words).filter { !$0.isWhitespace }.map { $0.isASCIIDigit ? "#" : $0 })
        }
        var seen: [String: Set<Int>] = [:]
        for page in items.indices {
            for i in Set(candidates(page)) { seen[key(i, on: page), default: []].insert(page) }
        }
        for page in items.indices {
            let drop = Set(candidates(page)).filter { i in
                let k = key(i, on: page)
                return isPageNumber(k) || (items.count >= 2 && (seen[k]?.count ?? 0) >= 2)
            }
            items[page] = items[page].indices.filter { !drop.contains($0) }.map { items[page][$0] }
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
            let gaps = zip(lines, lines.dropFirst()).map { $1.y0 - $0.y0 }.filter { $0 > 0 }
            pitch = gaps.isEmpty ? lineHeight * 1.5 : median(gaps)
        }

        /// A line goes on the paragraph before it when that one ran to the right edge and this one
        /// starts at the left edge (not indented, not centred), without extra space between them.
        func continues(_ previous: PDFPage.Line, with line: PDFPage.Line, samePage: Bool) -> Bool {
            let p = previous.box, l = line.box
            guard p.x1 >= right - lineHeight * 1.5, l.x0 <= left + lineHeight * 0.8 else { return false }
            return !samePage || l.y0 - p.y0 <= pitch * 1.2 + 0.5
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    // MARK: Tables over a page break

    private static func sameColumns(_ a: PDFLayoutTable, _ b: PDFLayoutTable) -> Bool {
        a.xs.count == b.xs.count && zip(a.xs, b.xs).allSatisfy { abs($0 - $1) <= 3 }
    }

    /// The first row on a new page is the rest of the previous page's last row when Word split
    /// the row at the break: it holds no value, only text continuing cells that have text above,
    /// and none of that text opens a new item (1. / （三） / 四、). Nil when it is a row of its own.
    static func joinSplitRow(_ above: [Cell], _ below: [Cell]) -> [Cell]? {
        guard above.count == below.count else { return nil }
        var hasText = false
        for (a, b) in zip(above, below) where !b.isEmpty {
            hasText = true
            if a.isEmpty { return nil }
            if case .number = CellValue.parse(b.text) { return nil }
            if startsWithEnumerator(b.text) { return nil }
        }
        guard hasText else { return nil }
        return zip(above, below).map { a, b in
            b.isEmpty ? a : Cell(a.text + "\n" + b.text, coveredFromLeft: a.coveredFromLeft)
        }
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
