import Foundation
import ZIPFoundation

/// A report as a Word file (.docx): a WordprocessingML package with the title and narrative as
/// paragraphs and the tables as `w:tbl`, merged cells as Word writes them (`w:gridSpan` across,
/// `w:vMerge` restart/continue down). Runs are cut mid-text with proofing marks between them, as
/// Word leaves them after editing. Deterministic: entries carry a fixed date.
struct DocxWriter {
    let writer: ReportWriter

    /// Entries are dated 2000-01-01 so the same report always gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

    func data() -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", Self.contentTypes),
            ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", coreProperties),
            ("word/_rels/document.xml.rels", Self.documentRelationships),
            ("word/styles.xml", Self.styles),
            ("word/document.xml", document()),
        ]
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return Data() }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try? archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Self.fixedDate,
                                  compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    // MARK: The body

    func document() -> String {
        var body = [paragraph(writer.title, centred: true, bold: true)]
        body += writer.opening.map { paragraph($0) }
        for (heading, table) in writer.spannedTables {
            body.append(paragraph(heading, bold: true))
            body.append(Self.table(table))
        }
        body += writer.closing.map { paragraph($0) }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(Self.wordNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body.joined())<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
    }

    func paragraph(_ text: String, centred: Bool = false, bold: Bool = false) -> String {
        let properties = centred ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : ""
        guard !text.isEmpty else { return "<w:p>\(properties)</w:p>" }
        return "<w:p>\(properties)\(Self.runs(text, bold: bold))</w:p>"
    }

    /// The text as runs: cut a third of the way in (Word cuts runs anywhere, even mid-word), a
    /// proofing mark between the pieces, `\n` as `w:br`, `\t` as `w:tab`.
    static func runs(_ text: String, bold: Bool = false) -> String {
        let characters = Array(text)
        let pieces = characters.count > 6
            ? [String(characters[..<(characters.count / 3)]), String(characters[(characters.count / 3)...])] : [text]
        let properties = "<w:rPr><w:rFonts w:hint=\"eastAsia\"/>\(bold ? "<w:b/>" : "")</w:rPr>"
        return pieces.map { piece in
            var run = "<w:r>\(properties)"
            for (i, line) in piece.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { run += "<w:br/>" }
                for (j, part) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                    if j > 0 { run += "<w:tab/>" }
                    if !part.isEmpty { run += "<w:t xml:space=\"preserve\">\(XMLEscape.text(String(part)))</w:t>" }
                }
            }
            return run + "</w:r>"
        }.joined(separator: "<w:proofErr w:type=\"spellStart\"/>")
    }

    // MARK: Tables

    /// Text width of an A4 page with the margins above, in twentieths of a point.
    static let textWidth = 9412

    static func table(_ table: SpannedTable) -> String {
        let widths = columnWidths(table.columnCount)
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined() + "</w:tblBorders><w:tblLook w:val=\"04A0\"/></w:tblPr>"
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        let grid = table.grid
        for (r, slots) in grid.enumerated() {
            xml += "<w:tr>"
            var c = 0
            while c < slots.count {
                switch slots[c] {
                case .origin(let cell):
                    let width = widths[c..<(c + cell.columns)].reduce(0, +)
                    xml += Self.cell(cell.text, width: width, columns: cell.columns, merge: cell.rows > 1 ? "restart" : nil)
                    c += cell.columns
                case .covered(let row, let column):
                    guard case .origin(let owner) = grid[row][column] else { c += 1; continue }
                    if row < r && column == c {
                        // The continuation of a cell merged down: one w:tc as wide as the cell.
                        let width = widths[c..<(c + owner.columns)].reduce(0, +)
                        xml += Self.cell("", width: width, columns: owner.columns, merge: "continue")
                        c += owner.columns
                    } else {
                        c += 1
                    }
                }
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func cell(_ text: String, width: Int, columns: Int, merge: String?) -> String {
        var properties = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if columns > 1 { properties += "<w:gridSpan w:val=\"\(columns)\"/>" }
        if let merge { properties += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
        properties += "<w:vAlign w:val=\"center\"/>"
        let content = text.isEmpty ? "" : runs(text)
        return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(content)</w:p></w:tc>"
    }

    /// Label columns wider than value columns, as the template has them.
    static func columnWidths(_ count: Int) -> [Int] {
        let shares: [Int]
        switch count {
        case 4: shares = [4, 3, 3, 3]
        case 10: shares = [2, 3, 7] + Array(repeating: 2, count: 7)
        default: shares = Array(repeating: 1, count: count)
        }
        let total = shares.reduce(0, +)
        return shares.map { textWidth * $0 / total }
    }

    // MARK: Package parts

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style></w:styles>
        """

    /// The title in the package's properties, where file managers show it: it says 样例数据 too.
    var coreProperties: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(XMLEscape.text(writer.title))</dc:title><dc:creator>publish sample</dc:creator><dc:description>样例数据：自动生成，不是真实报告</dc:description><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created></cp:coreProperties>
        """
    }
}
