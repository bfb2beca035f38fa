import ReportModel

/// The title's year patterns (`(19|20)\d{2}年度?` and `(19|20)\d{2}(?=年)`) on the UTF-8 of plain
/// text (see `PlainText`) without full-width digits, where `\d` can only be an ASCII digit: the
/// same leftmost matches as the regexes, without starting ICU for every report. Nil when the
/// text is not such text and the regex must decide.
enum PlainYears {
    private static let nian: [UInt8] = Array("年".utf8), du: [UInt8] = Array("度".utf8)

    /// `text` with every `(19|20)\d{2}年度?` removed.
    static func removingYears(_ text: String) -> String? {
        PlainText.withUTF8(text) { bytes -> String? in
            guard eligible(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if let end = yearEnd(bytes, at: i) {
                    i = end + 3
                    if matches(bytes, du, at: i) { i += 3 }
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The first `(19|20)\d{2}` followed by 年, as a number; `.some(nil)` when there is none.
    static func firstYear(_ text: String) -> Int?? {
        PlainText.withUTF8(text) { bytes -> Int?? in
            guard eligible(bytes) else { return nil }
            for i in bytes.indices where yearEnd(bytes, at: i) != nil {
                return .some((0..<4).reduce(0) { $0 * 10 + Int(bytes[i + $1] - 0x30) })
            }
            return .some(nil)
        }
    }

    /// Plain, and no full-width digit (EF BC 90…99), which `\d` would also match.
    private static func eligible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard PlainText.isPlain(bytes) else { return false }
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF, bytes[i + 1] == 0xBC, (0x90...0x99).contains(bytes[i + 2]) { return false }
            i += 1
        }
        return true
    }

    /// Where 年 starts when a four-digit year of 19xx or 20xx starts at `i` and 年 follows it.
    @inline(__always)
    private static func yearEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i + 7 <= b.count else { return nil }
        let century = (b[i] == 0x31 && b[i + 1] == 0x39) || (b[i] == 0x32 && b[i + 1] == 0x30)
        guard century, isDigit(b[i + 2]), isDigit(b[i + 3]), matches(b, nian, at: i + 4) else { return nil }
        return i + 4
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: [UInt8], at i: Int) -> Bool {
        i + word.count <= b.count && b[i] == word[0] && b[i + 1] == word[1] && b[i + 2] == word[2]
    }
}
