#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level fast paths for "plain" text, the text of nearly every report: ASCII, CJK
/// ideographs, CJK and general punctuation, full-width forms. Each such scalar is a whole
/// Character and has no canonical decomposition, so Character-wise and canonical-equivalence-aware
/// operations (`==`, Foundation's `contains`, `hasSuffix`, `count`) give exactly the answers a
/// byte-wise comparison of the UTF-8 gives. Anything else (combining marks, CR, Latin letters with
/// accents, astral planes) takes the original, slower path, so results never change.
public enum PlainText {
    /// Whether `scalar` is one of the plain scalars.
    @inlinable @inline(__always)
    public static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x20...0x7E: return true
        case 0x2010...0x2027, 0x3000...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// True when every scalar of the UTF-8 `bytes` is plain.
    @inlinable
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard b >= 0x20 && b != 0x7F || b == 0x09 || b == 0x0A else { return false }
                i += 1
            } else if b >= 0xE5 && b <= 0xE9, i + 2 < n {
                i += 3  // U+5000…U+9FFF: all ideographs, the bulk of the text
            } else if b & 0xF0 == 0xE0, i + 2 < n {
                let value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard isPlain(value) else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    @inlinable
    public static func isPlain(_ s: String) -> Bool {
        withUTF8(s) { isPlain($0) }
    }

    /// The UTF-8 of a string, without copying a native string.
    @inlinable @inline(__always)
    public static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return copy.withUTF8(body)
    }

    /// `haystack` contains `needle`, byte-wise; both must be plain, `needle` non-empty.
    @inlinable @inline(__always)
    public static func bytesContain(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count, let h = haystack.baseAddress, let n = needle.baseAddress else { return false }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {  // memchr to each candidate first byte, memcmp the rest (memmem is not exported)
            guard let hit = memchr(h + i, Int32(n[0]), last - i + 1) else { return false }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(h)
            if memcmp(h + i, n, needle.count) == 0 { return true }
            i += 1
        }
        return false
    }

    /// Foundation's `contains` for two plain strings, or nil when either is not plain (or the
    /// needle is empty, which Foundation never finds): the caller then asks Foundation.
    @inlinable
    public static func contains(_ haystack: String, _ needle: String) -> Bool? {
        withUTF8(needle) { n in
            guard n.count > 0, isPlain(n) else { return nil }
            return withUTF8(haystack) { h in isPlain(h) ? bytesContain(h, n) : nil }
        }
    }

    /// `contains` when `haystack` is already known to be plain: only the needle is checked.
    @inlinable
    public static func contains(plain haystack: String, _ needle: String) -> Bool? {
        withUTF8(needle) { n in
            guard n.count > 0, isPlain(n) else { return nil }
            return withUTF8(haystack) { bytesContain($0, n) }
        }
    }

    /// String `==` for two plain strings, or nil when either is not plain.
    @inlinable
    public static func equals(_ a: String, _ b: String) -> Bool? {
        withUTF8(a) { x in
            withUTF8(b) { y in
                guard isPlain(x), isPlain(y) else { return nil }
                return x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    /// Whether the UTF-8 of `s` holds that of `needle` anywhere (no plain-text condition): a
    /// necessary condition for `s` to contain the code points of `needle`, for cheap prefilters.
    @inlinable
    public static func utf8Contains(_ s: String, _ needle: String) -> Bool {
        withUTF8(needle) { n in n.count > 0 && withUTF8(s) { bytesContain($0, n) } }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces`, without LF) for plain
    /// text, whose only such characters are TAB, LF, space and U+3000; nil when not plain.
    @inlinable
    public static func trimmed<S: StringProtocol>(_ s: S, newlines: Bool = true) -> String? {
        let run = { (bytes: UnsafeBufferPointer<UInt8>) -> String? in
            guard isPlain(bytes) else { return nil }
            let range = trimmedRange(bytes, newlines: newlines)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        if let r = s.utf8.withContiguousStorageIfAvailable(run) { return r }
        return withUTF8(String(s), run)
    }

    /// The bytes left once TAB, space, U+3000 (and LF when `newlines`) are dropped from both ends.
    @inlinable
    public static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, newlines: Bool = true) -> Range<Int> {
        var start = 0, end = bytes.count
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || (newlines && b == 0x0A) }
        while start < end {
            if isSpace(bytes[start]) {
                start += 1
            } else if end - start >= 3, bytes[start] == 0xE3, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80 {
                start += 3
            } else {
                break
            }
        }
        while start < end {
            if isSpace(bytes[end - 1]) {
                end -= 1
            } else if end - start >= 3, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, bytes[end - 1] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }
}
