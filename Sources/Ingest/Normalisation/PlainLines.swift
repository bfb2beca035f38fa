import ReportModel

/// Line-level fast paths for the text readers, on UTF-8 bytes.
enum PlainLines {
    /// The lines of `text`, split at LF, CRLF and CR exactly as a split on those Characters does
    /// (a control character is always a Character of its own, so no text is ever different).
    static func split(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        let offsets = PlainText.withUTF8(text) { bytes -> [(Int, Int)] in
            var ranges: [(Int, Int)] = []
            var start = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    ranges.append((start, i))
                    i += b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            ranges.append((start, bytes.count))
            return ranges
        }
        lines.reserveCapacity(offsets.count)
        for (start, end) in offsets {
            let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
            lines.append(Substring(utf8[from..<to]))
        }
        return lines
    }

    enum PipeLine {
        case skip
        case row([Cell])
        case paragraph
    }

    /// What `PipeRowReader` makes of a line, for plain text (see `PlainText`); nil otherwise.
    /// `.whitespaces` trims TAB, space and U+3000 there; a row has at least two `|`.
    static func pipeLine(_ line: Substring) -> PipeLine? {
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> PipeLine? in
            guard PlainText.isPlain(bytes) else { return nil }
            let trimmed = PlainText.trimmedRange(bytes, newlines: false)
            if trimmed.isEmpty || onlyQuestionMarks(bytes, trimmed) { return .skip }
            var bars: [Int] = []
            for i in trimmed where bytes[i] == UInt8(ascii: "|") { bars.append(i) }
            guard bars.count >= 2 else { return .paragraph }
            var parts: [Range<Int>] = []
            var start = trimmed.lowerBound
            for bar in bars {
                parts.append(start..<bar)
                start = bar + 1
            }
            parts.append(start..<trimmed.upperBound)
            if bars.first == trimmed.lowerBound { parts.removeFirst() }
            if bars.last == trimmed.upperBound - 1 { parts.removeLast() }
            return .row(parts.map { part in
                let slice = UnsafeBufferPointer(rebasing: bytes[part])
                return Cell(String(decoding: UnsafeBufferPointer(rebasing: slice[PlainText.trimmedRange(slice, newlines: false)]), as: UTF8.self))
            })
        }
        if let r = line.utf8.withContiguousStorageIfAvailable(read) { return r }
        return PlainText.withUTF8(String(line), read)
    }

    /// Only `?` and `？` (EF BC 9F) in `range`.
    private static func onlyQuestionMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "?") {
                i += 1
            } else if i + 2 < range.upperBound, bytes[i] == 0xEF, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x9F {
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// `isBlank` for plain text: only TAB, LF, space and U+3000; nil when not plain.
    static func isBlank(_ line: Substring) -> Bool? {
        let check = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool? in
            guard PlainText.isPlain(bytes) else { return nil }
            return PlainText.trimmedRange(bytes).isEmpty
        }
        if let r = line.utf8.withContiguousStorageIfAvailable(check) { return r }
        return PlainText.withUTF8(String(line), check)
    }
}
