import Analysis
import Foundation
import Ingest
import PublishKit
import SampleCorpus
import Testing

/// For every corpus the tests use, the number of input files equals the reports read plus the
/// files listed as unread, on the site as on the summary (the hostile corpus: HostileCorpusTests).
@Suite struct NothingLostTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func account(content: URL) throws -> (inputs: Int, summary: SiteBuilder.Summary, site: SiteAccount) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lost-\(UUID().uuidString)/Output")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let summary = try SiteBuilder(options: .init(content: content, output: output, theme: repository.appendingPathComponent("Theme"))).build()
        return (InputDiscovery.files(in: content).count, summary, try SiteAccount(output: output))
    }

    static func expectAccounted(_ a: (inputs: Int, summary: SiteBuilder.Summary, site: SiteAccount), _ name: String) {
        #expect(a.inputs > 0, "\(name)")
        #expect(a.summary.inputs == a.inputs, "\(name)")
        #expect(a.summary.reports + a.summary.unread == a.inputs, "\(name): \(a.summary.reports) + \(a.summary.unread) ≠ \(a.inputs)")
        #expect(a.site.reportPages.count + a.site.unread.count == a.inputs, "\(name): pages \(a.site.reportPages.count) + unread rows \(a.site.unread.count) ≠ \(a.inputs)")
        #expect(a.site.homeCount == a.inputs, "\(name)")
    }

    @Test func shippedContent() throws {
        Self.expectAccounted(try Self.account(content: Self.repository.appendingPathComponent("Content")), "Content")
    }

    @Test func seedFixtures() throws {
        Self.expectAccounted(try Self.account(content: Self.repository.appendingPathComponent("Tests/IngestTests/Fixtures/seeds")), "seeds")
    }

    @Test func sampleCorpusInEveryLayout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in SampleGenerator(options: .init(count: 40, years: [2023, 2024], layouts: ReportWriter.Layout.allCases, seed: 11)).generate() {
            let url = dir.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        Self.expectAccounted(try Self.account(content: dir), "sample")
    }

    /// A name in GBK (unzipped from a Windows archive) is not UTF-8: the file is still listed.
    @Test func fileNamedInGBK() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gbk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let good = InputDiscovery.files(in: Self.repository.appendingPathComponent("Content"))[0]
        try FileManager.default.copyItem(at: good.url, to: dir.appendingPathComponent("good-" + good.url.lastPathComponent))
        // 报告.txt in GBK bytes.
        let name: [UInt8] = Array(dir.path.utf8) + [0x2F, 0xB1, 0xA8, 0xB8, 0xE6, 0x2E, 0x74, 0x78, 0x74, 0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        _ = write(fd, "x", 1)
        close(fd)
        let result = try Self.account(content: dir)
        #expect(result.inputs == 2)
        Self.expectAccounted(result, "gbk")
    }
}

/// The fuzzers' regression inputs (Fuzz/regressions) go through a whole build: reading, checks,
/// figures and pages, where a huge number once could trap a conversion to Int.
@Suite struct FuzzRegressionSiteTests {
    @Test func regressionInputsBuildASite() throws {
        let regressions = NothingLostTests.repository.appendingPathComponent("Fuzz/regressions")
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("regressions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        var count = 0
        for target in try FileManager.default.contentsOfDirectory(atPath: regressions.path) where target.hasPrefix("fuzz-document") {
            for name in try FileManager.default.contentsOfDirectory(atPath: regressions.appendingPathComponent(target).path) {
                try FileManager.default.copyItem(at: regressions.appendingPathComponent("\(target)/\(name)"), to: content.appendingPathComponent("\(target)-\(name)"))
                count += 1
            }
        }
        #expect(count > 0)
        NothingLostTests.expectAccounted(try NothingLostTests.account(content: content), "regressions")
        #expect(formatDecimal(1e300) == "1e+300" && formatPercent(.infinity) == "inf%")
    }
}
