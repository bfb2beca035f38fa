/// The font of a generated PDF without a font file: a Type0 font, encoding Identity-H, whose
/// character IDs number the document's own characters in order of first use. Its /ToUnicode
/// CMap maps each ID back to its character (what pdftotext extracts), and /W gives each ID a
/// width (a full em for Chinese, half for ASCII) so that text boxes come out where it is drawn.
struct PDFCharacterTable {
    private(set) var scalars: [Unicode.Scalar] = []
    private var ids: [Unicode.Scalar: Int] = [:]

    /// Width in thousandths of an em.
    static func width(_ scalar: Unicode.Scalar) -> Int { scalar.isASCII ? 500 : 1000 }

    /// The width of `text` in ems.
    static func ems(_ text: Substring) -> Double {
        Double(text.unicodeScalars.reduce(0) { $0 + width($1) }) / 1000
    }

    /// The string operand drawing `text`: two bytes an ID, as hex. ID 0 stays .notdef.
    mutating func encode<S: StringProtocol>(_ text: S) -> String {
        var hex = "<"
        for scalar in text.unicodeScalars {
            let id: Int
            if let known = ids[scalar] {
                id = known
            } else {
                scalars.append(scalar)
                id = scalars.count
                ids[scalar] = id
            }
            hex += Self.hex4(id)
        }
        return hex + ">"
    }

    static func hex4(_ n: Int) -> String {
        let digits = String(n, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `/W [1 [w1 w2 …]]`: every ID from 1 in order.
    var widths: String {
        "[1 [" + scalars.map { String(Self.width($0)) }.joined(separator: " ") + "]]"
    }

    /// The /ToUnicode CMap: each ID → its character in UTF-16BE (a surrogate pair beyond the BMP).
    var toUnicode: String {
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        // At most 100 mappings a block, as the CMap format requires.
        var start = 0
        while start < scalars.count {
            let block = scalars[start..<min(start + 100, scalars.count)]
            out += "\(block.count) beginbfchar\n"
            for (offset, scalar) in block.enumerated() {
                let utf16 = String(Character(scalar)).utf16.map { Self.hex4(Int($0)) }.joined()
                out += "<\(Self.hex4(start + offset + 1))> <\(utf16)>\n"
            }
            out += "endbfchar\n"
            start += 100
        }
        return out + """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
    }
}
