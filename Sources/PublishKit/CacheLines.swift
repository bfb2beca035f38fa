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
