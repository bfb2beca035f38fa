/// Composing Markdown from report data. Every string taken from a report goes through `text` (or
/// `cell` inside a table) so that it can only ever be text: each ASCII punctuation mark is
/// backslash-escaped, which CommonMark allows for all of them, so no `<`, `[`, `*`, `|` or `&` in a
/// report can become markup, a link or an entity.
public enum Markdown {
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{2028}", "\u{2029}": out.append(" ")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            case _ where scalar.isASCII && isPunctuation(UInt8(scalar.value)):
                out.append("\\")
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A link to one of the site's own pages. `path` is built by the site from identifiers (never
    /// from report text) and is relative.
    public static func link(_ label: String, to path: String) -> String {
        "[\(text(label))](\(path.utf8.contains(UInt8(ascii: " ")) ? path.replacingOccurrences(of: " ", with: "%20") : path))"
    }

    /// A GFM pipe table. Cells are Markdown already (use `text`/`link` to make them).
    /// `numeric` marks right-aligned columns; the renderer turns alignment into a class.
    public static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
        }
        var lines = [line(header)]
        lines.append("|" + header.indices.map { numeric.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in rows {
            var cells = row
            if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
            lines.append(line(Array(cells.prefix(header.count))))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isPunctuation(_ c: UInt8) -> Bool {
        (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }
}
