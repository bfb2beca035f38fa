import Analysis
import Foundation
import Ingest
@testable import PublishKit
import ReportModel
import SampleCorpus
import Testing

/// The read cache gives back exactly the outcome that was parsed: every field of the record and
/// the sidecar's annotations, with the report's own analysis (checks and narrative sketch) in
/// place of the narrative, for real seeds and every sample layout.
@Suite struct ReadCacheTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func outcomes() -> [(String, ReadOutcome)] {
        var out: [(String, ReadOutcome)] = []
        for input in InputDiscovery.files(in: repository.appendingPathComponent("Tests/IngestTests/Fixtures/seeds")) {
            out.append((input.source, ReportReader.read(contentsOf: input.url, source: input.source)))
        }
        for file in SampleGenerator(options: .init(count: 24, years: [2023, 2024], layouts: ReportWriter.Layout.allCases, seed: 5)).generate() {
            out.append((file.path, ReportReader.read(data: file.data, source: file.path)))
        }
        out.append(("trial-format.txt", .report(trialFormatRecord())))
        out.append(("unread.txt", .unread(UnreadFile(source: "unread.txt", reason: "测试：无法读取"))))
        return out
    }

    /// A record with every field the readers can set, the trial format's table 二 and a sidecar's
    /// annotations among them (no sample layout has all of these at once).
    static func trialFormatRecord() -> ReportRecord {
        var record = ReportRecord(source: "trial-format.txt", format: .textPipes, formatVersion: .v2019, scope: .region,
                                  published: "2020-01-31", title: "2019年政府信息公开工作年度报告", agency: "某市人民政府", year: 2019,
                                  region: Region(adcode: "340100", province: "安徽省", prefecture: "合肥市"))
        record.active.rules = .init(issued: 3, repealed: nil, inForce: 41)
        record.active.fees10kYuan = 12.5
        var trial = ActiveDisclosure2019()
        trial.rules.made = 2
        trial.normativeDocuments.publicTotal = -7
        trial.licensing.decisions = 1_234_567_890_123
        trial.otherServices.change = 0
        trial.fees.itemsLastYear = 5
        trial.procurement.amount = 0.001
        record.active2019 = trial
        record.requests[.new, .naturalPerson] = 9
        record.requests[.total, .total] = 0
        record.reviewsAndLawsuits[.review, .upheld] = 2
        record.diagnostics = [Diagnostic(.warning, "blank-cell", where: "表三, 本年新收政府信息公开申请数量, 自然人", "空白", expected: nil, found: "")]
        record.annotations = ReportAnnotations(level: .prefecture, kind: .government, sourceURL: "https://example.gov.cn/a?b=1&c=\"2\"")
        record.narrative.overview = String(repeating: "本机关认真贯彻落实政府信息公开条例，", count: 4)
        return record
    }

    @Test func aSavedCacheGivesBackEveryOutcomeAsParsed() throws {
        let outcomes = Self.outcomes()
        #expect(outcomes.contains { if case .report(let r) = $0.1 { !r.narrative.overview.isEmpty } else { false } })
        var entries: [ReadCache.Entry] = []
        var keys: [ContentHash] = []
        for (source, outcome) in outcomes {
            let key = ReadCache.key(source: source, data: Data(source.utf8), sidecar: nil)
            keys.append(key)
            entries.append(try #require(ReadCache.entry(key: key, outcome: AnalysedOutcome(outcome))))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ReadCache.save(entries, stats: [], to: folder)
        let cache = ReadCache(folder: folder)
        #expect(cache.count == outcomes.count)
        var sketched = 0
        for (i, (source, outcome)) in outcomes.enumerated() {
            let cached = try #require(cache.outcome(for: keys[i]), "\(source)")
            #expect(cached == AnalysedOutcome(outcome), "\(source)")
            guard case .report(let parsed) = outcome else {
                #expect(cached.outcome == outcome && cached.analysis == nil, "\(source)")
                continue
            }
            guard case .report(var record) = cached.outcome else {
                Issue.record("\(source): cached as unread")
                continue
            }
            // The analysis is the one the parsed record gives; the record is the parsed one less its narrative.
            #expect(cached.analysis == ReportAnalysis(parsed), "\(source)")
            #expect(record.narrative == Narrative(), "\(source)")
            record.narrative = parsed.narrative
            #expect(record == parsed, "\(source)")
            if cached.analysis?.sketch != nil { sketched += 1 }
        }
        #expect(sketched > outcomes.count / 2)
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("read-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, outcome) = Self.outcomes()[0]
        let key = ReadCache.key(source: source, data: Data(), sidecar: nil)
        try ReadCache.save([try #require(ReadCache.entry(key: key, outcome: AnalysedOutcome(outcome)))], stats: [], to: folder)
        let url = folder.appendingPathComponent(ReadCache.fileName)
        let intact = try Data(contentsOf: url)
        #expect(ReadCache(folder: folder).outcome(for: key) != nil)
        // One byte changed anywhere in the outcome (a sketch's bins decode from any bytes): a miss.
        for offset in [intact.count / 2, intact.count - 1] {
            var flipped = intact
            flipped[offset] ^= 0x01
            try flipped.write(to: url)
            #expect(ReadCache(folder: folder).outcome(for: key) == nil, "byte \(offset) of \(intact.count)")
        }
        var bytes = intact
        // Truncated in the middle of the outcome: the entry is dropped, nothing crashes.
        bytes = bytes.prefix(bytes.count - 10)
        try bytes.write(to: url)
        #expect(ReadCache(folder: folder).outcome(for: key) == nil)
        // Garbage in place of the outcome: decoding fails and the input is parsed again.
        var garbage = try Data(contentsOf: url)
        garbage.replaceSubrange((garbage.count - 40)..., with: Data(repeating: 0x07, count: 40))
        try (garbage + Data(repeating: 0x07, count: 10)).write(to: url)
        #expect(ReadCache(folder: folder).outcome(for: key) == nil)
    }

    /// The byte form itself, under the checksum: every cut short, lengthened or garbled entry is
    /// refused (a miss), and none crashes the build.
    @Test func theByteFormRefusesEveryTruncationAndGarbage() throws {
        for (source, outcome) in Self.outcomes().prefix(8) + Self.outcomes().suffix(1) {
            let bytes = try #require(AnalysedOutcome(outcome).cacheBytes, "\(source)")
            #expect(try AnalysedOutcome(cacheBytes: bytes[...]) == AnalysedOutcome(outcome), "\(source)")
            for n in 0..<bytes.count {
                #expect((try? AnalysedOutcome(cacheBytes: bytes[..<n])) == nil, "\(source): first \(n) of \(bytes.count) bytes")
            }
            #expect((try? AnalysedOutcome(cacheBytes: (bytes + [0])[...])) == nil, "\(source): a byte too many")
            // Huge lengths and counts, bad tags and raw values: refused, not trusted.
            for fill: UInt8 in [0x00, 0x7F, 0xFF] {
                var garbled = bytes
                for i in stride(from: 1, to: garbled.count, by: 3) { garbled[i] = fill }
                _ = try? AnalysedOutcome(cacheBytes: garbled[...])
            }
        }
        // A report without its analysis has nothing to give back, so it is not cached at all.
        let (_, report) = try #require(Self.outcomes().first)
        #expect(AnalysedOutcome(outcome: report, analysis: nil).cacheBytes == nil)
    }
}

/// A build that parsed few inputs appends their entries to the cache in place; one that would
/// leave much dead space rewrites it; a torn tail from a stopped append is cut off.
@Suite struct ReadCacheAppendTests {
    static func entries(_ n: Int, tag: String) throws -> [ReadCache.Entry] {
        let outcome = ReadOutcome.unread(UnreadFile(source: "x.txt", reason: "test"))
        return try (0..<n).map { i in
            let key = ReadCache.key(source: "\(tag)-\(i).txt", data: Data("\(tag)\(i)".utf8), sidecar: nil)
            return try #require(ReadCache.entry(key: key, outcome: AnalysedOutcome(outcome)))
        }
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("read-cache-append-\(UUID().uuidString)")
    }

    /// A cache of ten saved entries, and one more entry not yet in it.
    static func seeded() throws -> (folder: URL, old: [ReadCache.Entry], added: [ReadCache.Entry]) {
        let folder = folder(), old = try entries(10, tag: "old")
        try ReadCache.save(old, stats: [], to: folder)
        return (folder, old, try entries(1, tag: "new"))
    }

    static func size(_ folder: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(ReadCache.fileName).path)[.size] as! Int
    }

    @Test func fewNewEntriesAreAppendedAndEveryKeptOneStays() throws {
        let (folder, old, added) = try Self.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.size(folder)

        // Nine of ten kept, one new: the dead entry is under a quarter of the live ones.
        let base = ReadCache(folder: folder)
        let writer = ReadCache.PendingWriter(folder: folder, appendingTo: base)
        for entry in old.dropLast() { writer.keep(entry.key) }
        writer.append(added[0])
        let plan = try #require(writer.finish())
        #expect(plan == .append(after: base.storedBytes))
        try ReadCache.commit(stats: [], plan: plan, in: folder)

        let after = ReadCache(folder: folder)
        #expect(try Self.size(folder) == before + 28 + added[0].bytes.count)
        for entry in old + added { #expect(after.outcome(for: entry.key) != nil) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(ReadCache.pendingName).path))
    }

    @Test func muchDeadSpaceRewritesTheCacheWithOnlyLiveEntries() throws {
        let (folder, old, added) = try Self.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }

        let writer = ReadCache.PendingWriter(folder: folder, appendingTo: ReadCache(folder: folder))
        writer.keep(old[0].key)
        writer.append(added[0])
        let plan = try #require(writer.finish())
        #expect(plan == .replace)
        try ReadCache.commit(stats: [], plan: plan, in: folder)

        let after = ReadCache(folder: folder)
        #expect(after.count == 2)
        #expect(after.outcome(for: old[0].key) != nil && after.outcome(for: added[0].key) != nil)
        #expect(after.outcome(for: old[1].key) == nil)
    }

    @Test func aTornTailIsCutOffBeforeTheNextAppend() throws {
        let (folder, old, added) = try Self.seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let intact = try Self.size(folder)
        // An append stopped midway: half an entry after the last complete one.
        let url = folder.appendingPathComponent(ReadCache.fileName)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0xAB, 0xCD, 0x01, 0x02, 0x03, 0x04, 0x05]))
        try handle.close()

        let base = ReadCache(folder: folder)
        #expect(base.count == 10)
        let writer = ReadCache.PendingWriter(folder: folder, appendingTo: base)
        for entry in old { writer.keep(entry.key) }
        writer.append(added[0])
        let plan = try #require(writer.finish())
        try ReadCache.commit(stats: [], plan: plan, in: folder)

        let after = ReadCache(folder: folder)
        #expect(try Self.size(folder) == intact + 28 + added[0].bytes.count)
        for entry in old + added { #expect(after.outcome(for: entry.key) != nil) }
    }
}
