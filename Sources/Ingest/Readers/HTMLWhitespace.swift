import ReportModel

/// Source text as a browser lays it out. Runs of HTML whitespace (space, TAB, LF, FF, CR) become
/// one space, except that a run holding a line break next to a Chinese character vanishes: Word
/// and many editors wrap their HTML source inside Chinese text, and browsers drop those breaks
/// (the CSS segment-break rule); a space there would split `人民\n政府` into two words.
/// A no-break space (`&nbsp;`) is kept as a plain space; the ends are trimmed.
enum HTMLWhitespace {
    /// Scalar by scalar on the UTF-8 (every line and cell of a page goes through here).
    static func collapse(_ raw: String) -> String {
        var raw = raw
        let bytes: [UInt8] = raw.withUTF8 { input in
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var pendingRun = false, runHasBreak = false
            var previous: UInt32?
            var i = 0
            while i < input.count {
                let start = i
                let b = input[i]
                var scalar: UInt32
                if b < 0x80 {
                    scalar = UInt32(b); i += 1
                } else if b < 0xE0 {
                    scalar = UInt32(b & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F); i += 2
                } else if b < 0xF0 {
                    scalar = UInt32(b & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F); i += 3
                } else {
                    scalar = UInt32(b & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
                        | UInt32(input[i + 3] & 0x3F)
                    i += 4
                }
                if isCollapsible(scalar) {
                    pendingRun = true
                    if scalar == 0x0A || scalar == 0x0D { runHasBreak = true }
                    continue
                }
                if pendingRun {
                    let vanishes = runHasBreak && (previous.map(isWide) == true || isWide(scalar))
                    if let previous, previous != 0x20, !vanishes { out.append(0x20) }
                    pendingRun = false
                    runHasBreak = false
                }
                if scalar == 0xA0 {
                    out.append(0x20)
                    previous = 0x20
                } else {
                    out.append(contentsOf: input[start..<i])
                    previous = scalar
                }
            }
            return out
        }
        // Plain text (see PlainText): each scalar is a Character, so the ends are trimmed on bytes.
        let trimmed: String? = bytes.withUnsafeBufferPointer { b in
            guard PlainText.isPlain(b) else { return nil }
            var start = 0, end = b.count
            while start < end, b[start] == 0x20 { start += 1 }
            while end > start, b[end - 1] == 0x20 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
        if let trimmed { return trimmed }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.last == " " { text.removeLast() }
        while text.first == " " { text.removeFirst() }
        return text
    }

    private static func isCollapsible(_ scalar: UInt32) -> Bool {
        scalar == 0x20 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0D || scalar == 0x0C
    }

    /// East Asian wide and full-width characters: CJK ideographs and punctuation, kana, full-width forms.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool { isWide(scalar.value) }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
