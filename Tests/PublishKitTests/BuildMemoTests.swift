import Foundation
@testable import PublishKit
import ReportModel
import Site
import Testing

/// The build memo as an incremental build uses it: a job whose inputs' digest is unchanged is
/// skipped and its files kept as they are; any other digest, a missing file or a memo saved with
/// another salt or manifest makes the job run.
@Suite struct BuildMemoTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func digest(_ text: String) -> ContentHash {
        var d = DigestBuilder("test")
        d.add(text)
        return d.digest
    }

    /// One build of two jobs; returns the writer after it.
    static func run(_ root: URL, previous: OutputManifest?, memo: BuildMemo?, digests: (String, String)) throws -> (DirectoryWriter, made: [String]) {
        let writer = DirectoryWriter(root: root, previous: previous, previousMemo: memo)
        var made: [String] = []
        for (key, digest) in [("a", digests.0), ("b", digests.1)] {
            let count = try writer.memoized(key, digest: Self.digest(digest)) {
                made.append(key)
                return [SiteFile(path: "\(key)/page.html", text: "<p>\(digest)</p>"), SiteFile(path: "\(key)/data.json", text: digest)]
            }
            #expect(count == (made.last == key ? 2 : 0))
        }
        return (writer, made)
    }

    @Test func anUnchangedJobIsSkippedAndItsFilesCarriedOver() throws {
        let first = try Self.run(try Self.folder(), previous: nil, memo: nil, digests: ("1", "1"))
        #expect(first.made == ["a", "b"])
        let manifest = first.0.newManifest, memo = first.0.newMemo
        #expect(memo.entries["a"]?.paths == ["a/page.html", "a/data.json"])

        let second = try Self.run(try Self.folder(), previous: manifest, memo: memo, digests: ("1", "2"))
        #expect(second.made == ["b"])
        #expect(second.0.jobsReused == 1)
        #expect(second.0.newManifest.entries["a/page.html"] == manifest.entries["a/page.html"])
        #expect(second.0.newManifest.entries.count == 4)
        #expect(second.0.pagesMade == 2, "a carried page still counts as a page of the site")
        #expect(second.0.changedPaths == ["b/data.json", "b/page.html"])
    }

    @Test func withoutTheFilesInTheManifestTheJobRuns() throws {
        let first = try Self.run(try Self.folder(), previous: nil, memo: nil, digests: ("1", "1"))
        var manifest = first.0.newManifest
        manifest.entries["a/data.json"] = nil
        let second = try Self.run(try Self.folder(), previous: manifest, memo: first.0.newMemo, digests: ("1", "1"))
        #expect(second.made == ["a"])
        // No previous manifest (a full build): the memo is not used at all.
        let full = try Self.run(try Self.folder(), previous: nil, memo: first.0.newMemo, digests: ("1", "1"))
        #expect(full.made == ["a", "b"])
    }

    @Test func theMemoFileIsOnlyTrustedWithItsSaltAndManifest() throws {
        let first = try Self.run(try Self.folder(), previous: nil, memo: nil, digests: ("1", "2"))
        let cache = try Self.folder()
        let salt = Self.digest("salt"), manifest = first.0.newManifest.digest
        try first.0.newMemo.save(to: cache, salt: salt, manifest: manifest)
        #expect(BuildMemo.load(from: cache, salt: salt, manifest: manifest) == first.0.newMemo)
        #expect(BuildMemo.load(from: cache, salt: Self.digest("other theme"), manifest: manifest) == nil)
        #expect(BuildMemo.load(from: cache, salt: salt, manifest: Self.digest("other output")) == nil)
    }

    /// Two jobs claiming one path fail the build, whichever of them ran: the second write is
    /// refused before it touches the file, and a path carried over that another job also wrote
    /// (or that two carried jobs share) fails when the writer's tables are put together.
    @Test func twoJobsClaimingOnePathFailTheBuild() throws {
        let first = try Self.run(try Self.folder(), previous: nil, memo: nil, digests: ("1", "1"))
        let twice = DirectoryWriter(root: try Self.folder())
        try twice.write(SiteFile(path: "x.html", text: "1"))
        #expect(throws: BuildError.self) { try twice.write(SiteFile(path: "x.html", text: "2")) }

        let carriedAndWritten = DirectoryWriter(root: try Self.folder(), previous: first.0.newManifest, previousMemo: first.0.newMemo)
        #expect(carriedAndWritten.reuse("a", digest: Self.digest("1")))
        try carriedAndWritten.write(SiteFile(path: "a/page.html", text: "another job's page"))
        #expect(throws: BuildError.self) { try carriedAndWritten.finish() }

        var memo = first.0.newMemo
        memo.entries["c"] = memo.entries["a"]
        let carriedTwice = DirectoryWriter(root: try Self.folder(), previous: first.0.newManifest, previousMemo: memo)
        #expect(carriedTwice.reuse("a", digest: Self.digest("1")) && carriedTwice.reuse("c", digest: Self.digest("1")))
        #expect(throws: BuildError.self) { try carriedTwice.finish() }
        #expect(carriedTwice.newManifest.entries.isEmpty, "no manifest from a failed build")
    }

    /// The memo file's lines, spelled out: `digest<TAB>key<TAB>path…`, sorted by key.
    @Test func memoLinesAreTheDocumentedText() {
        let memo = BuildMemo(entries: ["report:b": .init(digest: ContentHash("b"), paths: ["reports/b.html", "reports/b.json"]),
                                       "assets": .init(digest: ContentHash(high: 0, low: 1), paths: []),
                                       "region:110000:2024": .init(digest: ContentHash("r"), paths: ["regions/北京市/2024.html"])])
        #expect(memo.lines == "00000000000000000000000000000001\tassets\n"
                    + "\(ContentHash("r"))\tregion:110000:2024\tregions/北京市/2024.html\n"
                    + "\(ContentHash("b"))\treport:b\treports/b.html\treports/b.json\n")
    }

    @Test func aKeyOrPathWithATabIsNeverMemoized() throws {
        let writer = DirectoryWriter(root: try Self.folder())
        writer.made("x\ty", digest: Self.digest("1"), paths: ["p"])
        writer.made("z", digest: Self.digest("1"), paths: ["p\tq"])
        #expect(writer.newMemo.entries.isEmpty)
    }
}

/// Content hashes as the build cache's files spell them: 32 hex digits, leading zeros kept.
@Suite struct ContentHashTextTests {
    @Test func hexRoundTripsAndRejectsAnythingElse() {
        let hashes = [ContentHash(high: 0, low: 0), ContentHash(high: 1, low: 0xF), ContentHash(high: .max, low: .max),
                      ContentHash(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210), ContentHash("记录")]
        for hash in hashes {
            let text = hash.description
            #expect(text.utf8.count == 32 && text == text.lowercased())
            #expect(text == String(repeating: "0", count: 16 - String(hash.high, radix: 16).count) + String(hash.high, radix: 16)
                        + String(repeating: "0", count: 16 - String(hash.low, radix: 16).count) + String(hash.low, radix: 16))
            #expect(ContentHash(hex: Substring(text)) == hash)
            #expect(ContentHash(hex: Substring(text.uppercased())) == hash)
        }
        let good = hashes[3].description
        for bad in ["", String(good.dropLast()), good + "0", "g" + good.dropFirst(), " " + good.dropFirst(), "+" + good.dropFirst(),
                    String(good.dropLast()) + "é"] {
            #expect(ContentHash(hex: Substring(bad)) == nil, "\(bad)")
        }
    }
}

/// The output manifest as the build cache stores it: read back exactly, paths with spaces and
/// Chinese included; a damaged line means the manifest is not trusted at all.
@Suite struct OutputManifestTextTests {
    @Test func textReadsBackExactlyAndADamagedLineIsRefused() {
        var manifest = OutputManifest()
        let paths = ["index.html", "reports/包头市 昆都仑区.html", "data/2024/110000/reports.sqlite", "a b  c.txt", "sources/x.html.txt"]
        for (i, path) in paths.enumerated() {
            manifest.entries[path] = .init(size: i * 1_000_003, hash: ContentHash(path))
        }
        let text = manifest.text
        #expect(OutputManifest.parse(text) == manifest)
        // Spelled out: `hash size path`, sorted by path, sizes in plain decimal.
        #expect(text == paths.enumerated().sorted { $0.element < $1.element }
                    .map { "\(ContentHash($0.element)) \($0.offset * 1_000_003) \($0.element)\n" }.joined())
        let sizes = OutputManifest(entries: ["a": .init(size: 0, hash: ContentHash(high: 0, low: 0)),
                                             "b": .init(size: 10, hash: ContentHash(high: .max, low: 9)),
                                             "c": .init(size: 9_876_543_210, hash: ContentHash(high: 1, low: 0))])
        #expect(sizes.text == "00000000000000000000000000000000 0 a\n"
                    + "ffffffffffffffff0000000000000009 10 b\n"
                    + "00000000000000010000000000000000 9876543210 c\n")
        #expect(OutputManifest.parse("") == OutputManifest())
        let lines = text.split(separator: "\n").map(String.init)
        let hash = lines[0].prefix(32), path = lines[0].split(separator: " ", maxSplits: 2)[2]
        for damaged in ["\(hash)\t7\t\(path)", "zz\(hash.dropFirst(2)) 7 \(path)", "\(hash) -5 \(path)", "\(hash) 7x \(path)", String(lines[0].prefix(40))] {
            #expect(OutputManifest.parse((lines.dropLast() + [damaged]).joined(separator: "\n") + "\n") == nil, "\(damaged)")
        }
    }
}

/// The manifest and memo texts a rebuild writes by replacing a few lines of the previous ones:
/// always the text of writing every line again, wherever the changed lines fall.
@Suite struct PatchedCacheTextTests {
    static func manifest(_ paths: [String], salt: String) -> OutputManifest {
        OutputManifest(entries: Dictionary(uniqueKeysWithValues: paths.map { ($0, .init(size: $0.utf8.count * 7, hash: ContentHash(salt + $0))) }))
    }

    @Test func aPatchedManifestIsTheManifestWrittenWhole() {
        let paths = (0..<300).map { "reports/\(String($0 * 7919 % 1000, radix: 16)).html" } + ["a b  c.txt", "regions/2024/110000.json", "sources/北京市 朝阳区.txt", "zz/last.html"]
        let old = Self.manifest(paths, salt: "1")
        // Replaced (first, middle, last, one with spaces), removed, and added before everything,
        // between lines and after everything.
        let replaced = ["a b  c.txt", paths[0], paths[150], "zz/last.html"], removed = [paths[1], paths[299], "regions/2024/110000.json"]
        let added = ["!first.html", "reports/000-new.html", "reports/\(String(5, radix: 16))x.html", "zzz/after.html"]
        var new = old
        for path in removed { new.entries[path] = nil }
        for path in replaced + added { new.entries[path] = .init(size: 1, hash: ContentHash("2" + path)) }
        #expect(new.text(patching: old.text, changed: replaced + added, removed: removed) == new.text)
        // Nothing changed: the same text.
        #expect(old.text(patching: old.text, changed: [], removed: []) == old.text)
        // A changed path that is not ASCII: written whole, the same text all the same.
        var chinese = old
        chinese.entries["sources/北京市 朝阳区.txt"] = .init(size: 2, hash: ContentHash("3"))
        #expect(chinese.text(patching: old.text, changed: ["sources/北京市 朝阳区.txt"], removed: []) == chinese.text)
    }

    @Test func aPatchedMemoIsTheMemoWrittenWhole() {
        let keys = (0..<200).map { "report:\(String($0 * 104_729 % 5000, radix: 36))" } + ["assets", "region:110000:2024", "source:sources/报告.txt"]
        let old = BuildMemo(entries: Dictionary(uniqueKeysWithValues: keys.map { ($0, .init(digest: ContentHash($0), paths: ["\($0).html", "\($0).json"])) }))
        var new = old
        let changed = ["assets", keys[10], "report:new", "a-first"], removed = [keys[11], "region:110000:2024"]
        for key in removed { new.entries[key] = nil }
        for key in changed { new.entries[key] = .init(digest: ContentHash("new " + key), paths: key == "assets" ? [] : ["\(key).html"]) }
        #expect(new.lines(patching: old.lines, changed: changed, removed: removed) == new.lines)
    }
}
