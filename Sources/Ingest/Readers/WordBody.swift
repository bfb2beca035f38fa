import Foundation
import ReportModel

/// A Word body (word/document.xml) → blocks: `w:p` → paragraphs, `w:tbl` → tables of cells.
/// Text is what Word shows: runs joined (Word cuts runs anywhere, even mid-word), `w:tab` a TAB,
/// `w:br`/`w:cr` a line break, field results without their instructions, inserted text kept and
/// deleted text dropped, content controls (`w:sdt`) and other wrappers read through.
struct WordBody {
    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // transitional (what Word writes)
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  // strict
    ]
    static let markupCompatibility: Set<String> = ["http://schemas.openxmlformats.org/markup-compatibility/2006"]

    private(set) var blocks: [Block] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads the `w:document` root; nil when it is not a Word body.
    static func read(_ root: ParsedXML.Element) -> WordBody? {
        guard root.is("document", in: namespaces), let body = root.first("body", in: namespaces) else { return nil }
        var reader = WordBody()
        reader.blocks = reader.readBlocks(in: body)
        return reader
    }

    private static func w(_ e: ParsedXML.Element, _ name: String) -> Bool { e.is(name, in: namespaces) }

    // MARK: Blocks

    /// Block-level content of a body, cell, or wrapper (`w:sdtContent`, `w:customXml`, `w:ins`…).
    private mutating func readBlocks(in container: ParsedXML.Element) -> [Block] {
        var out: [Block] = []
        for child in container.children {
            if Self.w(child, "p") {
                // A line break inside a body paragraph starts a new line of text, as in the text layouts.
                for line in Self.paragraphText(child).split(separator: "\n") where !isBlank(line) {
                    out.append(.paragraph(String(line)))
                }
            } else if Self.w(child, "tbl") {
                out += table(child)
            } else if Self.w(child, "sdt") {
                if let content = child.first("sdtContent", in: Self.namespaces) { out += readBlocks(in: content) }
            } else if Self.w(child, "customXml") || Self.w(child, "ins") || Self.w(child, "moveTo") || Self.w(child, "smartTag") {
                out += readBlocks(in: child)
            } else if Self.w(child, "altChunk") {
                diagnostics.append(Diagnostic(.warning, "docx-altchunk", "文档中嵌入了外部内容（altChunk，如粘贴的网页），该部分未读取"))
            } else if child.is("AlternateContent", in: Self.markupCompatibility) {
                if let choice = Self.chosen(child) { out += readBlocks(in: choice) }
            }
            // w:del, w:moveFrom (deleted), w:sectPr, w:bookmarkStart… hold no visible text.
        }
        return out
    }

    /// The branch of `mc:AlternateContent` a reader shows: the first `mc:Choice`, else `mc:Fallback`
    /// (never both: they hold the same content twice).
    private static func chosen(_ alternate: ParsedXML.Element) -> ParsedXML.Element? {
        alternate.first("Choice", in: markupCompatibility) ?? alternate.first("Fallback", in: markupCompatibility)
    }

    // MARK: Tables

    private struct GridCell {
        var text: String
        var span: Int
        /// `w:vMerge` without "restart": the cell continues the one above.
        var continuesAbove: Bool
        /// Legacy `w:hMerge` continuation: covered by the cell on its left.
        var continuesLeft: Bool
    }

    /// A table as one block. A table whose cells hold tables is a layout frame around the real
    /// content: its cells' contents are read in order as blocks of their own.
    private mutating func table(_ tbl: ParsedXML.Element) -> [Block] {
        let rows = Self.rowElements(tbl)
        let cells = rows.map(Self.cellElements)
        if cells.joined().contains(where: { Self.containsTable($0) }) {
            diagnostics.append(Diagnostic(.info, "docx-nested-table", "表格中嵌套表格：外层表格按版式框架展开，逐格读取其中的段落和表格"))
            var out: [Block] = []
            for cell in cells.joined() { out += readBlocks(in: cell) }
            return out
        }
        var grid: [[Cell]] = []
        for (row, tcs) in zip(rows, cells) {
            var line: [Cell] = []
            let properties = row.first("trPr", in: Self.namespaces)
            let before = properties.flatMap { Self.intValue($0.first("gridBefore", in: Self.namespaces)) } ?? 0
            let after = properties.flatMap { Self.intValue($0.first("gridAfter", in: Self.namespaces)) } ?? 0
            line += Array(repeating: Cell(""), count: min(before, 64))
            for tc in tcs {
                let cell = Self.gridCell(tc)
                line.append(cell.continuesAbove ? Cell("") : Cell(cell.text, coveredFromLeft: cell.continuesLeft))
                // The positions a horizontal merge covers are empty cells, kept apart from real ones.
                line += Array(repeating: Cell("", coveredFromLeft: true), count: min(max(cell.span - 1, 0), 64))
            }
            line += Array(repeating: Cell(""), count: min(after, 64))
            grid.append(line)
        }
        return grid.isEmpty ? [] : [.table(Table(rows: grid))]
    }

    /// `w:tr` of a table, through content controls and other wrappers; deleted rows left out.
    private static func rowElements(_ tbl: ParsedXML.Element) -> [ParsedXML.Element] {
        var out: [ParsedXML.Element] = []
        for child in tbl.children {
            if w(child, "tr") {
                let deleted = child.first("trPr", in: namespaces)?.first("del", in: namespaces) != nil
                if !deleted { out.append(child) }
            } else if let inner = wrapped(child) {
                out += rowElements(inner)
            }
        }
        return out
    }

    /// `w:tc` of a row, through content controls and other wrappers.
    private static func cellElements(_ tr: ParsedXML.Element) -> [ParsedXML.Element] {
        var out: [ParsedXML.Element] = []
        for child in tr.children {
            if w(child, "tc") {
                out.append(child)
            } else if let inner = wrapped(child) {
                out += cellElements(inner)
            }
        }
        return out
    }

    /// The content inside a wrapper element (`w:sdt` → `w:sdtContent`, `w:customXml`, `w:ins`…).
    private static func wrapped(_ e: ParsedXML.Element) -> ParsedXML.Element? {
        if w(e, "sdt") { return e.first("sdtContent", in: namespaces) }
        if w(e, "customXml") || w(e, "ins") || w(e, "moveTo") || w(e, "smartTag") { return e }
        if e.is("AlternateContent", in: markupCompatibility) { return chosen(e) }
        return nil
    }

    private static func containsTable(_ tc: ParsedXML.Element) -> Bool {
        tc.children.contains { w($0, "tbl") || (wrapped($0).map(containsTable) ?? false) }
    }

    private static func gridCell(_ tc: ParsedXML.Element) -> GridCell {
        let properties = tc.first("tcPr", in: namespaces)
        let span = intValue(properties?.first("gridSpan", in: namespaces)) ?? 1
        let vMerge = properties?.first("vMerge", in: namespaces)
        let hMerge = properties?.first("hMerge", in: namespaces)
        // A merge element without w:val continues; w:val="restart" starts a merged cell.
        let continuesAbove = vMerge != nil && vMerge?.attribute("val", in: namespaces) != "restart"
        let continuesLeft = hMerge != nil && hMerge?.attribute("val", in: namespaces) != "restart"
        var paragraphs: [String] = []
        collectCellText(tc, into: &paragraphs)
        let text = paragraphs.joined(separator: "\n")
        return GridCell(text: text, span: span, continuesAbove: continuesAbove, continuesLeft: continuesLeft)
    }

    /// The paragraphs of a cell, as lines of its text.
    private static func collectCellText(_ container: ParsedXML.Element, into lines: inout [String]) {
        for child in container.children {
            if w(child, "p") {
                let text = paragraphText(child)
                if !text.isEmpty { lines.append(text) }
            } else if let inner = wrapped(child) {
                collectCellText(inner, into: &lines)
            }
        }
    }

    private static func intValue(_ e: ParsedXML.Element?) -> Int? {
        e?.attribute("val", in: namespaces).flatMap { Int($0) }
    }

    // MARK: Paragraph text

    /// The text of a `w:p` as Word shows it.
    static func paragraphText(_ p: ParsedXML.Element) -> String {
        var text = TextCollector()
        text.collect(p)
        return text.out
    }

    /// Walks runs in order, tracking complex fields (`w:fldChar` begin/separate/end): the text
    /// between begin and separate is the field's instruction and is not shown.
    private struct TextCollector {
        var out = ""
        /// One entry per open field: true while in its instruction part.
        var fields: [Bool] = []

        var inInstruction: Bool { fields.contains(true) }

        mutating func collect(_ e: ParsedXML.Element) {
            for child in e.children {
                guard let ns = child.namespace else { continue }
                if WordBody.markupCompatibility.contains(ns) {
                    if child.localName == "AlternateContent", let branch = WordBody.chosen(child) { collect(branch) }
                    continue
                }
                guard WordBody.namespaces.contains(ns) else { continue }
                switch child.localName {
                case "r": run(child)
                case "hyperlink", "smartTag", "ins", "moveTo", "fldSimple", "customXml", "dir", "bdo":
                    collect(child)
                case "sdt":
                    if let content = child.first("sdtContent", in: WordBody.namespaces) { collect(content) }
                default:
                    // w:del, w:moveFrom (deleted text), w:pPr, w:proofErr, w:bookmark…, m:oMath.
                    continue
                }
            }
        }

        mutating func run(_ r: ParsedXML.Element) {
            for child in r.children where WordBody.w(child, child.localName) {
                switch child.localName {
                case "fldChar":
                    switch child.attribute("fldCharType", in: WordBody.namespaces) {
                    case "begin": fields.append(true)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                    case "end": if !fields.isEmpty { fields.removeLast() }
                    default: break
                    }
                case "t" where !inInstruction: out += child.text
                case "tab", "ptab": if !inInstruction { out += "\t" }
                case "br", "cr": if !inInstruction { out += "\n" }
                case "noBreakHyphen": if !inInstruction { out += "-" }
                default:
                    // w:instrText (field instructions), w:delText, w:softHyphen, w:drawing, w:footnoteReference…
                    continue
                }
            }
        }
    }
}
