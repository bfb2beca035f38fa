import Foundation

/// Progress of a long build on standard error: on a terminal one line redrawn in place (stage,
/// done/total, rate), otherwise a plain line every few seconds; nothing when quiet.
public final class BuildProgress: @unchecked Sendable {
    public enum Style: Sendable { case terminal, lines, quiet }

    private let style: Style
    private let interval: Double
    private let lock = NSLock()
    private var stage = ""
    private var total = 0
    private var done = 0
    private var stageStart = 0.0
    private var lastPrint = 0.0
    private let write: @Sendable (String) -> Void

    /// `style` nil: a terminal when standard error is one, else plain lines.
    public init(style: Style? = nil, write: (@Sendable (String) -> Void)? = nil) {
        let style = style ?? (isatty(STDERR_FILENO) != 0 ? .terminal : .lines)
        self.style = style
        interval = style == .terminal ? 0.1 : 5
        self.write = write ?? { FileHandle.standardError.write(Data($0.utf8)) }
    }

    public static let quiet = BuildProgress(style: .quiet)

    public func start(_ stage: String, total: Int) {
        guard style != .quiet else { return }
        lock.withLock {
            finishLine()
            self.stage = stage
            self.total = total
            done = 0
            stageStart = Self.now()
            lastPrint = 0
        }
    }

    public func advance(_ n: Int = 1) {
        guard style != .quiet else { return }
        lock.withLock {
            done += n
            let now = Self.now()
            if now - lastPrint >= interval {
                lastPrint = now
                emit(now)
            }
        }
    }

    /// Ends the current line on a terminal.
    public func finish() {
        guard style != .quiet else { return }
        lock.withLock { finishLine() }
    }

    private func finishLine() {
        if style == .terminal && !stage.isEmpty {
            emit(Self.now())
            write("\n")
        }
        stage = ""
    }

    private func emit(_ now: Double) {
        let seconds = max(now - stageStart, 0.001)
        let rate = Double(done) / seconds
        let count = total > 0 ? "\(done)/\(total) " : done > 0 ? "\(done) " : ""
        let line = "\(stage) \(count)\(done > 0 ? String(format: "%.0f/s ", rate) : "")\(String(format: "%.1f", seconds)) s"
        switch style {
        case .terminal: write("\r\u{1B}[2K" + line)
        case .lines: write(line + "\n")
        case .quiet: break
        }
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
