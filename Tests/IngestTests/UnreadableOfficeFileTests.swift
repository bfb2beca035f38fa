import Foundation
@testable import Ingest
import ReportModel
import Testing

/// Damaged, hostile and unsupported Word and PDF files: each is listed as unread with a reason
/// that names the problem, and none crashes the reader.
@Suite struct UnreadableOfficeFileTests {
    static func reason(_ data: Data, _ name: String) -> String? {
        switch ReportReader.read(data: data, source: name) {
        case .report: return nil
        case .unread(let file): return file.reason
        }
    }

    static func reason(fixture: String) throws -> String? {
        reason(try Data(contentsOf: Fixtures.url("formats/\(fixture)")), fixture)
    }

    @Test func truncatedWordFile() throws {
        let reason = try #require(try Self.reason(fixture: "broken-truncated.docx"))
        #expect(reason.contains("已损坏或不完整") && reason.contains("截断"), "\(reason)")
    }

    @Test func wordFileWithoutItsBody() throws {
        let reason = try #require(try Self.reason(fixture: "broken-no-document.docx"))
        #expect(reason.contains("没有 Word 正文 word/document.xml"), "\(reason)")
    }

    @Test func bodyDeclaringGigabytesIsRefusedBeforeInflating() throws {
        let reason = try #require(try Self.reason(fixture: "broken-declared-huge.docx"))
        // The zip's directory is measured before the reader opens it: the site-wide limit refuses it first.
        #expect(reason.contains("超过上限 256 MB") && reason.contains("limits.max_unpacked_mb") && reason.contains("压缩炸弹"), "\(reason)")
    }

    @Test func bodyLyingAboutItsSizeIsStoppedWhileInflating() throws {
        // The fixture declares 100 bytes for a body of about 100 KB: a cap below the real size
        // must stop it although the declared size passes.
        let data = try Data(contentsOf: Fixtures.url("formats/broken-lying-size.docx"))
        guard case .failure(let failure) = DocxReader.read(data: data, maxBodyBytes: 16 << 10) else {
            Issue.record("a body inflating past the cap was read")
            return
        }
        #expect(failure.reason.contains("声明的大小与实际不符"), "\(failure.reason)")
        #expect(try DocxReader.read(data: data).get().tables.count == 3, "under the real cap the same file reads")
    }

    @Test func zipThatIsNotAWordFile() throws {
        // An OpenDocument text file: a ZIP with mimetype and content.xml, no Word body.
        let odt = try DocxReaderTests.zip(["mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"])
        #expect(Self.reason(odt, "report.odt")?.contains("OpenDocument") == true)
        let other = try DocxReaderTests.zip(["data.csv": "a,b"])
        #expect(Self.reason(other, "report.zip")?.contains("没有 Word 正文") == true)
    }

    @Test func legacyBinaryWordFile() {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        data.append(Data(repeating: 0, count: 504))
        #expect(Self.reason(data, "报告.doc") == "旧版 Word .doc 格式，请另存为 .docx（OLE 二进制文件无法读取）")
        #expect(Self.reason(data, "报告.txt")?.hasPrefix("旧版 Word .doc 格式，请另存为 .docx") == true, "known by content, not name")
    }

    @Test func wordNameOnSomethingElse() {
        #expect(Self.reason(Data("不是压缩包".utf8), "报告.docx")?.contains("不是 Word 文件使用的 ZIP 格式") == true)
        #expect(Self.reason(Data("不是PDF".utf8), "报告.pdf")?.contains("内容不是 PDF") == true)
    }

    @Test func pdfWithoutText() throws {
        #expect(try Self.reason(fixture: "scanned-no-text.pdf") == "PDF 中没有可提取的文字（可能是扫描件）")
    }

    @Test func truncatedPDF() throws {
        let reason = try #require(try Self.reason(fixture: "broken-truncated.pdf"))
        #expect(reason.contains("PDF 文件已损坏"), "\(reason)")
    }

    @Test func pdfCutShortStillReadsWhatItHoldsAndSaysSo() throws {
        // Half a PDF: poppler rebuilds what it can; the record says the file is incomplete.
        let data = try Data(contentsOf: Fixtures.url("formats/seed-004.pdf"))
        let half = data.prefix(data.count * 3 / 4)
        switch ReportReader.read(data: half, source: "half.pdf") {
        case .report(let record):
            #expect(record.diagnostics.contains { $0.code == "pdf-truncated" })
        case .unread(let file):
            #expect(file.reason.contains("损坏"), "\(file.reason)")
        }
    }

    @Test func aHelperThatHangsIsStopped() throws {
        // pdftotext is given 30 s; a child still running at its limit is killed, not waited for.
        let sleep = try #require(ChildProcess.find("sleep"))
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("hang-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: errors) }
        let started = Date()
        guard case .timedOut = ChildProcess.run(sleep, ["30"], timeout: 0.5, errorFile: errors) else {
            Issue.record("a hanging child was not stopped")
            return
        }
        #expect(Date().timeIntervalSince(started) < 10, "stopped at its limit, not after it finished")
    }

    @Test func missingPopplerNamesThePackage() throws {
        let data = try Data(contentsOf: Fixtures.url("formats/seed-004.pdf"))
        guard case .failure(let failure) = PDFReader.read(data: data, findTool: { _ in nil }) else {
            Issue.record("read a PDF without pdftotext")
            return
        }
        #expect(failure.reason.contains("pdftotext") && failure.reason.contains("poppler-utils"))
    }
}
