import Foundation
@testable import Ingest
import Testing

/// Each limit lists the file as unread with a reason that names the limit and the value.
@Suite struct LimitTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seeds/000_b705187fbbb0935d.txt")

    static func unreadReason(_ outcome: ReadOutcome) -> String? {
        if case .unread(let u) = outcome { return u.reason }
        return nil
    }

    @Test func fileSizeIsCheckedBeforeReading() throws {
        var limits = ReadLimits.default
        limits.maxFileBytes = 4096
        let reason = try #require(Self.unreadReason(ReportReader.read(contentsOf: Self.seed, source: "seed.txt", limits: limits)))
        #expect(reason.contains("max_file_mb") && reason.contains("超过上限"), "\(reason)")
        // Under the default limit the same file is a report.
        #expect(Self.unreadReason(ReportReader.read(contentsOf: Self.seed, source: "seed.txt")) == nil)
    }

    @Test func tableCellsAreCountedBeforeRecognition() throws {
        var limits = ReadLimits.default
        limits.maxTableCells = 50
        let data = try Data(contentsOf: Self.seed)
        let reason = try #require(Self.unreadReason(ReportReader.read(data: data, source: "seed.txt", limits: limits)))
        #expect(reason.contains("max_table_cells") && reason.contains("上限 50 个"), "\(reason)")
    }

    @Test func unpackedSizeOfAZipIsMeasuredFromItsDirectory() throws {
        var limits = ReadLimits.default
        limits.maxUnpackedBytes = 1 << 20
        // A real zip: one entry of 2 MB of spaces.
        let archive = try ZIPFoundationHelper.zip(name: "word/document.xml", data: Data(repeating: 0x20, count: 2 << 20))
        let reason = try #require(Self.unreadReason(ReportReader.read(data: archive, source: "big.docx", limits: limits)))
        #expect(reason.contains("max_unpacked_mb"), "\(reason)")
    }

    @Test func aReadThatRunsOutOfTimeIsAbandoned() {
        let start = Date()
        let result = Watchdog.run(seconds: 0.3) { () -> Bool in
            // A reader stuck in a loop, checking the deadline as readers do.
            while !ReadDeadline.isExpired { usleep(1000) }
            return true
        }
        #expect(result == nil)
        #expect(Date().timeIntervalSince(start) < 2)
        // Work that finishes in time is returned as is.
        #expect(Watchdog.run(seconds: 5) { 42 } == 42)
        #expect(LimitReason.time(.default).contains("seconds_per_file") && LimitReason.time(.default).contains("20 秒"))
    }

    @inline(never) static func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }

    @Test func aWatchedReadHasADeepStack() {
        // Recursion a default 512 KB–8 MB thread stack could not hold.
        #expect(Watchdog.run(seconds: 20) { Self.depth(400_000) } == 400_000)
    }

    @Test(arguments: [
        ("fifo", "命名管道"), ("dangling", "不存在"), ("loop", "循环"), ("dir-link", "文件夹"),
    ])
    func entriesThatAreNotFilesAreNamed(_ kind: String, _ text: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kind-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.txt").path
        switch kind {
        case "fifo": #expect(mkfifo(path, 0o644) == 0)
        case "dangling": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere")
        case "loop": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "x.txt")
        default: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: ".")
        }
        // A FIFO would block an open(); the check never opens it.
        let reason = try #require(Self.unreadReason(ReportReader.read(contentsOf: URL(fileURLWithPath: path), source: "x.txt")))
        #expect(reason.contains(text), "\(reason)")
    }

    @Test func billionLaughsInASidecarIsRefusedQuickly() {
        let letters = Array("abcdefghij")
        var lines = ["a: &a [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]"]
        for i in 1..<10 { lines.append("\(letters[i]): &\(letters[i]) [" + Array(repeating: "*\(letters[i - 1])", count: 9).joined(separator: ",") + "]") }
        lines.append("agency: *j")
        let start = Date()
        guard case .failure(let failure) = Sidecar.parse(lines.joined(separator: "\n")) else { Issue.record("parsed"); return }
        #expect(failure.reason.contains("节点"), "\(failure.reason)")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func deepYAMLNestingDoesNotCrash() {
        let deep = "agency: " + String(repeating: "[", count: 30_000) + String(repeating: "]", count: 30_000)
        guard case .failure = Sidecar.parse(deep) else { Issue.record("parsed"); return }
    }
}
