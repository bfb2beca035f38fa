import Foundation
import Testing

/// The exit statuses the README and `publish --help` promise, from the built `publish` binary:
/// 0 site built, 1 `check --strict` found errors, 2 nothing could be built, 64 bad usage.
@Suite struct ExitCodeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `publish` built beside the test bundle (`swift test` builds every product).
    static func binary() throws -> URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("publish")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return try #require(Optional<URL>.none, "publish binary not found near \(Bundle.main.bundleURL.path)")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func siteBuiltIsZero() throws {
        let out = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try Self.run(["build", "--output", out.appendingPathComponent("site").path])
        #expect(r.status == 0, "\(r.output)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("site/index.html").path))
    }

    @Test func nothingReadableIsTwo() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data().write(to: content.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 0xFF]).write(to: content.appendingPathComponent("junk.pdf"))
        let r = try Self.run(["build", "--content", content.path, "--output", dir.appendingPathComponent("site").path])
        #expect(r.status == 2, "\(r.output)")
        // The site is still written, listing both files as unread.
        let unread = try String(contentsOf: dir.appendingPathComponent("site/unread.html"), encoding: .utf8)
        #expect(unread.contains("empty.txt") && unread.contains("junk.pdf"))
        #expect(try Self.run(["check", content.path]).status == 2)
    }

    @Test func unwritableOutputIsTwo() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        // Below a regular file no folder can be made, whoever runs the test (root included).
        let r = try Self.run(["build", "--output", file.appendingPathComponent("site").path])
        #expect(r.status == 2, "\(r.output)")
        #expect(try Self.run(["build", "--output", file.path]).status == 2)
    }

    @Test func checkStrictWithErrorsIsOne() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A seed report and a text without tables (an error: no-tables).
        let seed = Self.repository.appendingPathComponent("Tests/IngestTests/Fixtures/seeds/000_b705187fbbb0935d.txt")
        try FileManager.default.copyItem(at: seed, to: dir.appendingPathComponent("seed.txt"))
        try Data("某某局2024年政府信息公开工作年度报告\n没有表格。\n".utf8).write(to: dir.appendingPathComponent("no-tables.txt"))
        #expect(try Self.run(["check", dir.path]).status == 0)
        let strict = try Self.run(["check", "--strict", dir.path])
        #expect(strict.status == 1, "\(strict.output)")
    }

    @Test(arguments: [["build", "--no-such-option"], ["extract"], ["check", "--strict=maybe"], ["no-such-command", "x", "y"], ["sample", "--count", "many", "--out", "/tmp/x"]])
    func badUsageIs64(_ arguments: [String]) throws {
        let r = try Self.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.status) \(r.output)")
    }

    @Test func helpNamesTheExitCodes() throws {
        let r = try Self.run(["--help"])
        #expect(r.status == 0)
        for code in ["0", "1", "2", "64"] { #expect(r.output.contains("\(code) "), "\(code)") }
        #expect(r.output.contains("64 bad usage"))
    }
}
