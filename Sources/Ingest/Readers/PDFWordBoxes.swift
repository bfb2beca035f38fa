import Foundation

/// Reads `pdftotext -bbox-layout` output: XHTML with `<page width height>` holding
/// `<flow><block><line><word xMin yMin xMax yMax>text</word>…`.
enum PDFWordBoxes {
    static func pages(from data: Data) -> [PDFPage]? {
        guard let xml = ParsedXML(data: data, recover: true), let root = xml.root else { return nil }
        var pages: [PDFPage] = []
        func walk(_ e: ParsedXML.Element) {
            for child in e.children {
                if child.localName == "page" {
                    var page = PDFPage(width: number(child, "width") ?? 595, height: number(child, "height") ?? 842)
                    collectLines(child, into: &page.lines)
                    pages.append(page)
                } else {
                    walk(child)
                }
            }
        }
        walk(root)
        return pages
    }

    private static func collectLines(_ e: ParsedXML.Element, into lines: inout [PDFPage.Line]) {
        for child in e.children {
            if child.localName == "line" {
                let words = child.children.compactMap(word)
                if !words.isEmpty { lines.append(PDFPage.Line(words: words)) }
            } else {
                collectLines(child, into: &lines)
            }
        }
    }

    private static func word(_ e: ParsedXML.Element) -> PDFPage.Word? {
        guard e.localName == "word", let x0 = number(e, "xMin"), let y0 = number(e, "yMin"),
              let x1 = number(e, "xMax"), let y1 = number(e, "yMax") else { return nil }
        let text = e.allText
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        return PDFPage.Word(text: text, box: .init(x0: x0, y0: y0, x1: x1, y1: y1))
    }

    private static func number(_ e: ParsedXML.Element, _ name: String) -> Double? {
        e.attribute(name).flatMap(Double.init)
    }
}
