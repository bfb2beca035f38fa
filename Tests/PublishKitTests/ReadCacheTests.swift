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
        out.append(("unread.txt", .unread(UnreadFile(source: "unread.txt", reason: "测试：无法读取"))))
        return out
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
}
