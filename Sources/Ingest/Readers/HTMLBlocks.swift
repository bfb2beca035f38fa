/// Walks a parsed page in reading order and makes its blocks: each data table a table; text
/// outside them paragraphs, one per block element or `<br>`-separated line. A layout table (one
/// that holds other tables, or has no row of two cells) is read like nested `div`s.
struct HTMLBlocks {
    private(set) var blocks: [Block] = []
    private var line = ""

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    mutating func walk(_ node: HTMLNode, insideArticle: Bool = false, preformatted: Bool = false) {
        if node.isText {
            if preformatted {
                for (index, part) in node.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { endLine() }
                    line += part
                }
            } else {
                line += node.text
            }
            return
        }
        guard node.isElement else { return }  // comments, processing instructions, Word's <![if …]>
        let name = node.name
        if HTMLChrome.isIgnored(node, name: name, insideArticle: insideArticle) { return }
        if name == "br" { endLine(); return }
        if name == "table", Self.isDataTable(node) {
            endLine()
            for child in node.children where child.isElement && child.name == "caption" { walk(child, insideArticle: insideArticle) }
            let rows = HTMLTableGrid.rows(of: node, text: HTMLCellText.text)
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows))) }
            return
        }
        let isBlock = Self.blockTags.contains(name)
        if isBlock { endLine() }
        let inArticle = insideArticle || HTMLChrome.articleTags.contains(name)
        for child in node.children {
            walk(child, insideArticle: inArticle, preformatted: preformatted || name == "pre")
        }
        if isBlock { endLine() }
    }

    /// Ends the current line: its text, laid out, is a paragraph unless blank.
    mutating func endLine() {
        let text = HTMLWhitespace.collapse(line)
        line = ""
        if !text.isEmpty { blocks.append(.paragraph(text)) }
    }

    /// A grid of data: no table inside it, and at least one row of two or more cells.
    static func isDataTable(_ table: HTMLNode) -> Bool {
        !table.hasDescendant(named: ["table"])
            && HTMLTableGrid.rowElements(of: table).contains { HTMLTableGrid.cellElements(of: $0).count >= 2 }
    }
}

/// A table cell's text: its lines (`<br>`, `<p>` and other blocks) laid out one by one, blank
/// lines dropped, joined with "\n" as a wrapped cell is in the text layouts.
enum HTMLCellText {
    static func text(_ cell: HTMLNode) -> String {
        var lines: [String] = []
        var line = ""
        func endLine() {
            let text = HTMLWhitespace.collapse(line)
            if !text.isEmpty { lines.append(text) }
            line = ""
        }
        func walk(_ node: HTMLNode) {
            if node.isText { line += node.text; return }
            guard node.isElement else { return }
            let name = node.name
            if HTMLChrome.ignoredTags.contains(name) || HTMLChrome.isHidden(node) { return }
            if name == "br" { endLine(); return }
            let isBlock = HTMLBlocks.blockTags.contains(name)
            if isBlock { endLine() }
            for child in node.children { walk(child) }
            if isBlock { endLine() }
        }
        for child in cell.children { walk(child) }
        endLine()
        return lines.joined(separator: "\n")
    }
}
