import Foundation
import ReportModel

/// A PDF, read through poppler (Debian's poppler-utils): `pdftotext -bbox-layout` gives every
/// word with its box and `pdftocairo -svg` the lines drawn on each page, from which the tables'
/// cells are rebuilt (see PDFRuledTable). Each helper runs in a child process with a time limit.
enum PDFReader {
    static let timeout: TimeInterval = 30

    /// `%PDF-` in the first 1024 bytes, where the format allows it to be.
    static func isPDF(_ data: Data) -> Bool {
        data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil
    }

    /// `findTool` finds poppler's programs (on PATH; tests pass another).
    static func read(data: Data, findTool: (String) -> URL? = ChildProcess.find) -> Result<Document, ReadFailure> {
        guard isPDF(data) else {
            return .failure(ReadFailure("扩展名为 .pdf，但内容不是 PDF（文件开头没有 %PDF- 标记）"))
        }
        guard let pdftotext = findTool("pdftotext") else {
            return .failure(ReadFailure("无法读取 PDF：本机没有 pdftotext 程序（请安装 poppler-utils 软件包）"))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("publish-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            return .failure(ReadFailure("无法读取 PDF：不能创建临时目录"))
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.pdf")
        let wordsFile = directory.appendingPathComponent("words.html")
        let errors = directory.appendingPathComponent("errors.txt")
        guard (try? data.write(to: input)) != nil else {
            return .failure(ReadFailure("无法读取 PDF：不能写入临时文件"))
        }

        switch ChildProcess.run(pdftotext, ["-bbox-layout", "-enc", "UTF-8", input.path, wordsFile.path], timeout: timeout, errorFile: errors) {
        case .timedOut:
            return .failure(ReadFailure("读取 PDF 超时（pdftotext 超过 \(Int(timeout)) 秒未完成），未读取"))
        case .notStarted(let why):
            return .failure(ReadFailure("无法运行 pdftotext：\(why)"))
        case .exited(let status, let errorOutput) where status != 0:
            return .failure(ReadFailure(failureReason(status: status, errorOutput: errorOutput)))
        case .exited:
            break
        }
        guard let wordData = try? Data(contentsOf: wordsFile), var pages = PDFWordBoxes.pages(from: wordData) else {
            return .failure(ReadFailure("PDF 文件已损坏，pdftotext 未能给出其文字"))
        }
        let truncated = !hasEndMarker(data)
        if pages.allSatisfy({ $0.lines.isEmpty }) {
            return .failure(ReadFailure(truncated
                ? "PDF 文件已损坏或不完整（可能被截断），读不出文字"
                : "PDF 中没有可提取的文字（可能是扫描件）"))
        }

        var diagnostics: [Diagnostic] = []
        if truncated {
            diagnostics.append(Diagnostic(.warning, "pdf-truncated", "PDF 文件不完整（缺少结尾标记 %%EOF），可能只读到了部分内容"))
        }
        switch rulings(of: input, in: directory, pdftocairo: findTool("pdftocairo")) {
        case .success(let perPage):
            for (i, rulings) in perPage.enumerated() where i < pages.count { pages[i].rulings = rulings }
        case .failure(let failure):
            diagnostics.append(Diagnostic(.warning, "pdf-no-rulings", "未能读取 PDF 中的表格框线（\(failure.reason)），表格无法按单元格读取"))
        }
        let layout = PDFDocumentLayout.blocks(pages: pages)
        var document = Document(format: .pdf, blocks: layout.blocks, diagnostics: diagnostics + layout.diagnostics)
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.error, "no-tables", "文件中未找到任何表格（PDF 中没有带框线的表格）"))
        }
        return .success(document)
    }

    /// The lines drawn on each page (table borders), through pdftocairo's SVG output.
    private static func rulings(of input: URL, in directory: URL, pdftocairo: URL?) -> Result<[[PDFPage.Ruling]], ReadFailure> {
        guard let pdftocairo else {
            return .failure(ReadFailure("本机没有 pdftocairo 程序，请安装 poppler-utils 软件包"))
        }
        let svg = directory.appendingPathComponent("lines.svg")
        switch ChildProcess.run(pdftocairo, ["-svg", input.path, svg.path], timeout: timeout, errorFile: directory.appendingPathComponent("cairo.txt")) {
        case .timedOut: return .failure(ReadFailure("pdftocairo 超过 \(Int(timeout)) 秒未完成"))
        case .notStarted(let why): return .failure(ReadFailure("无法运行 pdftocairo：\(why)"))
        case .exited(let status, _) where status != 0: return .failure(ReadFailure("pdftocairo 出错（退出码 \(status)）"))
        case .exited: break
        }
        guard let data = try? Data(contentsOf: svg), let pages = PDFVectorLines.pages(from: data) else {
            return .failure(ReadFailure("pdftocairo 的输出无法解析"))
        }
        return .success(pages)
    }

    /// A complete PDF ends with `%%EOF` (a few bytes of padding after it are common).
    private static func hasEndMarker(_ data: Data) -> Bool {
        data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil
    }

    private static func failureReason(status: Int32, errorOutput: String) -> String {
        let lower = errorOutput.lowercased()
        if lower.contains("password") { return "PDF 已加密，需要密码才能打开，未读取" }
        if status == 3 || lower.contains("permission") { return "PDF 的权限设置禁止提取文字，未读取" }
        let detail = errorOutput.split(separator: "\n").first.map { String($0.prefix(160)) } ?? "退出码 \(status)"
        return "PDF 文件已损坏，无法读取（pdftotext：\(detail)）"
    }
}
