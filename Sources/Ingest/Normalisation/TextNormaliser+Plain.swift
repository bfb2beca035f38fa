import ReportModel

/// Byte-level versions of `normalise` and `labelCore` for plain text (see `PlainText`) in
/// simplified script: one pass over the UTF-8, no Character or scalar views. They give exactly
/// the slow path's result, and return nil whenever that is not certain, so the caller falls back.
///
/// Why they agree: on plain text the pinyin-gloss step never applies (a gloss needs a tone-marked
/// Latin letter, which is not plain), each scalar is its own Character, and the only steps left
/// are half-width mapping, dropping ignorable scalars and the leading enumerator.
extension TextNormaliser {
    /// False only when `text` certainly holds nothing `halfWidth` would change (no EF BC/BD or E3 80 80 bytes).
    static func mayHaveFullWidth(_ text: String) -> Bool {
        PlainText.withUTF8(text) { bytes in
            var i = 0
            while i + 2 < bytes.count {
                let b = bytes[i]
                if b == 0xEF, bytes[i + 1] == 0xBC || bytes[i + 1] == 0xBD { return true }
                if b == 0xE3, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
                i += 1
            }
            return false
        }
    }

    /// `normalise` for plain text in simplified script; nil when the slow path must decide.
    static func plainNormalised(_ text: String) -> String? {
        PlainText.withUTF8(text) { bytes -> String? in
            guard PlainText.isPlain(bytes) else { return nil }
            // `[` or `［`: a bookmark may need removing, which the slow path does.
            if bytes.contains(0x5B) || hasFullWidthBracket(bytes) { return nil }
            guard mayHaveFullWidth(text) else { return text }
            // Half-width never lengthens the UTF-8: the output fits in the input's size.
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                _ = forEachHalfWidthScalar(bytes) { appendUTF8($0, to: out, at: &n); return true }
                return n
            }
        }
    }

    private static func hasFullWidthBracket(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xBC, bytes[i + 2] == 0xBB { return true }
            i += 1
        }
        return false
    }

    /// `labelCore` for plain text in simplified script; nil when the slow path must decide.
    static func plainLabelCore(_ text: String) -> String? {
        PlainText.withUTF8(text) { bytes -> String? in
            guard PlainText.isPlain(bytes) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { out -> String? in
                var n = 0, scalars = 0
                let ok = forEachHalfWidthScalar(bytes) { value in
                    if value == 0x5B { return false }  // `[`: a bookmark may need removing
                    if isIgnorablePlain(value) { return true }
                    appendUTF8(value, to: out, at: &n)
                    scalars += 1
                    return true
                }
                guard ok else { return nil }
                let core = UnsafeBufferPointer(rebasing: out[0..<n])
                return String(decoding: UnsafeBufferPointer(rebasing: core[stripEnumerator(core, scalars: scalars)...]), as: UTF8.self)
            }
        }
    }

    /// Calls `body` with each scalar of plain UTF-8, full-width forms and U+3000 already mapped
    /// as `halfWidth` maps them; stops and returns false when `body` does.
    @inline(__always)
    private static func forEachHalfWidthScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Bool) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var value: UInt32
            if b < 0x80 {
                value = UInt32(b)
                i += 1
            } else {
                value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
                if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
            }
            if !body(value) { return false }
        }
        return true
    }

    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at n: inout Int) {
        if value < 0x80 {
            out[n] = UInt8(value)
            n += 1
        } else {  // plain scalars are ASCII or three bytes
            out[n] = 0xE0 | UInt8(value >> 12)
            out[n + 1] = 0x80 | UInt8((value >> 6) & 0x3F)
            out[n + 2] = 0x80 | UInt8(value & 0x3F)
            n += 3
        }
    }

    /// `isIgnorable` for plain scalars: CJK ideographs never are; ASCII from a table; the rest asked.
    @inline(__always)
    private static func isIgnorablePlain(_ value: UInt32) -> Bool {
        if value < 0x80 { return asciiIgnorable[Int(value)] }
        if value >= 0x3400 { return false }  // ideographs (letters, Lo) and unassigned (Cn)
        return isIgnorable(Unicode.Scalar(value)!)
    }

    private static let asciiIgnorable: [Bool] = (0..<128).map { isIgnorable(Unicode.Scalar(UInt8($0))) }

    /// Where the label starts once its enumerator is dropped (the slow path's `stripEnumerators`).
    /// Plain text holds no circled digits, so the numerals are ASCII digits and 一…十.
    private static func stripEnumerator(_ out: UnsafeBufferPointer<UInt8>, scalars: Int) -> Int {
        var i = 0, count = 0
        while i < out.count {
            let length = out[i] < 0x80 ? 1 : 3
            let value = length == 1 ? UInt32(out[i])
                : UInt32(out[i] & 0x0F) << 12 | UInt32(out[i + 1] & 0x3F) << 6 | UInt32(out[i + 2] & 0x3F)
            guard numerals.contains(Unicode.Scalar(value)!) else { break }
            i += length
            count += 1
        }
        guard count > 0, count < scalars, count <= 3 else { return 0 }
        // "三类内部事务" / "四类过程性信息": the numeral belongs to the words.
        if out[i] >= 0x80 {
            let next = UInt32(out[i] & 0x0F) << 12 | UInt32(out[i + 1] & 0x3F) << 6 | UInt32(out[i + 2] & 0x3F)
            if next == 0x7C7B || next == 0x5B89 { return 0 }  // 类, 安
        }
        return i
    }
}
