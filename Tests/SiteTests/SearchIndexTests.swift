import Analysis
import Foundation
import Ingest
import PublishKit
import ReportModel
@testable import Site
import Testing

/// The search index and the sitemap list the whole country: they must be safe inside a script,
/// and a correction to a report's figures must not make them again.
@Suite struct SearchIndexTests {
    static let seeds: [ReportRecord] = {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content")
        return InputDiscovery.files(in: content).compactMap { input -> ReportRecord? in
            if case .report(let r) = ReportReader.read(contentsOf: input.url, source: input.source) { return r }
            return nil
        }
    }()

    static func site(_ records: [ReportRecord]) -> SiteIndex {
        SiteIndex(SiteContent(dataset: Dataset(records: records), unread: [], settings: SiteSettings(title: "t")))
    }

    /// The index's JSON, parsed as the browser would once the script's prefix is taken off.
    static func parsed(_ file: SiteFile) throws -> [[String: String]] {
        let text = String(decoding: file.data, as: UTF8.self)
        let prefix = "window.GOVREPORT_SEARCH = ", suffix = ";\n"
        #expect(text.hasPrefix(prefix) && text.hasSuffix(suffix))
        let json = text.dropFirst(prefix.count).dropLast(suffix.count)
        return try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
    }

    @Test func hostileNamesCannotCloseTheScriptAndReadBackExactly() throws {
        let hostile = ["</script><script>alert(1)</script>", "引号\"与\\反斜杠", "换\u{2028}行\u{2029}符", "控制\u{1}字符\t", "省略号…"]
        var records = Self.seeds
        for (i, name) in hostile.enumerated() { records[i].agency = name }
        let site = Self.site(records)
        let file = SearchIndex.file(site)
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(!text.contains("</"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        let entries = try Self.parsed(file)
        let expected = SearchIndex.entries(site)
        #expect(entries.count == expected.count)
        for (entry, want) in zip(entries, expected) {
            #expect(entry == ["n": want.name, "p": want.path, "r": want.region])
        }
        for name in hostile { #expect(entries.contains { $0["n"]!.hasPrefix(name + " ") }, "\(name) is searchable") }
        #expect(entries.contains { $0["p"]!.hasPrefix("regions/") }, "regions are listed too")
    }

    @Test func aCorrectedFigureLeavesTheSearchIndexAndSitemapAsTheyAre() throws {
        let before = Self.site(Self.seeds)
        var corrected = Self.seeds
        let i = try #require(corrected.firstIndex { $0.requests[.new, .total] != nil })
        corrected[i].requests[.new, .total]! += 1
        let after = Self.site(corrected)
        #expect(before.everything != after.everything, "the figure shows on the summing-up pages")
        #expect(SearchIndex.digest(SearchIndex.entries(before)) == SearchIndex.digest(SearchIndex.entries(after)))
        #expect(Sitemap.digest(paths: Sitemap.paths(before), base: "") == Sitemap.digest(paths: Sitemap.paths(after), base: ""))

        // A new name is searchable at once; the sitemap lists paths, which did not change.
        var renamed = Self.seeds
        renamed[i].agency = "更名后的机关"
        let third = Self.site(renamed)
        #expect(SearchIndex.digest(SearchIndex.entries(before)) != SearchIndex.digest(SearchIndex.entries(third)))
        #expect(try Self.parsed(SearchIndex.file(third)).contains { $0["n"]!.hasPrefix("更名后的机关 ") })
        #expect(Sitemap.digest(paths: Sitemap.paths(before), base: "") == Sitemap.digest(paths: Sitemap.paths(third), base: ""))
        #expect(Sitemap.digest(paths: Sitemap.paths(before), base: "") != Sitemap.digest(paths: Sitemap.paths(before), base: "https://example.org/"))
    }
}
