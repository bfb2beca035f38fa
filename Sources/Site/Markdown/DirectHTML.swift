/// The Markdown the site composes itself, rendered straight to the bytes cmark-gfm (plus
/// `TableAccessibility` for tables) makes of it, without the global cmark lock.
///
/// Only a small subset is understood: one-line ATX headings and paragraphs, the pipe tables of
/// `Markdown.table`, and inline text as `Markdown.text` escapes it, with `[label](path)` links to
/// plain relative paths, `**strong**` and `` `code` ``. Anything else — and any case where cmark's
/// rules would need more than this file knows (a delimiter next to an unusual character, an
/// entity, raw `<`, an odd link destination) — returns nil, and the caller renders through cmark.
/// Tests compare both paths on generated and hostile input.
enum DirectHTML {
    /// A heading (`## …\n`) or a one-line paragraph (`…\n`); nil when outside the subset.
    static func block(_ markdown: String) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { s -> String? in
            let n = s.count
            guard n >= 2, s[n - 1] == .lf else { return nil }
            let end = n - 1
            for k in 0..<end where s[k] == .lf || s[k] == .cr { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(n + 16)
            if s[0] == .hash {
                var level = 0
                while level < end && s[level] == .hash { level += 1 }
                guard level <= 6, level < end, s[level] == .space else { return nil }
                var lo = level + 1, hi = end
                while lo < hi && isSpaceOrTab(s[lo]) { lo += 1 }
                while hi > lo && isASCIISpace(s[hi - 1]) { hi -= 1 }
                // A closing `#` sequence, or an empty heading: leave it to cmark.
                guard hi > lo, s[hi - 1] != .hash else { return nil }
                let tag = UInt8(ascii: "0") + UInt8(level)
                out += [.lt, UInt8(ascii: "h"), tag, .gt]
                guard inline(s, lo, hi, &out) else { return nil }
                out += [.lt, .slash, UInt8(ascii: "h"), tag, .gt, .lf]
                return String(decoding: out, as: UTF8.self)
            }
            // A paragraph must not start like any other block, nor end in white space.
            guard startsParagraph(s, end), !isASCIISpace(s[end - 1]) else { return nil }
            out += Bytes.pOpen
            guard inline(s, 0, end, &out) else { return nil }
            out += Bytes.pClose
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A table as `Markdown.table` writes it, finished as `TableAccessibility.finish` would
    /// finish cmark's rendering of it; nil when outside the subset.
    static func table(_ markdown: String, caption: String?, rowHeaders: Bool, sortable: Bool) -> String? {
        var markdown = markdown
        return markdown.withUTF8 { s -> String? in
            // Lines: header, delimiter row, body rows; the text ends with a newline.
            var lines: [Range<Int>] = []
            var start = 0
            for k in 0..<s.count {
                if s[k] == .cr || s[k] == 0 { return nil }
                if s[k] == .lf {
                    lines.append(start..<k)
                    start = k + 1
                }
            }
            guard start == s.count, lines.count >= 2 else { return nil }
            guard let header = cells(s, lines[0]), let delimiters = cells(s, lines[1]),
                  header.count == delimiters.count, !header.isEmpty
            else { return nil }
            var numeric: [Bool] = []
            for cell in delimiters {
                let (lo, hi) = trimmed(s, cell)
                guard hi - lo >= 3 else { return nil }
                var dashes = lo, right = false
                while dashes < hi && s[dashes] == .dash { dashes += 1 }
                if dashes == hi - 1 && s[dashes] == .colon { right = true } else if dashes != hi { return nil }
                numeric.append(right)
            }
            var out: [UInt8] = []
            out.reserveCapacity(s.count * 2 + 256)
            out += sortable ? Bytes.sortableTableOpen : Bytes.tableOpen
            if let caption {
                out += Bytes.captionOpen
                out += HTML.escape(caption).utf8
                out += Bytes.captionClose
            }
            out += Bytes.theadOpen
            var cell: [UInt8] = []
            for (c, range) in header.enumerated() {
                out += numeric[c] ? Bytes.thNum : Bytes.thCol
                guard content(s, range, &cell, &out) else { return nil }
                out += Bytes.thClose
            }
            out += Bytes.theadClose
            if lines.count > 2 {
                out += Bytes.tbodyOpen
                for line in lines[2...] {
                    guard let row = cells(s, line), row.count == header.count else { return nil }
                    out += Bytes.trOpen
                    for (c, range) in row.enumerated() {
                        let isHeader = c == 0 && rowHeaders
                        out += isHeader ? Bytes.thRow : numeric[c] ? Bytes.tdNum : Bytes.tdOpen
                        guard content(s, range, &cell, &out) else { return nil }
                        out += isHeader ? Bytes.thClose : Bytes.tdClose
                    }
                    out += Bytes.trClose
                }
                out += Bytes.tbodyClose
            }
            out += Bytes.tableClose
            return String(decoding: out, as: UTF8.self)
        }
    }

    // MARK: Tables

    /// The cells of one row `| a | b |`, split where cmark-gfm splits them: at every `|` not
    /// right after a backslash.
    private static func cells(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>]? {
        guard line.count >= 2, s[line.lowerBound] == .pipe, s[line.upperBound - 1] == .pipe,
              s[line.upperBound - 2] != .backslash
        else { return nil }
        var result: [Range<Int>] = []
        var start = line.lowerBound + 1
        for k in start..<line.upperBound where s[k] == .pipe && s[k - 1] != .backslash {
            result.append(start..<k)
            start = k + 1
        }
        return result
    }

    /// One cell's inline content as cmark-gfm sees it (`\|` unescaped, then trimmed), rendered.
    private static func content(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ cell: inout [UInt8], _ out: inout [UInt8]) -> Bool {
        cell.removeAll(keepingCapacity: true)
        var r = range.lowerBound
        while r < range.upperBound {
            if s[r] == .backslash && r + 1 < range.upperBound && s[r + 1] == .pipe { r += 1 }
            cell.append(s[r])
            r += 1
        }
        return cell.withUnsafeBufferPointer { c in
            let (lo, hi) = trimmed(c, 0..<c.count)
            return inline(c, lo, hi, &out, pipes: true)
        }
    }

    private static func trimmed(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Int, Int) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isASCIISpace(s[lo]) { lo += 1 }
        while hi > lo && isASCIISpace(s[hi - 1]) { hi -= 1 }
        return (lo, hi)
    }

    // MARK: Inline content

    /// Appends the HTML of `s[lo..<hi]` as cmark renders it; false when outside the subset
    /// (`out` then holds partial output and must be discarded).
    /// - pipes: a `|` is plain text (in a table cell, after cmark-gfm split the row).
    private static func inline(_ s: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, _ out: inout [UInt8],
                               links: Bool = true, strong: Bool = true, pipes: Bool = false) -> Bool {
        var i = lo
        while i < hi {
            let b = s[i]
            switch b {
            case .backslash:
                if i + 1 < hi, isASCIIPunctuation(s[i + 1]) {
                    escape(s[i + 1], &out)
                    i += 2
                } else {
                    out.append(b)
                    i += 1
                }
            case .pipe where pipes:
                out.append(b)
                i += 1
            case .lbracket:
                guard links, let next = link(s, i, hi, &out, pipes: pipes) else { return false }
                i = next
            case .star:
                guard strong, let next = strongSpan(s, i, lo, hi, &out, pipes: pipes) else { return false }
                i = next
            case .backtick:
                guard let next = code(s, i, hi, &out) else { return false }
                i = next
            case .bang:
                if i + 1 < hi && s[i + 1] == .lbracket { return false }
                out.append(b)
                i += 1
            // Entities, raw HTML and autolinks, emphasis by `_`, strikethrough, stray brackets,
            // line breaks, pipes and NUL: cmark's business.
            case .amp, .lt, .underscore, .tilde, .rbracket, .lf, .cr, .pipe, 0:
                return false
            default:
                escape(b, &out)
                i += 1
            }
        }
        return true
    }

    /// `[label](path)` with a path of letters, digits and `-._/%` only.
    private static func link(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ hi: Int, _ out: inout [UInt8], pipes: Bool) -> Int? {
        var j = at + 1
        while j < hi {
            if s[j] == .backslash { j += 2; continue }
            if s[j] == .rbracket || s[j] == .lbracket { break }
            j += 1
        }
        guard j + 1 < hi, s[j] == .rbracket, s[j + 1] == .lparen else { return nil }
        var k = j + 2
        while k < hi && s[k] != .rparen {
            guard isPlainPathByte(s[k]) else { return nil }
            k += 1
        }
        guard k < hi, k > j + 2 else { return nil }
        out += Bytes.aOpen
        for p in (j + 2)..<k { out.append(s[p]) }
        out += Bytes.aMid
        guard inline(s, at + 1, j, &out, links: false, strong: false, pipes: pipes) else { return nil }
        out += Bytes.aClose
        return k + 1
    }

    /// `**text**` whose delimiters are plainly opening and closing, with plain text inside.
    private static func strongSpan(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ lo: Int, _ hi: Int, _ out: inout [UInt8], pipes: Bool) -> Int? {
        guard at + 2 < hi, s[at + 1] == .star, s[at + 2] != .star else { return nil }
        var j = at + 2
        while j < hi && s[j] != .star {
            if s[j] == .backslash { j += 1 }
            j += 1
        }
        guard j + 1 < hi, s[j + 1] == .star, j + 2 == hi || s[j + 2] != .star, j > at + 2 else { return nil }
        // Flanking (CommonMark): the opener is left-flanking, the closer right-flanking.
        guard let before = neighbour(s, before: at, lo), let first = neighbour(s, after: at + 2, hi),
              let last = neighbour(s, before: j, lo), let after = neighbour(s, after: j + 2, hi)
        else { return nil }
        let opens = first != .space && (first != .punctuation || before != .other)
        let closes = last != .space && (last != .punctuation || after != .other)
        guard opens, closes else { return nil }
        out += Bytes.strongOpen
        guard inline(s, at + 2, j, &out, links: false, strong: false, pipes: pipes) else { return nil }
        out += Bytes.strongClose
        return j + 2
    }

    /// `` `code` `` with one backtick each side, no backtick inside, and no space at either end.
    private static func code(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ hi: Int, _ out: inout [UInt8]) -> Int? {
        guard at + 1 < hi, s[at + 1] != .backtick, !isASCIISpace(s[at + 1]) else { return nil }
        var j = at + 1
        while j < hi && s[j] != .backtick {
            if s[j] == .lf || s[j] == .cr || s[j] == 0 { return nil }
            j += 1
        }
        guard j < hi, !isASCIISpace(s[j - 1]), j + 1 == hi || s[j + 1] != .backtick else { return nil }
        out += Bytes.codeOpen
        for p in (at + 1)..<j { escape(s[p], &out) }
        out += Bytes.codeClose
        return j + 1
    }

    private enum CharClass { case space, punctuation, other }

    /// The class of the character before byte `at` (start of the content counts as a space); nil
    /// for a character this file does not classify with certainty.
    private static func neighbour(_ s: UnsafeBufferPointer<UInt8>, before at: Int, _ lo: Int) -> CharClass? {
        if at == lo { return .space }
        var start = at - 1
        while start > lo && s[start] & 0xC0 == 0x80 { start -= 1 }
        return classify(s, start, at)
    }

    private static func neighbour(_ s: UnsafeBufferPointer<UInt8>, after at: Int, _ hi: Int) -> CharClass? {
        if at == hi { return .space }
        var end = at + 1
        while end < hi && s[end] & 0xC0 == 0x80 { end += 1 }
        return classify(s, at, end)
    }

    private static func classify(_ s: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> CharClass? {
        let b = s[from]
        if b < 0x80 {
            guard to == from + 1 else { return nil }
            if isASCIISpace(b) { return .space }
            return isASCIIPunctuation(b) ? .punctuation : .other
        }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: s[from..<to]), as: UTF8.self).unicodeScalars
        guard scalar.count == 1, let u = scalar.first?.value else { return nil }
        if (0x4E00...0x9FFF).contains(u) { return .other }
        if cjkPunctuation.contains(u) { return .punctuation }
        return nil
    }

    /// Full-width punctuation the site's own sentences put next to `**`: all in Unicode's P
    /// categories, so cmark counts them as punctuation.
    private static let cjkPunctuation: Set<UInt32> = Set("，。：；、（）！？“”‘’《》【】".unicodeScalars.map(\.value))

    private static func startsParagraph(_ s: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        let b = s[0]
        if b >= 0x80 { return true }
        if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) { return true }
        if b == .backslash { return end > 1 && isASCIIPunctuation(s[1]) }
        if b == .star { return end > 2 && s[1] == .star && s[2] != .star && !isASCIISpace(s[2]) }
        if b == .lbracket { return true }
        return false
    }

    private static func escape(_ b: UInt8, _ out: inout [UInt8]) {
        switch b {
        case .quote: out += Bytes.quot
        case .amp: out += Bytes.ampEntity
        case .lt: out += Bytes.ltEntity
        case .gt: out += Bytes.gtEntity
        default: out.append(b)
        }
    }

    private static func isPlainPathByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == .dash || b == .dot || b == .underscore
            || b == .slash || b == .percent
    }

    private static func isSpaceOrTab(_ b: UInt8) -> Bool { b == .space || b == 0x09 }
    /// cmark's `cmark_isspace`.
    private static func isASCIISpace(_ b: UInt8) -> Bool { b == .space || (b >= 0x09 && b <= 0x0D) }

    private static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (0x21...0x2F).contains(c) || (0x3A...0x40).contains(c) || (0x5B...0x60).contains(c) || (0x7B...0x7E).contains(c)
    }

    private enum Bytes {
        static let pOpen = Array("<p>".utf8), pClose = Array("</p>\n".utf8)
        static let tableOpen = Array("<table>".utf8), sortableTableOpen = Array("<table class=\"sortable\">".utf8)
        static let captionOpen = Array("\n<caption>".utf8), captionClose = Array("</caption>".utf8)
        static let theadOpen = Array("\n<thead>\n<tr>\n".utf8), theadClose = Array("</tr>\n</thead>\n".utf8)
        static let tbodyOpen = Array("<tbody>\n".utf8), tbodyClose = Array("</tbody>\n".utf8)
        static let trOpen = Array("<tr>\n".utf8), trClose = Array("</tr>\n".utf8)
        static let tableClose = Array("</table>\n".utf8)
        static let thCol = Array("<th scope=\"col\">".utf8), thNum = Array("<th scope=\"col\" class=\"num\">".utf8)
        static let thRow = Array("<th scope=\"row\">".utf8), thClose = Array("</th>\n".utf8)
        static let tdOpen = Array("<td>".utf8), tdNum = Array("<td class=\"num\">".utf8), tdClose = Array("</td>\n".utf8)
        static let aOpen = Array("<a href=\"".utf8), aMid = Array("\">".utf8), aClose = Array("</a>".utf8)
        static let strongOpen = Array("<strong>".utf8), strongClose = Array("</strong>".utf8)
        static let codeOpen = Array("<code>".utf8), codeClose = Array("</code>".utf8)
        static let quot = Array("&quot;".utf8), ampEntity = Array("&amp;".utf8)
        static let ltEntity = Array("&lt;".utf8), gtEntity = Array("&gt;".utf8)
    }
}

private extension UInt8 {
    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#"), lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let pipe = UInt8(ascii: "|"), backslash = UInt8(ascii: "\\"), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
    static let lbracket = UInt8(ascii: "["), rbracket = UInt8(ascii: "]"), lparen = UInt8(ascii: "("), rparen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*"), backtick = UInt8(ascii: "`"), bang = UInt8(ascii: "!"), amp = UInt8(ascii: "&")
    static let underscore = UInt8(ascii: "_"), tilde = UInt8(ascii: "~"), quote = UInt8(ascii: "\""), dot = UInt8(ascii: ".")
    static let percent = UInt8(ascii: "%")
}
