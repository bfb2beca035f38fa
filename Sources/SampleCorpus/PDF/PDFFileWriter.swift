import Foundation

/// Assembles a PDF 1.4 file: catalog, page tree, one Type0 font (see PDFCharacterTable), the
/// pages' content streams, an info dictionary, the cross-reference table and trailer. Streams
/// are left uncompressed; nothing depends on the clock, so the same pages give the same bytes.
struct PDFFileWriter {
    var width: Double
    var height: Double
    /// Each page's content stream (ASCII: text is drawn as hex IDs).
    var pages: [String]
    var characters: PDFCharacterTable
    /// Shown as the document's title by viewers.
    var title: String
    var subject: String

    func data() -> Data {
        var objects: [String] = []
        // 1 catalog, 2 page tree, 3 Type0 font, 4 CID font, 5 descriptor, 6 ToUnicode, 7 info, then page/content pairs.
        let firstPage = 8
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type0 /BaseFont /SampleSong /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>")
        objects.append("""
            << /Type /Font /Subtype /CIDFontType2 /BaseFont /SampleSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
            /FontDescriptor 5 0 R /DW 1000 /W \(characters.widths) /CIDToGIDMap /Identity >>
            """)
        objects.append("<< /Type /FontDescriptor /FontName /SampleSong /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        objects.append(Self.stream(characters.toUnicode))
        objects.append("<< /Title \(Self.textString(title)) /Subject \(Self.textString(subject)) /Producer (publish sample) >>")
        let box = "[0 0 \(PDFContent.number(width)) \(PDFContent.number(height))]"
        for (i, content) in pages.enumerated() {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox \(box) /Resources << /Font << /F1 3 0 R >> >> /Contents \(firstPage + 2 * i + 1) 0 R >>")
            objects.append(Self.stream(content))
        }

        // The second line's bytes above 127 mark the file as binary; they say what it is, too.
        var out = Data("%PDF-1.4\n%样例数据 sample data\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            table += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 7 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }

    static func stream(_ content: String) -> String {
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// A text string outside content streams: UTF-16BE with its byte-order mark, as hex.
    static func textString(_ s: String) -> String {
        "<FEFF" + s.utf16.map { PDFCharacterTable.hex4(Int($0)) }.joined() + ">"
    }
}
