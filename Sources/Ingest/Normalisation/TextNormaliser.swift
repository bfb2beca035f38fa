import Foundation
import ReportModel

/// Normalisation applied before any matching: one spelling for the many ways real files write
/// the same text. Traditional → simplified, full-width → half-width, converter debris removed.
///
/// Whether a document is in traditional script is decided once for the whole document (a single
/// cell such as 信息內容 may hold no telling character), and the slow ICU transform runs only then.
public struct TextNormaliser: Sendable {
    public let convertsTraditional: Bool

    public init(convertsTraditional: Bool) {
        self.convertsTraditional = convertsTraditional
    }

    /// A normaliser for a document whose texts are these.
    public init<S: Sequence>(forTexts texts: S) where S.Element == String {
        self.init(convertsTraditional: texts.contains(where: Self.containsTraditional))
    }

    /// Normalises a whole text (a paragraph or a cell).
    public func normalise(_ text: String) -> String {
        if !convertsTraditional, let plain = Self.plainNormalised(text) { return plain }
        var s = Self.halfWidth(text)
        if s.contains("(") { s = Self.removePinyinGlosses(s) }
        if s.contains("[bookmark:") { s = Self.removeBookmarks(s) }
        if convertsTraditional {
            s = s.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? s
        }
        return s
    }

    /// The core of a label: normalised, without its enumerator (一、 (三) 1. ①), quotes,
    /// punctuation, `?` debris or spaces. Labels are matched on their cores.
    public func labelCore(_ text: String) -> String {
        if !convertsTraditional, let plain = Self.plainLabelCore(text) { return plain }
        let normal = normalise(text)
        var scalars = Substring(normal).unicodeScalars.filter { !Self.isIgnorable($0) }[...]
        Self.stripEnumerators(&scalars)
        return String(String.UnicodeScalarView(scalars))
    }

    /// For text known to be simplified (format definitions, tests).
    public static let simplified = TextNormaliser(convertsTraditional: false)

    // MARK: - Steps

    /// U+FF01…U+FF5E → ASCII, ideographic space → space. Leaves CJK punctuation (、。“”) alone.
    static func halfWidth(_ text: String) -> String {
        guard Self.mayHaveFullWidth(text), text.unicodeScalars.contains(where: { ($0.value >= 0xFF01 && $0.value <= 0xFF5E) || $0.value == 0x3000 })
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `區(qū)` → `區`: web converters leave a pinyin gloss after polyphonic characters.
    /// Only a single pinyin syllable in ASCII parentheses right after a Han character goes.
    static func removePinyinGlosses(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "(", i > 0, isHan(scalars[i - 1]), let close = pinyinGlossEnd(scalars, from: i + 1) {
                i = close + 1
                continue
            }
            out.append(s)
            i += 1
        }
        return String(out)
    }

    private static func pinyinGlossEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start
        var hasToneMark = false
        while j < scalars.count, j - start <= 7 {
            let s = scalars[j]
            if s == ")" {
                let length = j - start
                // A bare ASCII word in parentheses could be real text; a gloss carries a tone mark.
                return length >= 1 && hasToneMark ? j : nil
            }
            if pinyinToneLetters.contains(s) {
                hasToneMark = true
            } else if !(s.value >= 0x61 && s.value <= 0x7A) {
                return nil
            }
            j += 1
        }
        return nil
    }

    private static let pinyinToneLetters: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars)

    static func removeBookmarks(_ text: String) -> String {
        var s = text
        while let start = s.range(of: "[bookmark:"), let end = s[start.upperBound...].firstIndex(of: "]") {
            s.removeSubrange(start.lowerBound...end)
        }
        return s
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    /// Characters that exist only in traditional script and are frequent in these reports.
    /// Checking for them first spares the (slow) ICU transform on simplified text.
    private static let traditionalMarkers: Set<Unicode.Scalar> = Set(
        "開區發規業報總計處結轉與條國們這個來時會說為體後關點過還進對應當經從萬數據辦機構請決務訊舉補導網內穩復議訟維審結糾"
            .unicodeScalars)

    /// `traditionalMarkers` as one bit per code point from U+4E00: a lookup, not a hash, per character.
    private static let traditionalBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for marker in traditionalMarkers {
            precondition((0x4E00..<0xA000).contains(marker.value), "traditional markers are CJK unified ideographs")
            let offset = Int(marker.value) - 0x4E00
            bits[offset / 64] |= 1 << UInt64(offset % 64)
        }
        return bits
    }()

    /// On the UTF-8: U+4E00…U+9FFF are the three-byte sequences led by E4…E9.
    static func containsTraditional(_ text: String) -> Bool {
        PlainText.withUTF8(text) { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                if b >= 0xE4 && b <= 0xE9 && i + 2 < n {
                    let value = Int(b & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    if value >= 0x4E00 {
                        let offset = value - 0x4E00
                        if traditionalBits[offset / 64] & (1 << UInt64(offset % 64)) != 0 { return true }
                    }
                    i += 3
                    continue
                }
                i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            }
            return false
        }
    }

    static func isIgnorable(_ s: Unicode.Scalar) -> Bool {
        if s.properties.isWhitespace { return true }
        switch s.properties.generalCategory {
        case .otherPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .dashPunctuation, .connectorPunctuation, .mathSymbol, .otherSymbol, .control, .format:
            return true
        default:
            return false
        }
    }

    /// Drops a leading enumerator: Chinese numerals or digits that open the label (一、 三 (七) 1.).
    /// Punctuation is already gone, so the enumerator is the run of numeral characters at the start —
    /// kept when the label is nothing but numerals.
    static let numerals: Set<Unicode.Scalar> = Set("一二三四五六七八九十0123456789①②③④⑤⑥⑦⑧⑨⑩".unicodeScalars)

    private static func stripEnumerators(_ scalars: inout Substring.UnicodeScalarView.SubSequence) {
        let prefix = scalars.prefix(while: { numerals.contains($0) })
        guard !prefix.isEmpty, prefix.count < scalars.count, prefix.count <= 3 else { return }
        // "三类内部事务" / "四类过程性信息" start with a numeral that belongs to the words.
        let rest = scalars.dropFirst(prefix.count)
        if let next = rest.first, next == "类" || next == "安" { return }
        scalars = rest
    }
}
