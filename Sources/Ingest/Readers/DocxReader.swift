import Foundation
import ReportModel
import ZIPFoundation

/// A Word file (.docx): a ZIP package whose main part (word/document.xml) holds the body.
/// Read from memory; the body's size is capped before and while it is inflated, so a small
/// file that inflates to gigabytes (a zip bomb) is refused, not read.
enum DocxReader {
    /// The most word/document.xml may inflate to. Real reports are well under 5 MB.
    static let maxBodyBytes = 64 << 20

    static func isZIP(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    static func read(data: Data, maxBodyBytes: Int = maxBodyBytes) -> Result<Document, ReadFailure> {
        guard isZIP(data) else {
            return .failure(ReadFailure("扩展名为 .docx，但内容不是 Word 文件使用的 ZIP 格式（文件可能已损坏或只是改了扩展名）"))
        }
        // Every offset ZIPFoundation will seek to is checked first: past the end it traps.
        if case .failure(let problem) = ZipDirectory.read(data) {
            return .failure(ReadFailure("Word 文件（.docx）已损坏或不完整：\(problem.reason)"))
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            return .failure(ReadFailure("Word 文件（.docx）已损坏或不完整：找不到 ZIP 目录（文件可能被截断）"))
        }
        let bodyPath = mainPartPath(in: archive) ?? "word/document.xml"
        guard let entry = archive[bodyPath], entry.type == .file else {
            if archive["content.xml"] != nil, archive["mimetype"] != nil {
                return .failure(ReadFailure("这是 OpenDocument 文件（如 .odt），暂不支持，请另存为 .docx"))
            }
            return .failure(ReadFailure("ZIP 压缩包中没有 Word 正文 \(bodyPath)：不是 .docx 文件，或文件不完整"))
        }
        let limitText = "\(maxBodyBytes >> 20) MB"
        if entry.uncompressedSize > UInt64(maxBodyBytes) {
            return .failure(ReadFailure(
                "Word 正文 \(bodyPath) 解压后为 \(megabytes(entry.uncompressedSize))，超过上限 \(limitText)（可能是压缩炸弹），未读取"))
        }
        var body = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size can lie: count what actually comes out.
                guard body.count + chunk.count <= maxBodyBytes else { throw BodyTooLarge() }
                body.append(chunk)
            }
        } catch is BodyTooLarge {
            return .failure(ReadFailure(
                "Word 正文 \(bodyPath) 解压后超过上限 \(limitText)（声明的大小与实际不符，可能是压缩炸弹），未读取"))
        } catch {
            return .failure(ReadFailure("Word 文件（.docx）已损坏：正文 \(bodyPath) 无法解压（\(describe(error))）"))
        }
        guard let xml = ParsedXML(data: body), let root = xml.root else {
            return .failure(ReadFailure("Word 正文 \(bodyPath) 不是有效的 XML（文件已损坏）"))
        }
        guard let word = WordBody.read(root) else {
            return .failure(ReadFailure("\(bodyPath) 不是 Word 正文（缺少 w:document/w:body）"))
        }
        var document = Document(format: .docx, blocks: word.blocks, diagnostics: word.diagnostics)
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.error, "no-tables", "文件中未找到任何表格"))
        }
        return .success(document)
    }

    private struct BodyTooLarge: Error {}

    /// The part `_rels/.rels` names as the main document (Word calls it word/document.xml, other
    /// writers may not); nil when the package does not say.
    private static func mainPartPath(in archive: Archive) -> String? {
        guard let rels = archive["_rels/.rels"], rels.uncompressedSize < 1 << 20 else { return nil }
        var data = Data()
        guard (try? archive.extract(rels) { chunk in
            guard data.count + chunk.count <= 1 << 20 else { throw BodyTooLarge() }
            data.append(chunk)
        }) != nil, let xml = ParsedXML(data: data), let root = xml.root else { return nil }
        for relationship in root.children where relationship.localName == "Relationship" {
            guard let type = relationship.attribute("Type"), type.hasSuffix("/officeDocument"),
                  let target = relationship.attribute("Target"), relationship.attribute("TargetMode") != "External"
            else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : target
        }
        return nil
    }

    private static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30)) : "\(bytes >> 20) MB"
    }

    private static func describe(_ error: Error) -> String {
        if let archive = error as? Archive.ArchiveError, archive == .invalidCRC32 { return "校验和不符" }
        return "解压失败"
    }
}
