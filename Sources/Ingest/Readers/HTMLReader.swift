import CLibXML2
import Foundation
import ReportModel

/// A report published as a web page (a portal article, or a Word document saved as a web page),
/// parsed by libxml2's HTML parser, which reads real-world broken markup the way browsers do.
/// The text reaches it already decoded (see `TextDecoding`, which reads `<meta charset>`), so
/// libxml2 is told UTF-8 and to ignore the page's own declaration.
enum HTMLReader {
    static let fileExtensions: Set<String> = ["html", "htm", "xhtml", "shtml"]

    /// By extension, or by content: markup at the very start, or a telling tag early on (a page
    /// saved as `.txt`, a fragment copied out of a CMS).
    static func accepts(text: String, fileName: String) -> Bool {
        let fileExtension = (fileName as NSString).pathExtension.lowercased()
        if fileExtensions.contains(fileExtension) { return true }
        if MarkdownReader.fileExtensions.contains(fileExtension) { return false }
        var text = text
        return text.withUTF8 { utf8 in
            let head = UnsafeBufferPointer(rebasing: utf8.prefix(65536))
            let start = head.firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0x0C].contains($0) } ?? head.endIndex
            if ASCIIBytes.offsets(of: "<!doctype html", in: head[start...].prefix(14)).first == start { return true }
            // Only at each `<`: text reports have few.
            var index = head.startIndex
            while let open = head[index...].firstIndex(of: UInt8(ascii: "<")) {
                let tag = head[open..<min(open + 6, head.endIndex)]
                if ["<html", "<body", "<table"].contains(where: { ASCIIBytes.offsets(of: $0, in: tag).first == open }) { return true }
                index = open + 1
            }
            return false
        }
    }

    static func read(_ text: String) -> Document {
        let blocks = blocks(of: text)
        var document = Document(format: .html, blocks: blocks)
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.error, "no-tables", "网页中未找到任何表格"))
        }
        return document
    }

    /// The blocks of a page or a fragment of one (also used for HTML inside Markdown).
    static func blocks(of html: String) -> [Block] {
        _ = initialised
        let bytes = Array(withoutDownlevelConditionals(html).utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return [] }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        var walker = HTMLBlocks()
        walker.walk(HTMLNode(pointer: root))
        walker.endLine()
        return walker.blocks
    }

    /// Word's `<![if !supportEmptyParas]>` … `<![endif]>` are "downlevel-revealed" conditionals:
    /// browsers drop the markers and show what is between them; libxml2 would keep the markers as text.
    static func withoutDownlevelConditionals(_ html: String) -> String {
        guard html.utf8.withContiguousStorageIfAvailable({ ASCIIBytes.contains("<![", in: $0) }) ?? true else { return html }
        return downlevelConditional.stringByReplacingMatches(
            in: html, range: NSRange(location: 0, length: html.utf16.count), withTemplate: "")
    }

    private static let downlevelConditional = try! NSRegularExpression(pattern: #"<!\[\s*(?:if\b[^\]>]*|endif\s*)\]>"#, options: [.caseInsensitive])

    /// Recover from broken markup, stay quiet about it, never fetch anything, and ignore the
    /// page's charset (the text is UTF-8 by now).
    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// libxml2 must be initialised once before threads parse in parallel.
    private static let initialised: Void = { xmlInitParser() }()
}
