import Analysis
import Foundation
import Ingest
import PublishKit
import ReportModel
import Site
import Testing

/// The site built from the shipped Content/ (the five real seed reports), read back as a person
/// would read it: the index lists every report with its figures, each report page reproduces its
/// tables cell for cell, and rebuilding is safe and repeatable.
@Suite struct SiteBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")
    static let theme = repository.appendingPathComponent("Theme")

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func build(content: URL = content, into output: URL, theme: URL = theme) throws -> SiteBuilder.Summary {
        try SiteBuilder(options: .init(content: content, output: output, theme: theme)).build()
    }

    static func records(in content: URL) -> [ReportRecord] {
        InputDiscovery.files(in: content).compactMap {
            if case .report(let r) = ReportReader.read(contentsOf: $0.url, source: $0.source) { return r }
            return nil
        }
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The text of a table's cells, row by row, tags removed.
    static func tableRows(in html: String, caption: String) -> [[String]] {
        guard let start = html.range(of: "<caption>\(caption)</caption>"), let end = html[start.upperBound...].range(of: "</table>") else { return [] }
        let table = html[start.upperBound..<end.lowerBound]
        let cell = try! NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
        return table.components(separatedBy: "<tr>").dropFirst().map { row in
            cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map { match in
                String(row[Range(match.range(at: 1), in: row)!])
                    .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                    .replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    @Test func indexListsEveryReportWithItsFigures() throws {
        let output = try Self.scratch().appendingPathComponent("Output")
        let summary = try Self.build(into: output)
        #expect(summary.reports == 5 && summary.unread == 0)
        let index = try Self.text(output.appendingPathComponent("index.html"))
        let rows = Self.tableRows(in: index, caption: "全部报告（点击表头排序）")
        #expect(rows.count == 6) // header + five reports
        for record in Self.records(in: Self.content) {
            let row = rows.first { $0.first?.hasPrefix(record.agency!) == true }
            #expect(row != nil, "\(record.agency ?? record.source) not on the index")
            guard let row else { continue }
            let received = record.requests[.new, .total].map(String.init) ?? "—"
            #expect(row[1] == record.region.path && row[2] == "2024" && row[3] == received, "\(row)")
            let t = record.requests[.total, .total], g = record.requests[.granted, .total], p = record.requests[.partiallyGranted, .total]
            if let t, let g, let p, t > 0 {
                let expected = String(format: "%.2f%%", Double(g + p) / Double(t) * 100)
                #expect(row[4] == expected, "\(row[4]) vs \(expected)")
            } else {
                #expect(row[4] == "—")
            }
        }
    }

    @Test func regionPagesCarryABreadcrumbUpTheHierarchy() throws {
        let output = try Self.scratch().appendingPathComponent("Output")
        _ = try Self.build(into: output)
        // 昆都仑区 has only a region-wide report: its province and prefecture pages exist all the same.
        for (code, ancestors) in [("340102", ["全国", "安徽省", "合肥市"]), ("150203", ["全国", "内蒙古自治区", "包头市"])] {
            let page = try Self.text(output.appendingPathComponent("regions/2024/\(code).html"))
            let start = try #require(page.range(of: "<nav class=\"crumbs\""), "\(code): no breadcrumb")
            let end = try #require(page.range(of: "</nav>", range: start.upperBound..<page.endIndex))
            let trail = String(page[start.lowerBound..<end.lowerBound])
            for name in ancestors {
                #expect(trail.contains(">\(name)</a>"), "\(code): no link up to \(name) in \(trail)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("regions/2024/150000.html").path))
    }

    /// A Content/ mixing every format the readers know: each file is on the site, and each
    /// report's page names the format it was read from.
    @Test func mixedFormatsBuildOneSiteAndEachPageNamesItsFormat() throws {
        let fixtures = Self.repository.appendingPathComponent("Tests/IngestTests/Fixtures/formats")
        let content = try Self.scratch().appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let files: [(String, SourceFormat?)] = [
            ("000_b705187fbbb0935d.portal.html", .html), ("001_656a75cba6cb305a.gbk.txt", .textPipes),
            ("002_d0051cf01b0f959b.word.html", .html), ("003_27ef94279877d414.utf16le-bom.txt", .textCells),
            ("004_26e628ebac378d18.md", .markdown), ("seed-002.docx", .docx), ("seed-004.pdf", .pdf),
            ("trial-2019.docx", .docx), ("scanned-no-text.pdf", nil), ("broken-truncated.docx", nil),
        ]
        for (name, _) in files {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: content.appendingPathComponent(name))
        }
        let output = try Self.scratch().appendingPathComponent("Output")
        let summary = try Self.build(content: content, into: output)
        #expect(summary.inputs == files.count && summary.reports == 8 && summary.unread == 2)
        for (name, format) in files {
            let id = SitePaths.reportID(source: name)
            let page = output.appendingPathComponent(SitePaths.report(id))
            guard let format else {
                #expect(try Self.text(output.appendingPathComponent("unread.html")).contains(name), "\(name) not on the unread page")
                continue
            }
            let html = try Self.text(page)
            #expect(html.contains(HTML.escape(format.label)) && html.contains("<code>\(format.rawValue)</code>"), "\(name): format not named")
        }
    }

    @Test func qualityListNamesEveryReportWithFindingsMostErrorsFirst() throws {
        let output = try Self.scratch().appendingPathComponent("Output")
        _ = try Self.build(into: output)
        let rows = Self.tableRows(in: try Self.text(output.appendingPathComponent("quality/2024.html")), caption: "有检查发现的报告（点击表头排序）")
        // The dataset's reports carry the checks' findings besides what the reader noticed.
        let expected = Dataset(records: Self.records(in: Self.content)).reports.map(\.record)
            .filter { r in r.diagnostics.contains { $0.severity >= .warning } }
        #expect(rows.count == expected.count + 1, "header plus every report with an error or a warning")
        let counts = rows.dropFirst().map { [Int($0[2]) ?? -1, Int($0[3]) ?? -1] }
        #expect(counts == counts.sorted { ($0[0], $0[1]) > ($1[0], $1[1]) }, "most errors first, then most warnings: \(counts)")
        for record in expected {
            let errors = record.diagnostics.filter { $0.severity == .error }.count
            let warnings = record.diagnostics.filter { $0.severity == .warning }.count
            #expect(rows.contains { $0[0].hasPrefix(record.agency!) && $0[2] == String(errors) && $0[3] == String(warnings) }, "\(record.agency!) missing or miscounted")
        }
    }

    @Test func reportPagesReproduceTableThreeCellForCell() throws {
        let output = try Self.scratch().appendingPathComponent("Output")
        _ = try Self.build(into: output)
        for record in Self.records(in: Self.content) {
            let page = try Self.text(output.appendingPathComponent(SitePaths.report(SitePaths.reportID(source: record.source))))
            let rows = Self.tableRows(in: page, caption: "表三 收到和处理政府信息公开申请情况")
            #expect(rows.count == RequestRow.allCases.count + 1, "\(record.source)")
            for (row, key) in zip(rows.dropFirst(), RequestRow.allCases) {
                #expect(row.first == key.shortLabel)
                // Blank stays blank, never 0.
                #expect(Array(row.dropFirst()) == record.requests[key].map { $0.map(String.init) ?? "" }, "\(record.source) \(key)")
            }
            let four = Self.tableRows(in: page, caption: "表四 政府信息公开行政复议、行政诉讼情况")
            #expect(four.count == 4)
            #expect(page.contains("sources/\(SitePaths.reportID(source: record.source)).txt"))
            let json = output.appendingPathComponent(SitePaths.reportJSON(SitePaths.reportID(source: record.source)))
            // The published record is the reader's, with the checks' findings added to its diagnostics.
            var published = try JSONDecoder().decode(ReportRecord.self, from: Data(contentsOf: json))
            #expect(Set(record.diagnostics).isSubset(of: Set(published.diagnostics)))
            published.diagnostics = record.diagnostics
            var expected = record
            expected.narrative = published.narrative
            expected.annotations = published.annotations
            #expect(published == expected)
        }
    }

    @Test func reportTextNeverBecomesMarkup() throws {
        let root = try Self.scratch()
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let seed = try Self.text(Self.content.appendingPathComponent("安徽省/合肥市/瑶海区人民政府办公室-2024.txt"))
        // In the title (so it becomes the agency's name) and in the narrative.
        let hostile = seed.replacingOccurrences(of: "瑶海区人民政府办公室", with: "瑶海区<script>alert(1)</script>办公室")
            .replacingOccurrences(of: "一、总体情况", with: "一、总体情况\n详见[点我](javascript:alert(1))和\"><img src=x onerror=alert(1)>。")
        try hostile.write(to: content.appendingPathComponent("<img src=x onerror=alert(1)>恶意.txt"), atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("Output")
        _ = try Self.build(content: content, into: output)
        let enumerator = FileManager.default.enumerator(atPath: output.path)!
        var pages = 0
        for case let path as String in enumerator where path.hasSuffix(".html") {
            let html = try Self.text(output.appendingPathComponent(path))
            pages += 1
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("href=\"javascript:"), "\(path)")
            #expect(!html.contains("<img src=x onerror"), "\(path)")
        }
        #expect(pages > 10)
        let index = try Self.text(output.appendingPathComponent("index.html"))
        #expect(index.contains("瑶海区&lt;script&gt;alert(1)&lt;/script&gt;办公室"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteIntact() throws {
        let output = try Self.scratch().appendingPathComponent("Output")
        _ = try Self.build(into: output)
        let before = try Data(contentsOf: output.appendingPathComponent("index.html"))
        #expect(throws: (any Error).self) { try Self.build(into: output, theme: output.appendingPathComponent("no-such-theme")) }
        #expect(try Data(contentsOf: output.appendingPathComponent("index.html")) == before)
    }

    @Test func neverReplacesAFolderItDidNotWrite() throws {
        let output = try Self.scratch().appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "mine".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try Self.build(into: output) }
        #expect(try Self.text(output.appendingPathComponent("notes.txt")) == "mine")
    }

    @Test func twoBuildsOfTheSameInputsAreByteIdentical() throws {
        let a = try Self.scratch().appendingPathComponent("A"), b = try Self.scratch().appendingPathComponent("B")
        _ = try Self.build(into: a)
        _ = try Self.build(into: b)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: b.path).sorted()))
        var differing: [String] = []
        for file in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: a.appendingPathComponent(file).path, isDirectory: &isDirectory)
            // build.json holds the build's timings: the one file that differs by design.
            if isDirectory.boolValue || file == SiteBuilder.buildReport { continue }
            if try Data(contentsOf: a.appendingPathComponent(file)) != Data(contentsOf: b.appendingPathComponent(file)) { differing.append(file) }
        }
        #expect(differing.isEmpty, "\(differing)")
    }
}
