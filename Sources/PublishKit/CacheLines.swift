import ReportModel

/// The lines of a build-cache file and their fields, split on bytes: the files are ASCII-separated
/// (newline, tab, space), and splitting a national manifest (hundreds of thousands of lines) by
/// Character cost a grapheme-boundary check per byte.
enum CacheLines {
    typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    /// Calls `body` with each non-empty line's fields (the line's bytes split on `separator` at
    /// most `maxSplits` times), in order, until it returns false; false if it did. Nothing is
    /// copied: a national manifest's lines were hundreds of thousands of arrays of substrings.
    static func forEachLine(of text: String, separator: UInt8, maxSplits: Int = .max, _ body: (_ fields: [Field]) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var fields: [Field] = []
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                if lineEnd > lineStart {
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for i in lineStart..<lineEnd where bytes[i] == separator && fields.count < maxSplits {
                        fields.append(bytes[fieldStart..<i])
                        fieldStart = i + 1
                    }
                    fields.append(bytes[fieldStart..<lineEnd])
                    if !body(fields) { return false }
                }
                lineStart = lineEnd + 1
            }
            return true
        }
    }

    /// A field of decimal digits as a number; nil for anything else.
    static func integer(_ field: Field) -> Int? {
        guard !field.isEmpty, field.count <= 18 else { return nil }
        var n = 0
        for byte in field {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return n
    }

    static func string(_ field: Field) -> String { String(decoding: field, as: UTF8.self) }
}

/// Writes a build-cache file's text as bytes: a national manifest is hundreds of thousands of
/// lines, and composing each by string interpolation cost more than sorting them.
struct CacheText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// 32 lowercase hex digits, as `ContentHash.description` writes them.
    mutating func append(_ hash: ContentHash) {
        appendHex(hash.high)
        appendHex(hash.low)
    }

    private mutating func appendHex(_ word: UInt64) {
        let digits: StaticString = "0123456789abcdef"
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(digits.utf8Start[Int(word >> UInt64(shift) & 0xF)])
        }
    }

    /// In decimal; only sizes and counts are written, never negative.
    mutating func append(_ number: Int) {
        precondition(number >= 0)
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension CacheLines {
    /// Where a line's sort key is: after the first `count` separators to the end of the line (the
    /// manifest's path, which may hold spaces), or the field after the first one (the memo's key).
    enum KeyField {
        case rest(after: Int)
        case second
    }

    /// `text` (lines sorted by their key, as `String`'s `<` sorts them, one line per key) with the
    /// lines of `drop`'s keys left out and `add`'s lines (sorted by key) put in their places: the
    /// text of writing all the lines again, in time linear in the bytes, with no sort and no line
    /// formatted again. A national site's manifest and memo change by a few lines a rebuild.
    /// Nil when a key to drop or add is not ASCII: then the caller writes the text whole (a line
    /// is matched by its bytes, which for other text need not be the only spelling of its key).
    static func patched(_ text: String, separator: UInt8, key field: KeyField, drop: Set<String>,
                        add: [(key: String, line: String)]) -> String? {
        guard drop.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }), add.allSatisfy({ $0.key.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        let dropped = Set(drop.map { fnv($0.utf8) })
        var out = CacheText(capacity: text.utf8.count + add.reduce(0) { $0 + $1.line.utf8.count + 1 })
        var next = 0
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                if end > start {
                    let key = keyRange(bytes, start..<end, separator: separator, field: field)
                    let keyBytes = UnsafeBufferPointer(rebasing: bytes[key])
                    while next < add.count, precedes(add[next].key, keyBytes) {
                        out.append(add[next].line)
                        out.append(byte: UInt8(ascii: "\n"))
                        next += 1
                    }
                    let isDropped = dropped.contains(fnv(keyBytes)) && drop.contains(String(decoding: keyBytes, as: UTF8.self))
                    if !isDropped {
                        out.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        out.append(byte: UInt8(ascii: "\n"))
                    }
                }
                start = end + 1
            }
        }
        for (_, line) in add[next...] {
            out.append(line)
            out.append(byte: UInt8(ascii: "\n"))
        }
        return out.text
    }

    private static func keyRange(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, separator: UInt8, field: KeyField) -> Range<Int> {
        var seen = 0
        var i = line.lowerBound
        switch field {
        case .rest(let count):
            while i < line.upperBound, seen < count {
                if bytes[i] == separator { seen += 1 }
                i += 1
            }
            return i..<line.upperBound
        case .second:
            while i < line.upperBound, bytes[i] != separator { i += 1 }
            let start = min(i + 1, line.upperBound)
            var end = start
            while end < line.upperBound, bytes[end] != separator { end += 1 }
            return start..<end
        }
    }

    /// Whether `key` sorts before the key `bytes` spell, as `String`'s `<` sorts: by bytes when
    /// both are ASCII.
    private static func precedes(_ key: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return key < String(decoding: bytes, as: UTF8.self) }
        return key.utf8.lexicographicallyPrecedes(bytes)
    }

    private static func fnv<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }
}

extension CacheText {
    /// Bytes as they stand in another text.
    mutating func append(bytes other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }
}
