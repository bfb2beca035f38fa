import Foundation
import Ingest
import PublishKit
import SampleCorpus
import Site
import Testing

/// The publisher fed everything a crawl of government sites brings: it must build the site, list
/// every file it could not read with the reason, never let input become markup, and never write
/// outside the output folder (HostileCorpus lists the cases).
@Suite struct HostileCorpusTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seed = repository.appendingPathComponent("Tests/IngestTests/Fixtures/seeds/000_b705187fbbb0935d.txt")
    static let theme = repository.appendingPathComponent("Theme")

    /// Every path under `folder` with its kind (from lstat: links are not followed), except under `excluding`.
    static func tree(_ folder: URL, excluding: URL? = nil) -> [String] {
        var out: [String] = []
        func walk(_ dir: String, _ prefix: String) {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() {
                let full = dir + "/" + name, rel = prefix + name
                if let excluding, full == excluding.standardizedFileURL.path { continue }
                var info = stat()
                guard lstat(full, &info) == 0 else { out.append("\(rel) ?"); continue }
                let kind = info.st_mode & S_IFMT
                out.append("\(rel) \(kind == S_IFDIR ? "dir" : kind == S_IFREG ? "file" : "other:\(kind)") \(kind == S_IFREG ? info.st_size : 0)")
                if kind == S_IFDIR { walk(full, rel + "/") }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return out
    }

    @Test func hostileCorpusBuildsListsEveryFileAndStaysInOutput() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        let content = scratch.appendingPathComponent("Content"), output = scratch.appendingPathComponent("Output")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = try HostileCorpus.write(.init(seed: Data(contentsOf: Self.seed)), to: content)
        let before = Self.tree(scratch)

        let summary = try SiteBuilder(options: .init(content: content, output: output, theme: Self.theme)).build()

        // Nothing escapes Output/: the folder around it is as it was, but for the build's own cache
        // beside it (.Output.cache/, see Publication), and inside it only files and folders.
        let cache = scratch.appendingPathComponent(".Output.cache")
        #expect(Self.tree(scratch, excluding: output).filter { !$0.hasPrefix(".Output.cache") } == before)
        #expect(Self.tree(cache).allSatisfy { name in ["build.lock", "manifest.txt", "matches.bin", "memo.txt", "records.bin", "stats.tsv"].contains { name.hasPrefix("\($0) file") } }, "\(Self.tree(cache))")
        let inside = Self.tree(output)
        #expect(!inside.isEmpty && inside.allSatisfy { $0.contains(" file ") || $0.contains(" dir ") }, "\(inside.filter { $0.contains(" other") })")

        // Nothing lost: every input is a report page or a row on the unread page.
        let inputs = files.filter { $0.expectation != .hidden }
        let account = try SiteAccount(output: output)
        #expect(summary.inputs == inputs.count)
        #expect(summary.reports + summary.unread == summary.inputs)
        #expect(account.unread.count == summary.unread && account.reportPages.count == summary.reports)
        #expect(account.homeCount == inputs.count)

        for file in files {
            let reason = account.reason(for: file.path), page = account.hasPage(for: file.path)
            switch file.expectation {
            case .report: #expect(page && reason == nil, "\(file.note) (\(file.path.debugDescription)): \(reason ?? "no page")")
            case .unread(let text):
                // A refused page-id collision shares its id with the page that was kept.
                #expect((!page || text == "哈希冲突") && reason?.contains(text) == true, "\(file.note) (\(file.path.debugDescription)): \(reason ?? "not listed")")
            case .readOrUnread: #expect(page != (reason != nil), "\(file.note) (\(file.path.debugDescription)): page \(page), reason \(reason ?? "none")")
            case .hidden: #expect(!page && reason == nil, "\(file.path.debugDescription)")
            }
        }
        // Of two names Swift compares equal, one is published and the other refused with the reason.
        #expect(account.unread.filter { $0.reason.contains("NFC/NFD") }.count == 1)

        // No input became markup: none of the payloads' tags or handlers appears raw in a page.
        let raw = ["<script>window", "<img src=x", "<svg onload", "<iframe", "<base href", "http-equiv=\"refresh\"", "href=\"javascript:", "id=\"pwned\"", "<b id="]
        for path in inside.filter({ $0.contains(" file ") }).map({ String($0.split(separator: " ").dropLast(2).joined(separator: " ")) })
        where ["html", "js", "xml", "css", "svg"].contains((path as NSString).pathExtension) {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            for r in raw { #expect(!text.contains(r), "\(path) holds \(r)") }
        }
        // The payloads are on the pages, as text.
        let injected = try String(contentsOf: output.appendingPathComponent(SitePaths.report(SitePaths.reportID(source: "injected.txt"))), encoding: .utf8)
        #expect(injected.contains("&lt;script&gt;window.__pwned"))
        // The site title from site.yml is text too.
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("&lt;script&gt;window.__pwned=&#39;title&#39;"))
    }

    /// `publish extract` and `publish check` read through the same limits and checks as the build.
    @Test func extractMeetsTheSameLimits() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = HostileCorpus.Options(seed: try Data(contentsOf: Self.seed))
        options.hugeBytes = 70 * 1_000_000
        let files = try HostileCorpus.write(options, to: scratch).filter { $0.expectation != .hidden }
        let outcomes = Extraction.read(paths: files.map { scratch.appendingPathComponent($0.path).path })
        #expect(outcomes.count == files.count)
        for (file, outcome) in zip(files, outcomes) {
            guard case .unread(let text) = file.expectation, !text.contains("冲突") else { continue }
            if case .unread(let u) = outcome { #expect(u.reason.contains(text), "\(file.path): \(u.reason)") } else { Issue.record("\(file.path) was read") }
        }
    }
}
