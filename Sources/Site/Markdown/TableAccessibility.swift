/// cmark-gfm renders tables without a caption, without header scopes and with the obsolete
/// `align` attribute. This pass fixes all three on the rendered HTML of one table, which is safe
/// because cmark escapes every `<` in content: the only tags present are cmark's own.
///
/// One pass over the bytes: Foundation's `replacingOccurrences` and `range(of:)` go through
/// NSString and UTF-16 on Linux, and cost more than cmark itself on a table-heavy page.
enum TableAccessibility {
    /// - caption: plain text, escaped here.
    /// - rowHeaders: the first cell of every body row becomes `<th scope="row">`.
    /// - sortable: the table gets `class="sortable"`.
    static func finish(_ html: String, caption: String?, rowHeaders: Bool, sortable: Bool = false) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4 + 64)
        var captionPending = caption != nil
        var inBody = false
        // Right after a body row's `<tr>` (and the newlines after it): its first `<td…>` is promoted.
        var rowStart = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b != UInt8(ascii: "<") {
                if rowStart && b != UInt8(ascii: "\n") { rowStart = false }
                out.append(b)
                i += 1
                continue
            }
            if let (pattern, replacement) = Self.tagRewrites.first(where: { Self.matches(bytes, at: i, $0.0) }) {
                if rowStart && inBody && rowHeaders && pattern.starts(with: Self.tdOpen),
                   let end = Self.find(Self.tdClose, in: bytes, from: i + pattern.count) {
                    out += Self.rowHeaderOpen
                    out += bytes[(i + pattern.count)..<end]
                    out += Self.rowHeaderClose
                    i = end + Self.tdClose.count
                } else {
                    out += replacement
                    i += pattern.count
                }
                rowStart = false
                continue
            }
            if captionPending, Self.matches(bytes, at: i, Self.tableOpen) {
                out += sortable ? Self.sortableTableOpen : Self.tableOpen
                out += Array("\n<caption>\(HTML.escape(caption!))</caption>".utf8)
                captionPending = false
                i += Self.tableOpen.count
                continue
            }
            if sortable, Self.matches(bytes, at: i, Self.tableOpen) {
                out += Self.sortableTableOpen
                i += Self.tableOpen.count
                continue
            }
            if !inBody, Self.matches(bytes, at: i, Self.tbodyOpen) {
                inBody = true
                out += Self.tbodyOpen
                i += Self.tbodyOpen.count
                continue
            }
            if inBody, Self.matches(bytes, at: i, Self.trOpen) {
                out += Self.trOpen
                i += Self.trOpen.count
                rowStart = true
                continue
            }
            // A `<td` with other attributes than cmark's (none today): promoted the same way.
            if rowStart && inBody && rowHeaders && Self.matches(bytes, at: i, Self.tdPrefix),
               let close = Self.find([UInt8(ascii: ">")], in: bytes, from: i),
               let end = Self.find(Self.tdClose, in: bytes, from: i) {
                out += Self.rowHeaderOpen
                if close + 1 < end { out += bytes[(close + 1)..<end] }
                out += Self.rowHeaderClose
                i = end + Self.tdClose.count
                rowStart = false
                continue
            }
            rowStart = false
            out.append(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let tagRewrites: [([UInt8], [UInt8])] = [
        ("<th align=\"right\">", "<th scope=\"col\" class=\"num\">"),
        ("<th align=\"center\">", "<th scope=\"col\" class=\"center\">"),
        ("<th align=\"left\">", "<th scope=\"col\">"),
        ("<th>", "<th scope=\"col\">"),
        ("<td align=\"right\">", "<td class=\"num\">"),
        ("<td align=\"center\">", "<td class=\"center\">"),
        ("<td align=\"left\">", "<td>"),
        ("<td>", "<td>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    private static let tdOpen = Array("<td".utf8)
    private static let tdPrefix = Array("<td".utf8)
    private static let tdClose = Array("</td>".utf8)
    private static let trOpen = Array("<tr>".utf8)
    private static let tbodyOpen = Array("<tbody>".utf8)
    private static let tableOpen = Array("<table>".utf8)
    private static let sortableTableOpen = Array("<table class=\"sortable\">".utf8)
    private static let rowHeaderOpen = Array("<th scope=\"row\">".utf8)
    private static let rowHeaderClose = Array("</th>".utf8)

    private static func matches(_ bytes: [UInt8], at i: Int, _ pattern: [UInt8]) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in 0..<pattern.count where bytes[i + k] != pattern[k] { return false }
        return true
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && matches(bytes, at: i, pattern) { return i }
            i += 1
        }
        return nil
    }
}
