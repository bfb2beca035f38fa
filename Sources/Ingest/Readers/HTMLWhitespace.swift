/// Source text as a browser lays it out. Runs of HTML whitespace (space, TAB, LF, FF, CR) become
/// one space, except that a run holding a line break next to a Chinese character vanishes: Word
/// and many editors wrap their HTML source inside Chinese text, and browsers drop those breaks
/// (the CSS segment-break rule); a space there would split `人民\n政府` into two words.
/// A no-break space (`&nbsp;`) is kept as a plain space; the ends are trimmed.
enum HTMLWhitespace {
    static func collapse(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingRun = false, runHasBreak = false
        for scalar in raw.unicodeScalars {
            if isCollapsible(scalar) {
                pendingRun = true
                if scalar == "\n" || scalar == "\r" { runHasBreak = true }
                continue
            }
            if pendingRun {
                let previous = out.last
                let vanishes = runHasBreak && (previous.map(isWide) == true || isWide(scalar))
                if let previous, previous != " ", !vanishes { out.append(" ") }
                pendingRun = false
                runHasBreak = false
            }
            out.append(scalar == "\u{00A0}" ? " " : scalar)
        }
        var text = String(out)
        while text.last == " " { text.removeLast() }
        while text.first == " " { text.removeFirst() }
        return text
    }

    private static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    /// East Asian wide and full-width characters: CJK ideographs and punctuation, kana, full-width forms.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
