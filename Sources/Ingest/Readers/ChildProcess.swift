import Foundation

/// Runs a helper program (pdftotext, pdftocairo) with a time limit. Its output goes to files the
/// caller names, so no pipe can fill up and stall it; its error output is kept for the reason.
enum ChildProcess {
    enum Outcome {
        case exited(status: Int32, errorOutput: String)
        case timedOut
        case notStarted(String)
    }

    /// The first executable called `name` on PATH (or in /usr/bin, /usr/local/bin).
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for directory in directories where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `executable` and waits at most `timeout` seconds; a child still running then is killed.
    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval, errorFile: URL) -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let errors = try? FileHandle(forWritingTo: errorFile) else {
            return .notStarted("无法创建临时文件")
        }
        defer { try? errors.close() }
        process.standardError = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .notStarted(error.localizedDescription)
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            return .timedOut
        }
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return .exited(status: process.terminationStatus, errorOutput: errorText)
    }
}
