import Foundation
import Ingest
import ReportModel
import Testing

/// Overrides a user writes without code: a YAML sidecar beside the report, and the folder it sits in.
@Suite struct SidecarTests {
    /// Writes files into a fresh temporary folder and returns it.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sidecar-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return dir
    }

    static func read(_ dir: URL, _ path: String) throws -> ReportRecord {
        guard case .report(let record) = ReportReader.read(contentsOf: dir.appendingPathComponent(path), source: path) else {
            throw Fixtures.FixtureError.unread(path)
        }
        return record
    }

    static var gulou: String {
        var text = LayoutQuirkTests.sample
        text.title = "鼓楼区人民政府办公室2024年政府信息公开工作年度报告"
        return text.cellPerLine()
    }

    @Test func sidecarWinsAndEveryOverrideIsReported() throws {
        let dir = try Self.folder([
            "r.txt": Self.gulou,
            "r.yml": """
                agency: 鼓楼区人民政府办公室（更正）
                region: "320106"
                year: 2023
                level: county
                kind: 政府部门
                source_url: https://www.example.gov.cn/r.html
                published: 2025-01-20
                """,
        ])
        let record = try Self.read(dir, "r.txt")
        #expect(record.agency == "鼓楼区人民政府办公室（更正）")
        #expect(record.region == Region(adcode: "320106", province: "江苏省", prefecture: "南京市", county: "鼓楼区"))
        #expect(record.year == 2023)
        #expect(record.published == "2025-01-20")
        #expect(record.annotations == ReportAnnotations(level: .county, kind: .department, sourceURL: "https://www.example.gov.cn/r.html"))
        #expect(!record.diagnostics.contains { $0.code == "region-ambiguous" }, "the sidecar settled it")
        #expect(record.diagnostics.filter { $0.code == "sidecar-override" }.count == 4, "agency, year, published, region")
        #expect(record.requests[.total] == [44, 1, 0, 0, 61, 0, 106], "the tables are still read")
    }

    @Test func malformedSidecarIsReportedAndTheReportStillRead() throws {
        let dir = try Self.folder(["r.txt": Self.gulou, "r.yml": "agency: [unclosed\n  - : :"])
        let record = try Self.read(dir, "r.txt")
        #expect(record.diagnostics.contains { $0.code == "sidecar-invalid" })
        #expect(record.agency == "鼓楼区人民政府办公室")
    }

    @Test func unknownKeysAndBadValuesAreNamed() throws {
        let dir = try Self.folder(["r.txt": Self.gulou, "r.yml": "agnecy: x\nregion: 12\nyear: 2024\n"])
        let record = try Self.read(dir, "r.txt")
        let problems = record.diagnostics.filter { $0.code == "sidecar-invalid" }.map(\.message)
        #expect(problems.contains { $0.contains("agnecy") })
        #expect(problems.contains { $0.contains("region") })
        #expect(record.year == 2024)
    }

    @Test func folderSettlesASharedCountyName() throws {
        let dir = try Self.folder(["江苏省/南京市/r.txt": Self.gulou])
        let record = try Self.read(dir, "江苏省/南京市/r.txt")
        #expect(record.region.adcode == "320106")
        #expect(!record.diagnostics.contains { $0.code == "region-ambiguous" })
    }

    @Test func folderThatContradictsTheTextIsReportedTextWins() throws {
        let dir = try Self.folder(["浙江省/r.txt": LayoutQuirkTests.sample.cellPerLine()])
        let record = try Self.read(dir, "浙江省/r.txt")
        #expect(record.region.adcode == "340102", "瑶海区 in the title")
        #expect(record.diagnostics.contains { $0.code == "folder-region-conflict" })
    }
}
