import Foundation
@testable import PublishKit
import Testing

/// What a person watching a long build sees: a line redrawn in place on a terminal, plain lines
/// in a log, nothing with --quiet.
@Suite struct BuildProgressTests {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ s: String) { lock.withLock { text += s } }
        var output: String { lock.withLock { text } }
    }

    @Test func terminalRedrawsOneLinePerStage() {
        let sink = Sink()
        let progress = BuildProgress(style: .terminal, write: { sink.write($0) })
        progress.start("read", total: 3)
        for _ in 0..<3 { progress.advance() }
        progress.start("render+write", total: 0)
        progress.advance(5)
        progress.finish()
        let out = sink.output
        #expect(out.contains("\r\u{1B}[2Kread 3/3 "))
        #expect(out.contains("render+write 5 "))
        // One finished line per stage.
        #expect(out.filter { $0 == "\n" }.count == 2)
    }

    @Test func logsGetPlainLinesWithoutControlCharacters() {
        let sink = Sink()
        let progress = BuildProgress(style: .lines, write: { sink.write($0) })
        progress.start("read", total: 10)
        progress.advance()
        progress.finish()
        #expect(sink.output.hasPrefix("read 1/10 "))
        #expect(!sink.output.contains("\r") && !sink.output.contains("\u{1B}"))
    }

    @Test func quietIsSilent() {
        let sink = Sink()
        let progress = BuildProgress(style: .quiet, write: { sink.write($0) })
        progress.start("read", total: 10)
        progress.advance(10)
        progress.finish()
        #expect(sink.output.isEmpty)
    }

    /// A real build: the read stage counts inputs, so it ends at done == total (copying the
    /// inputs into the site once counted them twice), and every stage gets its line.
    @Test func aBuildsReadStageEndsAtItsTotal() throws {
        let content = try IncrementalBuildTests.corpus(count: 12)
        let output = content.deletingLastPathComponent().appendingPathComponent("Output")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let sink = Sink()
        var options = SiteBuilder.Options(content: content, output: output, theme: IncrementalBuildTests.theme)
        options.progress = BuildProgress(style: .terminal, write: { sink.write($0) })
        _ = try SiteBuilder(options: options).build()
        let finals = sink.output.split(separator: "\n").compactMap { $0.components(separatedBy: "\r\u{1B}[2K").last }
        #expect(finals.first?.hasPrefix("read 12/12 ") == true, "\(finals)")
        #expect(finals.contains { $0.hasPrefix("render+write ") })
    }
}
