import Foundation

/// What the bytes of a file say about their encoding before any is chosen: a byte-order mark,
/// the NUL pattern of UTF-16 written without one, or a charset declared in HTML or XML.
enum EncodingDetection {
    /// The encoding a byte-order mark names, and the mark's length.
    static func byteOrderMark(_ data: Data) -> (TextEncoding, Int)? {
        let head = [UInt8](data.prefix(3))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        return nil
    }

    /// UTF-16 without a byte-order mark, told by where its NUL bytes fall: ASCII characters (digits,
    /// line ends, TABs, `|`) have a zero high byte, so in little-endian text the zeros sit at odd
    /// offsets, in big-endian at even ones. CJK code units can have a zero low byte too (一 is
    /// U+4E00), so one side must clearly dominate. Binary data has zeros on both sides and is left
    /// to the caller, which still decodes strictly.
    static func utf16WithoutBOM(_ data: Data) -> TextEncoding? {
        guard data.count >= 2, data.count % 2 == 0 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0
        data.prefix(8192).withUnsafeBytes { raw in
            for (offset, byte) in raw.enumerated() where byte == 0 {
                if offset % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 }
            }
        }
        if zerosAtOdd >= 2 && zerosAtOdd >= 4 * zerosAtEven { return .utf16LittleEndian }
        if zerosAtEven >= 2 && zerosAtEven >= 4 * zerosAtOdd { return .utf16BigEndian }
        return nil
    }

    /// The charset a page declares in its first 4 KB: `<meta charset=gbk>`,
    /// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, or an XML
    /// declaration's `encoding="…"`. Read on bytes as Latin-1: the declaration is ASCII in every
    /// ASCII-compatible encoding, so it can be found before any is chosen.
    static func declaredCharset(in data: Data) -> String? {
        let head = [UInt8](data.prefix(4096))
        // Both start with `<`: a text report often has none (memchr, not a scan per pattern).
        guard !head.isEmpty, head.withUnsafeBytes({ memchr($0.baseAddress!, 0x3C, $0.count) != nil }) else { return nil }
        let starts = (head.starts(with: Array("<?xml".utf8)) ? [0] : []) + ASCIIBytes.offsets(of: "<meta", in: head)
        for start in starts {
            let tagEnd = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.endIndex
            let tag = String(decoding: head[start..<tagEnd].map { $0 < 0x80 ? ASCIIBytes.lower($0) : 0x20 }, as: UTF8.self)
            if let label = attributeValue(named: start == 0 && tag.hasPrefix("<?xml") ? "encoding" : "charset", in: tag[...]) {
                return label
            }
        }
        return nil
    }

    /// `name=value`, `name="value"` or `name='value'` anywhere in `text` (also inside a
    /// `content="…; charset=gbk"` attribute).
    private static func attributeValue(named name: String, in text: Substring) -> String? {
        guard let found = text.range(of: name) else { return nil }
        var index = found.upperBound
        func skipSpaces() { while index < text.endIndex, text[index] == " " || text[index] == "\t" || text[index] == "\n" || text[index] == "\r" { index = text.index(after: index) } }
        skipSpaces()
        guard index < text.endIndex, text[index] == "=" else { return nil }
        index = text.index(after: index)
        skipSpaces()
        if index < text.endIndex, text[index] == "\"" || text[index] == "'" { index = text.index(after: index) }
        let value = text[index...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }
        return value.isEmpty ? nil : String(value)
    }
}
