/// cmark-gfm renders tables without a caption, without header scopes and with the obsolete
/// `align` attribute. This pass fixes all three on the rendered HTML of one table, which is safe
/// because cmark escapes every `<` in content: the only tags present are cmark's own.
enum TableAccessibility {
    /// - caption: plain text, escaped here.
    /// - rowHeaders: the first cell of every body row becomes `<th scope="row">`.
    static func finish(_ html: String, caption: String?, rowHeaders: Bool) -> String {
        var out = html
        out = out.replacingOccurrences(of: "<th align=\"right\">", with: "<th scope=\"col\" class=\"num\">")
        out = out.replacingOccurrences(of: "<th align=\"center\">", with: "<th scope=\"col\" class=\"center\">")
        out = out.replacingOccurrences(of: "<th align=\"left\">", with: "<th scope=\"col\">")
        out = out.replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
        out = out.replacingOccurrences(of: "<td align=\"right\">", with: "<td class=\"num\">")
        out = out.replacingOccurrences(of: "<td align=\"center\">", with: "<td class=\"center\">")
        out = out.replacingOccurrences(of: "<td align=\"left\">", with: "<td>")
        if rowHeaders { out = promoteFirstCells(out) }
        if let caption, let open = out.range(of: "<table>") {
            out.replaceSubrange(open, with: "<table>\n<caption>\(HTML.escape(caption))</caption>")
        }
        return out
    }

    /// In each body row, `<td…>x</td>` at the start becomes `<th scope="row">x</th>`.
    private static func promoteFirstCells(_ html: String) -> String {
        guard let body = html.range(of: "<tbody>") else { return html }
        var out = String(html[..<body.upperBound])
        var rest = html[body.upperBound...]
        while let tr = rest.range(of: "<tr>") {
            out += rest[..<tr.upperBound]
            rest = rest[tr.upperBound...]
            let trimmed = rest.drop(while: { $0 == "\n" })
            out += rest[rest.startIndex..<trimmed.startIndex]
            rest = trimmed
            guard rest.hasPrefix("<td"), let close = rest.range(of: ">"), let end = rest.range(of: "</td>") else { continue }
            let content = rest[close.upperBound..<end.lowerBound]
            out += "<th scope=\"row\">\(content)</th>"
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }
}
