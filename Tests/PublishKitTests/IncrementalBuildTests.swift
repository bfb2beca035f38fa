import Analysis
import Foundation
import Ingest
@testable import PublishKit
import ReportModel
import SampleCorpus
import Site
import Testing

/// Builds of a small sample corpus, read back as a person mirroring the site would: two builds of
/// the same inputs give the same bytes, an incremental build gives exactly what a clean build
/// gives, an unchanged file is never touched, and a failed build leaves the previous site as it was.
@Suite struct IncrementalBuildTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let theme = repository.appendingPathComponent("Theme")

    /// A content folder holding `count` sample reports (every layout the generator writes).
    static func corpus(count: Int = 36, seed: UInt64 = 11) throws -> URL {
        try write(SampleGenerator(options: .init(count: count, years: [2023, 2024], seed: seed)).generate())
    }

    static func write(_ files: [SampleGenerator.File]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("incremental-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        for file in files {
            let url = content.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        return content
    }

    static func build(_ content: URL, into output: URL, theme: URL = theme, clean: Bool = false, interruptAfter: Int? = nil) throws -> SiteBuilder.Summary {
        var options = SiteBuilder.Options(content: content, output: output, theme: theme, clean: clean)
        options.interruptAfterFiles = interruptAfter
        return try SiteBuilder(options: options).build()
    }

    /// Every file's bytes by path, and every folder, except `build.json` (its timings differ from
    /// build to build by design; everything else must not).
    static func tree(_ root: URL) throws -> (files: [String: Data], folders: Set<String>) {
        var files: [String: Data] = [:], folders: Set<String> = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) where path != SiteBuilder.buildReport {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { folders.insert(path) } else { files[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
        }
        return (files, folders)
    }

    static func expectSameTree(_ a: URL, _ b: URL) throws {
        let ta = try tree(a), tb = try tree(b)
        #expect(ta.folders == tb.folders)
        #expect(Set(ta.files.keys).symmetricDifference(tb.files.keys).sorted() == [])
        let differing = ta.files.keys.filter { ta.files[$0] != tb.files[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }

    /// inode and modification time of every file: what "not touched" means.
    static func stamps(_ root: URL) throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            var info = stat()
            guard stat(root.appendingPathComponent(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            out[path] = [Int(info.st_ino), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        }
        return out
    }

    /// One report replaced by different text at the same path, and one removed.
    static func changeOneAndRemoveOne(in content: URL) throws -> (changed: String, removed: String) {
        let inputs = InputDiscovery.files(in: content)
        let changed = inputs[3], removed = inputs[inputs.count - 2]
        let other = SampleGenerator(options: .init(count: 1, years: [2024], seed: 99)).generate()[0]
        try other.data.write(to: changed.url)
        try FileManager.default.removeItem(at: removed.url)
        return (changed.source, removed.source)
    }

    @Test func twoBuildsOfTheSameInputsAreByteIdentical() throws {
        let content = try Self.corpus()
        let a = content.deletingLastPathComponent().appendingPathComponent("A")
        let b = content.deletingLastPathComponent().appendingPathComponent("B")
        _ = try Self.build(content, into: a)
        _ = try Self.build(content, into: b)
        try Self.expectSameTree(a, b)
    }

    @Test func anIncrementalBuildEqualsACleanBuild() throws {
        let content = try Self.corpus()
        let incremental = content.deletingLastPathComponent().appendingPathComponent("Incremental")
        let first = try Self.build(content, into: incremental)
        #expect(!first.incremental && first.cacheHits == 0)
        let (changed, removed) = try Self.changeOneAndRemoveOne(in: content)
        let second = try Self.build(content, into: incremental)
        #expect(second.incremental)
        // Every input but the changed one comes from the cache.
        #expect(second.cacheHits == second.inputs - 1)
        #expect(second.filesRemoved >= 3, "the removed report's page, record and source copy")
        #expect(second.filesWritten < second.files / 2)
        let clean = content.deletingLastPathComponent().appendingPathComponent("Clean")
        _ = try Self.build(content, into: clean, clean: true)
        try Self.expectSameTree(incremental, clean)
        let removedPage = incremental.appendingPathComponent(SitePaths.report(SitePaths.reportID(source: removed)))
        #expect(!FileManager.default.fileExists(atPath: removedPage.path))
        let changedPage = incremental.appendingPathComponent(SitePaths.report(SitePaths.reportID(source: changed)))
        #expect(try String(contentsOf: changedPage, encoding: .utf8).contains("（样例数据）"))

        // The changed report's entry was appended to the read cache (one of 36 is not enough dead
        // space to rewrite it), and the next build finds every input there.
        let third = try Self.build(content, into: incremental)
        #expect(third.cacheHits == third.inputs && third.filesWritten == 0)
    }

    @Test func unchangedFilesAreNotTouched() throws {
        let content = try Self.corpus()
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        _ = try Self.build(content, into: output)
        let before = try Self.stamps(output)
        let bytes = try Self.tree(output).files
        let cacheBefore = try Self.stamps(output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache"))

        // Nothing changed: nothing is written but the build report.
        let again = try Self.build(content, into: output)
        #expect(again.filesWritten == 0 && again.filesRemoved == 0 && again.cacheHits == again.inputs)
        let unchanged = try Self.stamps(output)
        #expect(unchanged.filter { $0.key != SiteBuilder.buildReport } == before.filter { $0.key != SiteBuilder.buildReport })
        // Nor are the build cache's manifest and memo written again.
        let cache = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
        let cacheStamps = try Self.stamps(cache)
        for name in ["manifest.txt", BuildMemo.fileName] { #expect(cacheStamps[name] != nil && cacheStamps[name] == cacheBefore[name], "\(name)") }

        // One report changed: a file keeps its inode and time exactly when its bytes are the same.
        _ = try Self.changeOneAndRemoveOne(in: content)
        let third = try Self.build(content, into: output)
        let after = try Self.stamps(output), newBytes = try Self.tree(output).files
        var touched = 0
        for (path, stamp) in after where path != SiteBuilder.buildReport && path != SiteBuilder.marker {
            if bytes[path] == newBytes[path] {
                #expect(stamp == before[path], "\(path) rewritten with the same bytes")
            } else {
                touched += 1
                #expect(stamp != before[path])
            }
        }
        #expect(touched == third.filesWritten)
        #expect(touched > 0 && touched < after.count / 2)
        // Files changed, so the manifest did too.
        #expect(try Self.stamps(cache)["manifest.txt"] != cacheBefore["manifest.txt"])
    }

    /// Inputs unchanged since the last build are not even read (their file status says so); a
    /// file changed since is read, and the result is still a clean build's.
    @Test func unchangedInputsAreNotReadAgain() throws {
        let content = try Self.corpus(count: 12)
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        // A file's status is trusted only once it is older than the build by two seconds.
        Thread.sleep(forTimeInterval: 2.2)
        let first = try Self.build(content, into: output)
        #expect(first.statusHits == 0)
        let second = try Self.build(content, into: output)
        #expect(second.statusHits == second.inputs && second.filesWritten == 0)

        let inputs = InputDiscovery.files(in: content)
        let other = SampleGenerator(options: .init(count: 1, years: [2024], seed: 99)).generate()[0]
        try other.data.write(to: inputs[2].url)
        let third = try Self.build(content, into: output)
        #expect(third.statusHits == third.inputs - 1)
        #expect(third.cacheHits == third.inputs - 1)
        let clean = content.deletingLastPathComponent().appendingPathComponent("Clean")
        _ = try Self.build(content, into: clean, clean: true)
        try Self.expectSameTree(output, clean)
    }

    @Test func cleanBuildParsesEverythingAndRewritesEveryFile() throws {
        let content = try Self.corpus(count: 12)
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        _ = try Self.build(content, into: output)
        let clean = try Self.build(content, into: output, clean: true)
        #expect(!clean.incremental && clean.cacheHits == 0 && clean.filesWritten == clean.files)
        #expect(!clean.matchesReused, "a clean build scores the narratives' pairs again")
    }

    @Test(arguments: [false, true])
    func anInterruptedBuildLeavesThePreviousSiteIntact(clean: Bool) throws {
        let content = try Self.corpus()
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        _ = try Self.build(content, into: output)
        let before = try Self.tree(output)
        let stampsBefore = try Self.stamps(output)
        _ = try Self.changeOneAndRemoveOne(in: content)
        // Fails part-way through writing (a full build, or an incremental one).
        #expect(throws: (any Error).self) { try Self.build(content, into: output, clean: clean, interruptAfter: 5) }
        let after = try Self.tree(output)
        #expect(after.files == before.files && after.folders == before.folders)
        #expect(try Self.stamps(output) == stampsBefore)
        // The next build recovers and is complete.
        _ = try Self.build(content, into: output)
        let reference = content.deletingLastPathComponent().appendingPathComponent("Reference")
        _ = try Self.build(content, into: reference, clean: true)
        try Self.expectSameTree(output, reference)
    }

    @Test func anInterruptedPublicationIsFinishedByTheNextBuild() throws {
        let content = try Self.corpus()
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        _ = try Self.build(content, into: output)
        _ = try Self.changeOneAndRemoveOne(in: content)
        // Stops right after the commit point, before any file is moved in.
        var options = SiteBuilder.Options(content: content, output: output, theme: Self.theme)
        options.interruptAtCommitPoint = true
        #expect(throws: (any Error).self) { try SiteBuilder(options: options).build() }
        let publication = Publication(output: output)
        #expect(FileManager.default.fileExists(atPath: publication.staging.appendingPathComponent(Publication.journalName).path))
        // The next build first finishes that publication, then finds nothing more to write.
        let next = try Self.build(content, into: output)
        #expect(next.incremental && next.filesWritten == 0 && next.filesRemoved == 0)
        #expect(!FileManager.default.fileExists(atPath: publication.staging.path))
        let reference = content.deletingLastPathComponent().appendingPathComponent("Reference")
        _ = try Self.build(content, into: reference, clean: true)
        try Self.expectSameTree(output, reference)
    }

    /// Two builds of one output at once (two terminals, an overlapping cron job): the second stops
    /// with a clear message and touches nothing, neither the output nor the first one's staging.
    @Test func aSecondBuildOfTheSameOutputStopsWhileTheFirstRuns() throws {
        let content = try Self.corpus(count: 12)
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        _ = try Self.build(content, into: output)
        _ = try Self.changeOneAndRemoveOne(in: content)
        let before = try Self.tree(output), stampsBefore = try Self.stamps(output)
        let publication = Publication(output: output)
        let staged = publication.staging.appendingPathComponent("index.html")
        do {
            // What a running build holds: its lock, and a staging folder it is writing.
            let running = try publication.lock()
            try publication.prepareStaging()
            try Data("being written".utf8).write(to: staged)
            withExtendedLifetime(running) {
                #expect { try Self.build(content, into: output) } throws: { "\($0)".contains("另一次构建正在写入输出文件夹") }
            }
        }
        #expect(try Data(contentsOf: staged) == Data("being written".utf8))
        let after = try Self.tree(output)
        #expect(after.files == before.files && after.folders == before.folders)
        #expect(try Self.stamps(output) == stampsBefore)
        // Released (the first build ended): the next build runs, and gives a clean build's bytes.
        let next = try Self.build(content, into: output)
        #expect(next.incremental && next.filesWritten > 0)
        let reference = content.deletingLastPathComponent().appendingPathComponent("Reference")
        _ = try Self.build(content, into: reference, clean: true)
        try Self.expectSameTree(output, reference)
    }

    /// Each report page links the copy of its own input, and the unread page the copy of each
    /// unread one, with inputs that gave no report mixed in among those that did (the build keeps
    /// each record's copy and read key by its place, not by path).
    @Test func everyPageLinksItsOwnInputsCopy() throws {
        let content = try Self.corpus(count: 24)
        for name in ["北京市/0-无法读取.pdf", "福建省/zz-无法读取.docx"] {
            let url = content.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("不是 \(name)".utf8).write(to: url)
        }
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        let summary = try Self.build(content, into: output)
        #expect(summary.unread == 2 && summary.reports == 24)
        let link = try Regex(#"<th scope="row">原文件</th>\s*<td><a href="\.\./([^"]+)">([^<]+)</a>"#)
        var checked = 0
        for page in try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("reports").path) where page.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent("reports/\(page)"), encoding: .utf8)
            let match = try #require(html.firstMatch(of: link), "\(page)")
            let copy = output.appendingPathComponent(String(match.output[1].substring!))
            let source = content.appendingPathComponent(String(match.output[2].substring!))
            #expect(try Data(contentsOf: copy) == Data(contentsOf: source), "\(page)")
            checked += 1
        }
        #expect(checked == 24)
        let unread = try String(contentsOf: output.appendingPathComponent("unread.html"), encoding: .utf8)
        for name in ["北京市/0-无法读取.pdf", "福建省/zz-无法读取.docx"] {
            let row = try Regex("\(name)</th>\\s*<td>[^<]*</td>\\s*<td><a href=\"([^\"]+)\">下载</a>")
            let match = try #require(unread.firstMatch(of: row), "\(name)")
            #expect(try Data(contentsOf: output.appendingPathComponent(String(match.output[1].substring!))) == Data("不是 \(name)".utf8))
        }
    }

    @Test func buildReportHoldsCountsAndTimings() throws {
        let content = try Self.corpus(count: 12)
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        let summary = try Self.build(content, into: output)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(SiteBuilder.buildReport))) as! [String: Any]
        #expect(json["reports"] as? Int == summary.reports && summary.reports == 12)
        #expect(json["pages"] as? Int == summary.pages && summary.pages > 12)
        #expect(json["mode"] as? String == "full")
        let stages = (json["stages"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(stages == ["discover", "read", "analyse", "downloads", "render+write"])
    }
}

// Incremental builds after each kind of change a user makes, checked as the user would: the
// site equals what a clean build of the same inputs gives, byte for byte, and after a small
// change only the pages showing it are made again (the build memo reuses the rest).
extension IncrementalBuildTests {
    typealias Build = IncrementalBuildTests

    enum Change: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case oneCell, reportRemoved, reportAddedInNewRegion, sidecarAdded, sidecarChanged, siteTitle, themeTemplate
        var testDescription: String { rawValue }
        /// Changes to the settings or the theme make every page again; the others only some.
        var remakesEverything: Bool { self == .siteTitle || self == .themeTemplate }
        /// Whether the narratives' same-year matches stay the last build's (nil: it depends on
        /// whether the new name sorts its report elsewhere or joins it to another organ).
        var keepsMatches: Bool? {
            switch self {
            case .oneCell, .siteTitle, .themeTemplate: true
            case .reportRemoved, .reportAddedInNewRegion: false
            case .sidecarAdded, .sidecarChanged: nil
            }
        }
    }

    /// A content folder and a theme of its own (so the theme can be edited).
    struct Fixture {
        let content: URL
        let theme: URL
        var root: URL { content.deletingLastPathComponent() }
        var inputs: [InputDiscovery.Input] { InputDiscovery.files(in: content) }

        init(count: Int = 40) throws {
            content = try Build.corpus(count: count)
            theme = content.deletingLastPathComponent().appendingPathComponent("Theme")
            try FileManager.default.copyItem(at: Build.theme, to: theme)
        }

        func build(_ folder: String, clean: Bool = false) throws -> SiteBuilder.Summary {
            try Build.build(content, into: root.appendingPathComponent(folder), theme: theme, clean: clean)
        }

        /// The first Markdown report, whose table-3 rows are one line each.
        var markdownInput: InputDiscovery.Input { inputs.first { $0.url.pathExtension == "md" }! }

        /// Sets the total column of table 3's 本年新收 row: the organ's requests received change
        /// (to the most of its peers), so its rankings, its region's totals and its history do too.
        func changeReceived(in input: InputDiscovery.Input, to value: Int = 987_654) throws {
            let text = try String(contentsOf: input.url, encoding: .utf8)
            var changed = false
            let lines = text.components(separatedBy: "\n").map { line -> String in
                guard !changed, line.contains(RequestRow.new.label) else { return line }
                var cells = line.components(separatedBy: "|")
                guard let last = cells.indices.last(where: { Int(cells[$0].trimmingCharacters(in: .whitespaces)) != nil }) else { return line }
                cells[last] = " \(value) "
                changed = true
                return cells.joined(separator: "|")
            }
            #expect(changed, "no 本年新收 row in \(input.source)")
            try lines.joined(separator: "\n").write(to: input.url, atomically: true, encoding: .utf8)
        }

        func writeSidecar(for input: InputDiscovery.Input, agency: String) throws {
            let url = input.url.deletingPathExtension().appendingPathExtension("yml")
            try "agency: \(agency)\nsource_url: https://www.example.gov.cn/\(agency.count)\n".write(to: url, atomically: true, encoding: .utf8)
        }

        /// A generated report whose county no report of the corpus is in.
        func addReportInANewRegion() throws -> String {
            let known = Set(inputs.compactMap { input -> String? in
                if case .report(let r) = ReportReader.read(contentsOf: input.url, source: input.source) { return r.region.adcode }
                return nil
            })
            for seed in UInt64(500)..<UInt64(600) {
                let file = SampleGenerator(options: .init(count: 1, years: [2024], seed: seed)).generate()[0]
                guard let code = file.truth.region.adcode, !known.contains(code) else { continue }
                let url = content.appendingPathComponent("新地区").appendingPathComponent(file.path.split(separator: "/").last.map(String.init)!)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
                return code
            }
            Issue.record("no generated report in a new region")
            return ""
        }

        func apply(_ change: Change) throws {
            switch change {
            case .oneCell: try changeReceived(in: markdownInput)
            case .reportRemoved: try FileManager.default.removeItem(at: inputs[inputs.count / 2].url)
            case .reportAddedInNewRegion:
                let code = try addReportInANewRegion()
                #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Output/" + SitePaths.region(code, year: 2024)).path))
            case .sidecarAdded, .sidecarChanged: try writeSidecar(for: inputs[5], agency: "更正后的机关名称（样例数据）")
            case .siteTitle: try "title: 改过的站点标题\n".write(to: content.appendingPathComponent(SiteConfig.fileName), atomically: true, encoding: .utf8)
            case .themeTemplate:
                let layout = theme.appendingPathComponent("templates/layout.mustache")
                try (String(contentsOf: layout, encoding: .utf8) + "<!-- 主题已修改 -->\n").write(to: layout, atomically: true, encoding: .utf8)
            }
        }
    }

    @Test(arguments: Change.allCases)
    func anIncrementalBuildAfterAChangeEqualsACleanBuild(_ change: Change) throws {
        let fixture = try Fixture()
        if change == .sidecarChanged { try fixture.writeSidecar(for: fixture.inputs[5], agency: "旁注所写机关（样例数据）") }
        _ = try fixture.build("Output")
        try fixture.apply(change)
        let incremental = try fixture.build("Output")
        #expect(incremental.incremental)
        #expect(incremental.filesWritten > 0, "the change shows somewhere")
        if let keepsMatches = change.keepsMatches { #expect(incremental.matchesReused == keepsMatches) }
        if change.remakesEverything {
            #expect(incremental.jobsReused == 0)
        } else {
            #expect(incremental.jobsReused > 0)
        }
        _ = try fixture.build("Clean", clean: true)
        try Build.expectSameTree(fixture.root.appendingPathComponent("Output"), fixture.root.appendingPathComponent("Clean"))
    }

    /// The changed report's 本年新收 total, as its published record says.
    func received(_ fixture: Fixture, _ folder: String) throws -> Int? {
        let id = SitePaths.reportID(source: fixture.markdownInput.source)
        let data = try Data(contentsOf: fixture.root.appendingPathComponent(folder).appendingPathComponent(SitePaths.reportJSON(id)))
        let record = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let row = (record?["requests"] as? [String: Any])?[RequestRow.new.rawValue] as? [Any]
        return row?.last as? Int
    }

    @Test func afterOneCellChangesOnlyThePagesShowingItAreMadeAgain() throws {
        let fixture = try Fixture(count: 80)
        _ = try fixture.build("Output")
        #expect(try received(fixture, "Output") != 987_654)
        // Nothing changed: every job is reused and nothing written.
        let unchanged = try fixture.build("Output")
        let jobs = unchanged.jobsReused
        #expect(unchanged.filesWritten == 0 && jobs > 100)

        let before = try Build.tree(fixture.root.appendingPathComponent("Output")).files
        try fixture.changeReceived(in: fixture.markdownInput)
        let changed = try fixture.build("Output")
        let after = try Build.tree(fixture.root.appendingPathComponent("Output")).files
        let remade = jobs - changed.jobsReused
        // The organ's pages that show a changed figure or place in a ranking (the changed report,
        // its organ's other year, and its peers whose place moved), its region chain (up to four),
        // its year's and quality list pages, one ranking page per metric, the pages summing up
        // everything, the changed input's copy, and the downloads whose rows changed (a download
        // job makes one folder of data/: a year's or a year and province's).
        let reportPages = after.keys.filter { $0.hasPrefix("reports/") && $0.hasSuffix(".html") && after[$0] != before[$0] }.count
        let downloadJobs = Set(after.keys.filter { $0.hasPrefix("data/") && after[$0] != before[$0] }.map { ($0 as NSString).deletingLastPathComponent }).count
        let bound = reportPages + 4 + 2 + MetricCatalogue.all.count + 8 + 1 + downloadJobs
        #expect(reportPages >= 1 && remade >= reportPages && remade <= bound, "\(remade) of \(jobs) jobs made again, \(reportPages) report pages and \(downloadJobs) download folders changed")
        #expect(changed.filesWritten <= bound * 2 + 10, "\(changed.filesWritten) files written")
        #expect(try received(fixture, "Output") == 987_654)
        _ = try fixture.build("Clean", clean: true)
        try Build.expectSameTree(fixture.root.appendingPathComponent("Output"), fixture.root.appendingPathComponent("Clean"))
    }
}

// A build with nothing changed does nothing (see `BuildStamp`); any change makes it run.
extension IncrementalBuildTests {
    static func counts(_ s: SiteBuilder.Summary) -> [Int] { [s.reports, s.unread, s.errors, s.warnings, s.files, s.pages] }

    static func buildReport(_ output: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent(SiteBuilder.buildReport))) as! [String: Any]
    }

    @Test func aBuildWithNothingChangedDoesNothing() throws {
        let fixture = try Build.Fixture(count: 16)
        let output = fixture.root.appendingPathComponent("Output")
        let first = try fixture.build("Output")
        #expect(!first.upToDate)
        let before = try Build.stamps(output).filter { $0.key != SiteBuilder.buildReport }

        let again = try fixture.build("Output")
        #expect(again.upToDate && again.incremental && again.filesWritten == 0 && again.filesRemoved == 0)
        #expect(Build.counts(again) == Build.counts(first), "the summary repeats the build that made the site")
        #expect(again.cacheHits == again.inputs && again.filesUnchanged == again.files)
        #expect(again.stages.map(\.name) == ["check"])
        #expect(try Build.stamps(output).filter { $0.key != SiteBuilder.buildReport } == before)
        let report = try Build.buildReport(output)
        #expect(report["mode"] as? String == "unchanged" && report["reports"] as? Int == first.reports && report["files"] as? Int == first.files)

        // The same bytes written again (a new modification time): hashed, found unchanged.
        let input = fixture.inputs[3]
        try Data(contentsOf: input.url).write(to: input.url)
        #expect(try fixture.build("Output").upToDate)

        // Each kind of change runs the build, and the build after it does nothing again.
        for change in [Build.Change.oneCell, .sidecarAdded, .siteTitle, .themeTemplate] {
            try fixture.apply(change)
            let changed = try fixture.build("Output")
            #expect(!changed.upToDate && changed.filesWritten > 0, "\(change)")
            #expect(try Build.buildReport(output)["mode"] as? String == "incremental")
            #expect(try fixture.build("Output").upToDate, "\(change)")
        }
        _ = try fixture.build("Clean", clean: true)
        try Build.expectSameTree(output, fixture.root.appendingPathComponent("Clean"))
        // --clean never takes the shortcut.
        #expect(try !fixture.build("Output", clean: true).upToDate)
    }

    /// The stamp describes one output: a build that failed, an output replaced by hand, or an
    /// input read without a cache key (here a FIFO) means the build runs.
    @Test func theShortcutIsTakenOnlyWhenTheStampDescribesTheOutputInPlace() throws {
        let fixture = try Build.Fixture(count: 12)
        let output = fixture.root.appendingPathComponent("Output")
        _ = try fixture.build("Output")

        // A failed build removes the stamp; the next one runs and restores it.
        try fixture.changeReceived(in: fixture.markdownInput)
        #expect(throws: (any Error).self) { try Build.build(fixture.content, into: output, theme: fixture.theme, interruptAfter: 1) }
        #expect(try !fixture.build("Output").upToDate)
        #expect(try fixture.build("Output").upToDate)

        // Another site's marker in place: not the output the stamp describes.
        let marker = output.appendingPathComponent(SiteBuilder.marker)
        try SiteBuilder.markerText(ContentHash("another manifest")).write(to: marker, atomically: true, encoding: .utf8)
        let replaced = try fixture.build("Output")
        #expect(!replaced.upToDate && !replaced.incremental)
        #expect(try fixture.build("Output").upToDate)

        // A FIFO is listed as unread, without a key: every build runs.
        let fifo = fixture.content.appendingPathComponent("管道.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        _ = try fixture.build("Output")
        let withFIFO = try fixture.build("Output")
        #expect(!withFIFO.upToDate && withFIFO.filesWritten == 0 && withFIFO.unread == 1)
    }
}
