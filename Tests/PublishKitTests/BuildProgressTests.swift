import Foundation
import PublishKit
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
}
