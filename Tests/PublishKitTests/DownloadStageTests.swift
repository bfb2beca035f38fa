import Analysis
import Foundation
import Ingest
@testable import PublishKit
import ReportModel
import SampleCorpus
import Site
import Testing

/// The downloads stage across builds: after one report changes, only the partition holding it
/// (and the year's summary, when its figures change) is made again, and what the build ends with
/// is what a clean build makes, file for file and on the downloads page.
@Suite struct DownloadStageTests {
    /// The sample corpus read as a build reads it, with a digest per input.
    static func records() throws -> [ReportRecord] {
        let content = try IncrementalBuildTests.corpus()
        return InputDiscovery.files(in: content).compactMap { input in
            if case .report(let r) = ReportReader.read(contentsOf: input.url, source: input.source) { return r }
            return nil
        }
    }

    /// A read key per record, in the records' order, as the read stage gives them.
    static func readKeys(_ records: [ReportRecord]) -> [ContentHash?] {
        records.map { r in ContentHash((try? r.jsonData()) ?? Data()) }
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("downloads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func run(_ records: [ReportRecord], after previous: DirectoryWriter? = nil) throws -> (DirectoryWriter, DownloadStage.Outcome) {
        let root = try folder()
        let writer = DirectoryWriter(root: root, previous: previous?.newManifest, previousMemo: previous?.newMemo)
        let outcome = try DownloadStage.run(Dataset(records: records), readKeys: readKeys(records), writer: writer)
        // Databases are made in memory: nothing but the site's files lands in the folder.
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "stray files: \(left)")
        return (writer, outcome)
    }

    /// What the downloads page is made from, as comparable text.
    static func listing(_ entries: [DownloadEntry]) -> [String] {
        entries.flatMap { kind in kind.files.map { "\(kind.name) \($0.path) \($0.bytes) \($0.rows.map(String.init) ?? "-") \($0.provinceName ?? "")" } }
    }

    @Test func oneChangedReportRemakesOnlyItsPartition() throws {
        let records = try Self.records()
        let (first, made) = try Self.run(records)
        #expect(made.made.count > 3 && made.made.contains("downloads/2024"))
        // Every job memoized: a partition by its digest, a year's files by the inputs of their rows.
        let yearJobs = made.made.filter { $0.split(separator: "/").count == 2 }
        #expect(yearJobs.count >= 2)
        let memoKeys = made.made.map { yearJobs.contains($0) ? $0 + "+inputs" : $0 }
        #expect(Set(first.newMemo.entries.keys) == Set(memoKeys), "every job memoized")

        // Nothing changed: nothing is made, and the page's listing is the same.
        let (same, unchanged) = try Self.run(records, after: first)
        #expect(unchanged.made == [])
        #expect(Self.listing(unchanged.entries) == Self.listing(made.entries))
        #expect(same.newManifest == first.newManifest)

        // A cell no figure reads (a fee) corrected in one report.
        let index = try #require(records.firstIndex { $0.year == 2024 && $0.region.adcode?.count == 6 })
        var changed = records
        changed[index].active.fees10kYuan = (changed[index].active.fees10kYuan ?? 0) + 1
        let province = String(records[index].region.adcode!.prefix(2)) + "0000"
        let (incremental, remade) = try Self.run(changed, after: first)
        // 2024's rows are made again from their new inputs, but come out the same: only the
        // province's files are written.
        #expect(remade.made == ["downloads/2024", "downloads/2024/\(province)"])
        #expect(!incremental.changedPaths.isEmpty && incremental.changedPaths.allSatisfy { $0.hasPrefix("data/2024/\(province)/") },
                "\(incremental.changedPaths)")

        // The same as a clean build of the changed records, file for file and on the page.
        let (clean, all) = try Self.run(changed)
        #expect(incremental.newManifest == clean.newManifest)
        #expect(Self.listing(remade.entries) == Self.listing(all.entries))
        #expect(incremental.newManifest.entries["data/2024/\(province)/cells.csv"] != first.newManifest.entries["data/2024/\(province)/cells.csv"])

        // 2024's inputs recorded anew; the other years' rows were not made at all, their entries kept.
        let old = first.newMemo.entries, new = incremental.newMemo.entries
        #expect(new["downloads/2024+inputs"] != nil && new["downloads/2024+inputs"] != old["downloads/2024+inputs"])
        for key in yearJobs where key != "downloads/2024" { #expect(new[key + "+inputs"] == old[key + "+inputs"], "\(key)") }
        #expect(Set(new.keys) == Set(old.keys))
        // And the build after that takes 2024's files by their inputs.
        let (_, after) = try Self.run(changed, after: incremental)
        #expect(after.made == [])
    }

    @Test func anIncrementalBuildAfterOneCorrectedCellEqualsACleanBuild() throws {
        let content = try IncrementalBuildTests.corpus()
        let root = content.deletingLastPathComponent()
        let output = root.appendingPathComponent("Output"), clean = root.appendingPathComponent("Clean")
        _ = try IncrementalBuildTests.build(content, into: output)
        let before = try IncrementalBuildTests.stamps(output)

        // One fee (表二 行政事业性收费) corrected in one text report.
        let label = ActiveItem.fees.label
        var edited: String?
        for input in InputDiscovery.files(in: content) where input.url.pathExtension == "txt" {
            let text = try String(contentsOf: input.url, encoding: .utf8)
            guard let at = text.range(of: label),
                  let number = text[at.upperBound...].firstMatch(of: /[0-9]+(\.[0-9]+)?/) else { continue }
            try text.replacingCharacters(in: number.range, with: "\(Double(number.output.0)! + 1)").write(to: input.url, atomically: true, encoding: .utf8)
            edited = input.source
            break
        }
        let source = try #require(edited)
        let summary = try IncrementalBuildTests.build(content, into: output)
        _ = try IncrementalBuildTests.build(content, into: clean, clean: true)
        try IncrementalBuildTests.expectSameTree(output, clean)
        #expect(summary.jobsReused > 0)

        // Of the downloads, only the changed partition's files were written.
        let after = try IncrementalBuildTests.stamps(output)
        let touched = after.keys.filter { $0.hasPrefix("data/") && before[$0] != after[$0] }.sorted()
        #expect(!touched.isEmpty && Set(touched.map { $0.split(separator: "/").prefix(3).joined(separator: "/") }).count == 1,
                "\(source): \(touched)")
        #expect(touched.allSatisfy { !$0.hasSuffix("/reports.csv") && !$0.hasSuffix("/regions.csv") }, "the year's summaries hold no fee")
    }
}
