import Foundation

/// A report as a PDF, the way a Word file prints: A4 pages, the title centred, paragraphs
/// wrapped to the text column with a two-character indent, the tables ruled cell by cell (a
/// merged cell's inner borders left out, so poppler's lines give back the Word grid), the
/// signature right-aligned and a page number at the foot of each page. A table starts on a new
/// page when it does not fit below the text before it.
struct PDFReportWriter {
    let writer: ReportWriter

    static let pageWidth = 595.28, pageHeight = 841.89
    static let left = 56.0, right = 56.0, top = 64.0, bottom = 64.0
    static var textWidth: Double { pageWidth - left - right }
    static let bodySize = 10.5, titleSize = 16.0, tableSize = 8.0
    /// The baseline sits this far below the top of a line's box, in ems (the font's ascent).
    static let ascent = 0.88

    func data() -> Data {
        var flow = Flow()
        let titleSize = min(Self.titleSize, Self.textWidth / max(1, PDFCharacterTable.ems(Substring(writer.title))))
        flow.paragraph(writer.title, size: titleSize, alignment: .centre)
        flow.space(Self.bodySize)
        for text in writer.opening { flow.paragraph(text, size: Self.bodySize, alignment: .indented) }
        for (heading, table) in writer.spannedTables {
            let laidOut = TableLayout(table: table, size: Self.tableSize, width: Self.textWidth)
            // A heading stays with its table.
            if flow.y + Self.bodySize * 1.6 + laidOut.height > Self.pageHeight - Self.bottom { flow.newPage() }
            flow.paragraph(heading, size: Self.bodySize, alignment: .indented)
            flow.space(Self.bodySize * 0.4)
            flow.table(laidOut)
            flow.space(Self.bodySize)
        }
        for (i, text) in writer.closing.enumerated() {
            // The last two lines are the signature: the organ and the date.
            flow.paragraph(text, size: Self.bodySize, alignment: i >= writer.closing.count - 2 ? .right : .indented)
        }
        let pages = flow.finish()
        return PDFFileWriter(width: Self.pageWidth, height: Self.pageHeight, pages: pages, characters: flow.characters,
                             title: writer.title, subject: "样例数据：自动生成，不是真实报告").data()
    }

    enum Alignment { case indented, centre, right }

    /// Lines of `text` no wider than `width` ems (the first `firstIndent` ems narrower). Chinese
    /// breaks between any two characters; a run of ASCII letters and digits is kept whole, as
    /// Word keeps a number or a word on one line.
    static func wrap(_ text: String, width: Double, firstIndent: Double = 0) -> [Substring] {
        var lines: [Substring] = []
        var lineStart = text.startIndex, used = 0.0
        var limit = width - firstIndent
        var i = text.startIndex
        while i < text.endIndex {
            var end = text.index(after: i)
            if text[i].isASCII && !text[i].isWhitespace {
                while end < text.endIndex, text[end].isASCII, !text[end].isWhitespace { end = text.index(after: end) }
            }
            let w = PDFCharacterTable.ems(text[i..<end])
            if used + w > limit + 1e-9, i > lineStart {
                lines.append(text[lineStart..<i])
                lineStart = i
                used = 0
                limit = width
            }
            if w > limit, end > text.index(after: i) {
                // A token longer than a whole line is cut where the line ends.
                end = text.index(after: i)
                used += PDFCharacterTable.ems(text[i..<end])
            } else {
                used += w
            }
            i = end
        }
        if lineStart < text.endIndex { lines.append(text[lineStart...]) }
        return lines
    }

    // MARK: Pages

    struct Flow {
        var characters = PDFCharacterTable()
        var pages: [String] = []
        var page = PDFContent(pageHeight: PDFReportWriter.pageHeight)
        /// The top of the next line, from the top of the page.
        var y = PDFReportWriter.top

        mutating func newPage() {
            footer()
            pages.append(page.stream)
            page = PDFContent(pageHeight: PDFReportWriter.pageHeight)
            y = PDFReportWriter.top
        }

        mutating func footer() {
            let number = "- \(pages.count + 1) -"
            let w = PDFCharacterTable.ems(Substring(number)) * 9
            page.text(number, x: (PDFReportWriter.pageWidth - w) / 2, baseline: PDFReportWriter.pageHeight - 36, size: 9, characters: &characters)
        }

        mutating func space(_ height: Double) { y += height }

        mutating func paragraph(_ text: String, size: Double, alignment: Alignment) {
            let leading = size * 1.6
            guard !text.isEmpty else { return space(leading) }
            let indent = alignment == .indented ? 2.0 : 0
            let columnEms = PDFReportWriter.textWidth / size
            for (n, line) in PDFReportWriter.wrap(text, width: columnEms, firstIndent: indent).enumerated() {
                if y + leading > PDFReportWriter.pageHeight - PDFReportWriter.bottom { newPage() }
                let w = PDFCharacterTable.ems(line) * size
                let x: Double
                switch alignment {
                case .indented: x = PDFReportWriter.left + (n == 0 ? indent * size : 0)
                case .centre: x = PDFReportWriter.left + (PDFReportWriter.textWidth - w) / 2
                case .right: x = PDFReportWriter.pageWidth - PDFReportWriter.right - w
                }
                page.text(line, x: x, baseline: y + (leading - size) / 2 + size * PDFReportWriter.ascent, size: size, characters: &characters)
                y += leading
            }
        }

        mutating func table(_ t: TableLayout) {
            if y + t.height > PDFReportWriter.pageHeight - PDFReportWriter.bottom { newPage() }
            t.draw(on: &page, left: PDFReportWriter.left, top: y, characters: &characters)
            y += t.height
        }

        mutating func finish() -> [String] {
            footer()
            pages.append(page.stream)
            return pages
        }
    }
}
