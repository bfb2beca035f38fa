import Foundation
import ZIPFoundation

/// A content folder of everything a publisher meets when `Content/` is filled from thousands of
/// government sites: damaged files, wrong extensions, odd encodings, enormous files, names and
/// text holding markup. Written at run time (the 100 MB file and the zip bomb are generated, never
/// committed); the tests and CI (`publish sample --hostile`) build a site from it.
public enum HostileCorpus {
    /// Each payload tries to run script that sets `window.__pwned` (or to add an element with the
    /// id `pwned`, change the title, or leave the site); the browser check asserts none did.
    public static let payloads = [
        "<script>window.__pwned='script';document.title='PWNED'</script>",
        "\"><img src=x onerror=\"window.__pwned='img'\">",
        "'><svg onload=window.__pwned='svg'><b id=\"pwned\">PWNED</b>",
        "<a href=\"javascript:window.__pwned='href'\">点我</a>",
        "[点我](javascript:window.__pwned='md') ![图](javascript:window.__pwned='mdimg') <javascript:window.__pwned='auto'>",
        "javascript:window.__pwned='bare'",
        "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
        "<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "{{{body}}}{{documentTitle}}{{#nav}}x{{/nav}}",
        "../../../../tmp/pwned ..\\..\\windows\\system32",
        "控制字符\u{01}\u{07}\u{1B}[31m\u{7F}\u{202E}\u{2028}\u{2029}\u{FEFF}结束",
        "</textarea></title></style></script><script>window.__pwned='close'</script>",
    ]

    /// The marker a payload sets if it ran.
    public static let marker = "__pwned"

    public struct Options: Sendable {
        /// A real report (text), into which payloads are injected and copies of which fill the names.
        public var seed: Data
        /// Size of the big text file (100 MB: over the default 64 MB limit).
        public var hugeBytes = 100 * 1_000_000
        /// What the zip bomb's word/document.xml inflates to: 1 + 258 × this many bytes (2 GB).
        public var bombMatches = 8_300_000
        public init(seed: Data) { self.seed = seed }
    }

    /// Two file names whose `SitePaths.reportID` (64-bit FNV-1a of the path) is the same, found
    /// with Pollard's rho; FNV-1a keeps a collision under any common suffix, so `.txt` keeps it.
    public static let collidingNames = FNVCollision.names

    public static func files(_ options: Options) -> [HostileFile] {
        let seed = options.seed
        let seedText = String(decoding: seed, as: UTF8.self)
        var rng = SplitMix64(seed: 9)
        func junk(_ n: Int) -> Data { Data((0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }) }
        let docx = minimalDocx(text: "政府信息公开工作年度报告")
        var files: [HostileFile] = [
            .init("empty.txt", .bytes(Data()), .unread(containing: "空"), "empty file"),
            .init("blank.txt", .bytes(Data(" \n\t\n\u{3000}\n".utf8)), .readOrUnread, "whitespace only"),
            .init("bom-only.txt", .bytes(Data([0xEF, 0xBB, 0xBF])), .readOrUnread, "a UTF-8 byte-order mark and nothing else"),
            .init("junk.txt", .bytes(junk(65536)), .readOrUnread, "binary junk named .txt"),
            .init("junk.docx", .bytes(junk(65536)), .readOrUnread, "binary junk named .docx"),
            .init("junk.pdf", .bytes(junk(65536)), .readOrUnread, "binary junk named .pdf"),
            .init("junk.html", .bytes(junk(65536)), .readOrUnread, "binary junk named .html"),
            .init("truncated.docx", .bytes(docx.prefix(docx.count / 2)), .readOrUnread, "a valid .docx cut in half"),
            .init("corrupt.docx", .bytes(corrupt(docx)), .readOrUnread, "a .docx with its middle overwritten"),
            .init("junk-after-header.pdf", .bytes(Data("%PDF-1.4\n".utf8) + junk(32768)), .readOrUnread, "%PDF-1.4 and junk"),
            .init("truncated.pdf", .bytes(Data(minimalPDF.utf8.prefix(minimalPDF.utf8.count / 2))), .readOrUnread, "a PDF cut in half"),
            .init("bomb.docx", .bytes(ZipBomb.docx(matches: options.bombMatches)), .unread(containing: "max_unpacked_mb"), "zip bomb: word/document.xml inflates to \((1 + 258 * options.bombMatches) / 1_000_000) MB"),
            .init("nested-divs.html", .bytes(nested("<div>", "</div>", depth: 100_000, inner: "政府信息公开工作年度报告")), .readOrUnread, "100,000 nested <div>"),
            .init("nested-unclosed.html", .bytes(Data(String(repeating: "<div><span>", count: 50_000).utf8)), .readOrUnread, "100,000 unclosed tags"),
            .init("nested-tables.html", .bytes(nested("<table><tr><td>", "</td></tr></table>", depth: 20_000, inner: "1")), .readOrUnread, "20,000 nested tables"),
            .init("invalid-utf8.txt", .bytes(invalidUTF8(seed)), .readOrUnread, "a report with invalid UTF-8 bytes"),
            .init("mixed-encoding.txt", .bytes(mixed(seedText)), .readOrUnread, "UTF-8 and GBK in one file"),
            .init("utf16-bom.txt", .bytes(Data([0xFF, 0xFE]) + seedText.data(using: .utf16LittleEndian)!), .readOrUnread, "the report in UTF-16 with a byte-order mark"),
            .init("utf16-no-bom.txt", .bytes(seedText.data(using: .utf16LittleEndian)!), .readOrUnread, "the report in UTF-16 without a byte-order mark"),
            .init("huge.txt", .repeated(seed, count: options.hugeBytes), .unread(containing: "max_file_mb"), "a \(options.hugeBytes / 1_000_000) MB text file"),
            .init("wide-table.txt", .bytes(wideTable(rows: 200, cells: 150)), .unread(containing: "max_table_cells"), "a table of 30,000 cells"),
            .init("injected.txt", .bytes(Data(inject(seedText).utf8)), .report, "payloads in the title line and the narrative"),
            .init("injected-sidecar.txt", .bytes(seed), .report, "payloads in a sidecar's agency and source_url"),
            .init("sidecar-broken.txt", .bytes(seed), .report, "a malformed YAML sidecar"),
            .init("sidecar-laughs.txt", .bytes(seed), .report, "a sidecar of nested YAML aliases (billion laughs)"),
            .init("sidecar-fifo.txt", .bytes(seed), .report, "a sidecar that is a FIFO"),
            .init("fifo.txt", .fifo, .unread(containing: "命名管道"), "a FIFO (opening it would block)"),
            .init("dangling.txt", .symlink(to: "does-not-exist.txt"), .unread(containing: "不存在"), "a symlink to nothing"),
            .init("loop.txt", .symlink(to: "loop.txt"), .unread(containing: "循环"), "a symlink to itself"),
            .init("up", .symlink(to: ".."), .unread(containing: "文件夹"), "a symlink to the parent folder (a loop if followed)"),
            .init("denied.txt", .bytes(seed), getuid() == 0 ? .report : .unread(containing: "权限"), "mode 000 (root reads it all the same)"),
            // Swift compares these equal, their bytes differ: one gets the page, the other is refused.
            .init("cafe\u{301}-报告.txt", .bytes(seed), .readOrUnread, "the same name as café-报告.txt in decomposed Unicode"),
            .init("caf\u{E9}-报告.txt", .bytes(seed), .readOrUnread, "the same name in composed Unicode"),
            .init(collidingNames.0, .bytes(seed), .report, "first of two names with the same page id"),
            .init(collidingNames.1, .bytes(seed), .unread(containing: "哈希冲突"), "second of two names with the same page id"),
        ]
        // Names that are markup, paths or control characters; each holds a real report.
        let names = [
            "<img src=x onerror=window.__pwned='name'>.txt",
            "\"><script>window.__pwned='name2'<script>.txt",
            "javascript:window.__pwned='name3'.txt",
            "line\nbreak.txt", "tab\there\u{01}.txt", "..txt", ". .txt", "..%2F..%2Fescape.txt", "%2e%2e%2fescape.txt",
            "-rf --output=.txt", "name with \u{202E}txt.exe",
            "<b id=\"pwned\">folder<b>/report.txt",
        ]
        files += names.map { name in
            let expectation: HostileFile.Expectation = name.hasPrefix(".") ? .hidden : name.hasSuffix(".txt") ? .report : .readOrUnread
            return .init(name, .bytes(seed), expectation, "a file name holding markup or path characters")
        }
        return files
    }

    /// Sidecars and settings that go with the files (not inputs themselves).
    public static func extras() -> [(path: String, body: HostileFile.Body)] {
        let laughs = (["a: &a [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]"]
            + (1...9).map { "\(Character(UnicodeScalar(UInt8(97 + $0)))): &\(Character(UnicodeScalar(UInt8(97 + $0)))) [" + String(repeating: "*\(Character(UnicodeScalar(UInt8(96 + $0)))),", count: 9).dropLast() + "]" }
            + ["agency: *j"]).joined(separator: "\n")
        return [
            ("injected-sidecar.yml", .bytes(Data("agency: \"\(payloads[0])\(payloads[1])\"\nsource_url: \"javascript:window.__pwned='url'\"\n".utf8))),
            ("sidecar-broken.yml", .bytes(Data("agency: [unclosed\n  - : : {\nyear: \"\u{1}\"\n".utf8))),
            ("sidecar-laughs.yml", .bytes(Data(laughs.utf8))),
            ("sidecar-fifo.yml", .fifo),
            ("site.yml", .bytes(Data("title: \"<script>window.__pwned='title'</script>安全测试\"\nlimits: {max_file_mb: 64, max_table_cells: 20000, seconds_per_file: 20}\n".utf8))),
        ]
    }

    /// Writes the corpus into `folder` (which must not exist or be empty).
    public static func write(_ options: Options, to folder: URL) throws -> [HostileFile] {
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = self.files(options)
        for (path, body) in files.map({ ($0.path, $0.body) }) + extras() {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch body {
            case .bytes(let data): try data.write(to: url)
            case .repeated(let unit, let count):
                guard fm.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
                let handle = try FileHandle(forWritingTo: url)
                var block = Data()
                while block.count < 1 << 20 { block += unit }
                var left = count
                while left > 0 {
                    let chunk = block.prefix(left)
                    try handle.write(contentsOf: chunk)
                    left -= chunk.count
                }
                try handle.close()
            case .fifo:
                guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .symlink(let target):
                try fm.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            }
        }
        chmod(folder.appendingPathComponent("denied.txt").path, 0)
        return files
    }

    // MARK: the pieces

    static func inject(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let title = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return text }
        // Into the organ's name on the title line, and as paragraphs of the narrative.
        let line = lines[title]
        let cut = line.index(line.startIndex, offsetBy: min(4, line.count))
        lines[title] = String(line[..<cut]) + payloads[0] + payloads[1] + String(line[cut...])
        lines.insert(contentsOf: payloads, at: min(title + 2, lines.count))
        lines.append(payloads.joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    static func invalidUTF8(_ seed: Data) -> Data {
        var data = seed
        for offset in stride(from: 200, to: min(data.count, 4000), by: 397) { data[offset] = 0xFF }
        return data
    }

    static func mixed(_ text: String) -> Data {
        var data = Data(text.prefix(400).utf8)
        data.append(gbkSample)
        data.append(Data(text.suffix(600).utf8))
        return data
    }

    /// 政府信息公开 in GBK.
    static let gbkSample = Data([0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA, 0x0A])

    static func nested(_ open: String, _ close: String, depth: Int, inner: String) -> Data {
        Data(("<!DOCTYPE html><html><body>" + String(repeating: open, count: depth) + inner + String(repeating: close, count: depth) + "</body></html>").utf8)
    }

    static func wideTable(rows: Int, cells: Int) -> Data {
        let row = (0..<cells).map { "\($0)" }.joined(separator: " | ") + " |\n"
        return Data(("宽表格\n" + String(repeating: row, count: rows)).utf8)
    }

    static func corrupt(_ data: Data) -> Data {
        var out = data
        for i in (data.count / 3)..<(2 * data.count / 3) { out[i] ^= 0x5A }
        return out
    }

    static let minimalPDF = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
        4 0 obj << /Length 44 >> stream
        BT /F1 24 Tf 100 700 Td (Hello) Tj ET
        endstream endobj
        xref
        0 5
        trailer << /Size 5 /Root 1 0 R >>
        startxref
        0
        %%EOF
        """

    static func minimalDocx(text: String) -> Data {
        let entries = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + String(repeating: "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>", count: 40) + "</w:body></w:document>"),
        ]
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return Data() }
        for (name, body) in entries {
            let data = Data(body.utf8)
            try? archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
