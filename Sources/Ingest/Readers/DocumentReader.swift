import Foundation
import ReportModel

/// Picks the reader for a file from its content (not only its name) and returns its document.
public enum DocumentReader {
    public static func read(data: Data, fileName: String) -> Result<Document, ReadFailure> {
        let ext = (fileName as NSString).pathExtension.lowercased()
        if DocxReader.isZIP(data) || ext == "docx" { return DocxReader.read(data: data) }
        if PDFReader.isPDF(data) || ext == "pdf" { return PDFReader.read(data: data) }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {  // OLE compound file
            return .failure(ReadFailure("旧版 Word .doc 格式，请另存为 .docx（OLE 二进制文件无法读取）"))
        }
        return TextDecoding.decode(data).map { decoded in
            var document = read(text: decoded.text, fileName: fileName)
            document.diagnostics.insert(contentsOf: decoded.diagnostics, at: 0)
            return document
        }
    }

    /// Decoded text by what it holds: a web page, Markdown, or one of the text layouts.
    static func read(text: String, fileName: String) -> Document {
        if HTMLReader.accepts(text: text, fileName: fileName) { return HTMLReader.read(text) }
        if MarkdownReader.accepts(text: text, fileName: fileName) { return MarkdownReader.read(text) }
        return read(text: text)
    }

    /// Reads text in whichever layout it holds: cell-per-line, pipe rows, or plain paragraphs.
    public static func read(text: String) -> Document {
        let lines = splitLines(text)
        switch detectLayout(lines) {
        case .textCells: return CellPerLineReader.read(lines: lines)
        case .textPipes: return PipeRowReader.read(lines: lines)
        default:
            var document = Document(format: .text, blocks: lines.filter { !isBlank($0) }.map { .paragraph(String($0)) })
            document.diagnostics.append(Diagnostic(.error, "no-tables", "文件中未找到任何表格"))
            return document
        }
    }

    /// At LF, CRLF and CR (on bytes: the same lines as splitting at those Characters).
    static func splitLines(_ text: String) -> [Substring] { PlainLines.split(text) }

    /// Cell-per-line when many lines open with a TAB; pipe rows when many lines hold several `|`.
    static func detectLayout(_ lines: [Substring]) -> SourceFormat {
        var tabLines = 0, pipeLines = 0
        for line in lines {
            if line.first == "\t" { tabLines += 1 }
            if line.utf8.lazy.filter({ $0 == UInt8(ascii: "|") }).count >= 2 { pipeLines += 1 }
        }
        if tabLines >= 10 && tabLines >= pipeLines { return .textCells }
        if pipeLines >= 5 { return .textPipes }
        return .text
    }
}

func isBlank(_ line: Substring) -> Bool { PlainLines.isBlank(line) ?? line.allSatisfy(\.isWhitespace) }
