import CCmarkGFM
import CmarkParsing
import Foundation
import ReportModel

/// A report written in Markdown, read through cmark-gfm's syntax tree with the GFM table
/// extension: headings and paragraphs become paragraphs (one per source line, as the text
/// layouts have them), pipe tables become tables, raw HTML blocks (a converter's `<table>` with
/// merged cells) go through the HTML reader.
enum MarkdownReader {
    static let fileExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]

    /// By extension, or by content: a GFM table delimiter row (`|---|:--:|`) under a row with a `|`.
    static func accepts(text: String, fileName: String) -> Bool {
        if fileExtensions.contains((fileName as NSString).pathExtension.lowercased()) { return true }
        var text = text
        return text.withUTF8 { bytes in
            var previousHasPipe = false
            var lineStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<index])
                let hasPipe = line.contains(UInt8(ascii: "|"))
                if previousHasPipe && hasPipe && isDelimiterRow(line) { return true }
                if !line.isEmpty || index == bytes.count { previousHasPipe = hasPipe }
                lineStart = index + 1
            }
            return false
        }
    }

    /// Only `|`, `-`, `:` and blanks, with a `|` and at least three `-`.
    static func isDelimiterRow(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var pipes = 0, dashes = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: return false
            }
        }
        return pipes >= 1 && dashes >= 3
    }

    static func read(_ text: String) -> Document {
        let pieces = Cmark.withDocument(text, options: CMARK_OPT_DEFAULT, extensions: ["table"]) { root, _ -> [MarkdownBlocks.Piece] in
            var walker = MarkdownBlocks()
            walker.walkChildren(of: root)
            walker.endHTML()
            return walker.pieces
        } ?? []
        // The HTML parser runs after cmark's lock is released.
        let blocks = pieces.flatMap { piece -> [Block] in
            switch piece {
            case .block(let block): return [block]
            case .html(let html): return HTMLReader.blocks(of: html)
            }
        }
        var document = Document(format: .markdown, blocks: blocks)
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.error, "no-tables", "文件中未找到任何表格"))
        }
        return document
    }
}

/// The walk over cmark's tree; runs under cmark's lock, so it only collects.
struct MarkdownBlocks {
    enum Piece {
        case block(Block)
        case html(String)
    }

    private(set) var pieces: [Piece] = []
    /// Consecutive raw HTML blocks, parsed together (a table split by blank lines stays one).
    private var html = ""

    mutating func walkChildren(of node: OpaquePointer) {
        var child = cmark_node_first_child(node)
        while let current = child {
            walk(current)
            child = cmark_node_next(current)
        }
    }

    private mutating func walk(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        if type == CMARK_NODE_HTML_BLOCK {
            html += Self.literal(node) + "\n"
            return
        }
        endHTML()
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
            for line in Self.inlineLines(node) where !line.isEmpty { pieces.append(.block(.paragraph(line))) }
        case CMARK_NODE_CODE_BLOCK:
            for line in Self.literal(node).split(separator: "\n") where !isBlank(line) {
                pieces.append(.block(.paragraph(String(line))))
            }
        case CMARK_NODE_THEMATIC_BREAK:
            break
        default:
            if String(cString: cmark_node_get_type_string(node)) == "table" {
                pieces.append(.block(.table(Table(rows: Self.rows(of: node)))))
            } else {
                walkChildren(of: node)  // document, lists, items, block quotes, footnotes
            }
        }
    }

    mutating func endHTML() {
        if !html.isEmpty { pieces.append(.html(html)) }
        html = ""
    }

    /// Header row and body rows alike, each cell's lines (`<br>` in a cell) joined with "\n".
    private static func rows(of table: OpaquePointer) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row = cmark_node_first_child(table)
        while let currentRow = row {
            var cells: [Cell] = []
            var cell = cmark_node_first_child(currentRow)
            while let currentCell = cell {
                cells.append(Cell(inlineLines(currentCell).filter { !$0.isEmpty }.joined(separator: "\n")))
                cell = cmark_node_next(currentCell)
            }
            rows.append(cells)
            row = cmark_node_next(currentRow)
        }
        return rows
    }

    /// The text of an inline container split at line breaks (soft, hard, and `<br>`), each trimmed.
    private static func inlineLines(_ node: OpaquePointer) -> [String] {
        var lines: [String] = [""]
        func walk(_ node: OpaquePointer) {
            var child = cmark_node_first_child(node)
            while let current = child {
                let type = cmark_node_get_type(current)
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    lines[lines.count - 1] += literal(current)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    lines.append("")
                case CMARK_NODE_HTML_INLINE:
                    if isLineBreakTag(literal(current)) { lines.append("") }
                case CMARK_NODE_IMAGE:
                    break
                default:
                    walk(current)  // emphasis, strong, links, strikethrough
                }
                child = cmark_node_next(current)
            }
        }
        walk(node)
        // Trimmed by hand: Foundation's trimming is slow, and this runs under cmark's lock.
        return lines.map { line in
            // Plain text (see PlainText) holds no U+00A0, and each scalar is a Character: trimmed on bytes.
            if let plain = PlainText.trimmed(line, newlines: false) { return plain }
            let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
            guard let first = line.firstIndex(where: { !isBlank($0) }), let last = line.lastIndex(where: { !isBlank($0) }) else { return "" }
            return String(line[first...last])
        }
    }

    private static func isLineBreakTag(_ tag: String) -> Bool {
        let compact = tag.lowercased().filter { !$0.isWhitespace && $0 != "/" }
        return compact == "<br>"
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
