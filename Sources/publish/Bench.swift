import ArgumentParser
import Dispatch
import Foundation
import Ingest
import PublishKit
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for `Benchmarks/run.sh`: parse-only throughput and the file-system floor.
/// Hidden from help: they measure the tool, they are not part of publishing.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark helpers: parse-only throughput and the file-system floor (see Benchmarks/run.sh).",
        shouldDisplay: false,
        subcommands: [BenchParse.self, BenchFloor.self])
}

/// Reads reports without building a site. Two figures: parsing alone on one core, with the bytes
/// already in memory (the per-core figure of issue 8), and read+parse of every file on all cores.
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse-only throughput in MB/s.")

    @Argument(help: "Report files or folders.", completion: .file())
    var paths: [String]

    @Option(help: "At most this many files (spread evenly over the corpus) for the one-core pass.")
    var sample = 2000

    @Option(help: "Repeat the one-core pass and keep the fastest.")
    var `repeat` = 3

    @Flag(help: "Also read and parse every file on all cores.")
    var all = false

    @Option(help: "Write the sampled files' records as govreport/1 JSON here (to compare parse results).")
    var dump: String?

    func run() throws {
        let inputs = InputDiscovery.resolve(paths: paths).inputs
        guard !inputs.isEmpty else { throw ValidationError("no input files") }
        let step = max(1, inputs.count / max(1, sample))
        let chosen = stride(from: 0, to: inputs.count, by: step).prefix(sample).map { inputs[$0] }
        let loaded = try chosen.map { (source: $0.source, data: try Data(contentsOf: $0.url)) }
        let bytes = loaded.reduce(0) { $0 + $1.data.count }

        _ = Gazetteer.shared  // loaded once per process; not part of parsing a file
        var best = Double.infinity, bestCPU = Double.infinity
        var outcomes: [ReadOutcome] = []
        for _ in 0..<max(1, `repeat`) {
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = Self.threadCPUSeconds()
            outcomes = loaded.map { ReportReader.read(data: $0.data, source: $0.source) }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - startCPU)
        }
        var result: [String: Any] = [
            "files": loaded.count, "bytes": bytes, "seconds": best,
            "mb_per_s": Double(bytes) / 1e6 / best, "files_per_s": Double(loaded.count) / best,
            // The same pass in this thread's CPU time: on a shared, loaded machine the wall-clock
            // figure includes time the core spent on other work.
            "cpu_seconds": bestCPU, "mb_per_cpu_s": Double(bytes) / 1e6 / bestCPU,
            "unread": outcomes.filter { if case .unread = $0 { return true } else { return false } }.count,
            "allocator": Allocator.name,
        ]

        if all {
            let start = DispatchTime.now().uptimeNanoseconds
            let sizes = inputs.concurrentMap { input -> Int in
                _ = ReportReader.read(contentsOf: input.url, source: input.source)
                return (try? FileManager.default.attributesOfItem(atPath: input.url.path)[.size] as? Int) ?? 0
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let total = sizes.reduce(0, +)
            result["all_files"] = inputs.count
            result["all_bytes"] = total
            result["all_seconds"] = seconds
            result["all_mb_per_s"] = Double(total) / 1e6 / seconds
            result["cores"] = ProcessInfo.processInfo.activeProcessorCount
        }

        if let dump {
            var text = ""
            for outcome in outcomes {
                switch outcome {
                case .report(let record): text += String(decoding: try record.jsonData(), as: UTF8.self) + "\n"
                case .unread(let file): text += "UNREAD \(file.source): \(file.reason)\n"
                }
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: dump))
        }
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// The file-system floor: writes as many files, of the same sizes and in the same folders, as an
/// existing site holds, with nothing but mkdir/open/write/close. A build cannot beat this.
struct BenchFloor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "floor", abstract: "Time a bare writer re-creating a site's files.")

    @Option(help: "The built site whose files are imitated.", completion: .directory)
    var like: String

    @Option(help: "Fresh folder to write into (must not exist).", completion: .directory)
    var out: String

    @Option(help: "Writer threads.")
    var threads = 1

    func run() throws {
        let files = try Self.survey(like)
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("\(out) exists; the floor needs a fresh folder") }
        let root = URL(fileURLWithPath: out).standardizedFileURL.path
        // Every folder holding a file, and their parents: sorted, a parent comes before its children.
        var folderSet = Set<String>()
        for file in files {
            var folder = (file.path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folderSet.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
        }
        let folders = folderSet.sorted()
        let buffer = [UInt8](repeating: UInt8(ascii: "x"), count: files.map(\.size).max() ?? 0)

        let start = DispatchTime.now().uptimeNanoseconds
        for path in [root] + folders.map({ root + "/" + $0 }) {
            if mkdir(path, 0o755) != 0 && errno != EEXIST { throw ValidationError("mkdir \(path): errno \(errno)") }
        }
        let failures = Failures()
        let chunks = max(1, threads)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            buffer.withUnsafeBytes { raw in
                for index in stride(from: chunk, to: files.count, by: chunks) {
                    let file = files[index]
                    let fd = Glibc.open(root + "/" + file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    if fd < 0 { failures.add(); continue }
                    var done = 0
                    while done < file.size {
                        let n = write(fd, raw.baseAddress! + done, file.size - done)
                        if n <= 0 { failures.add(); break }
                        done += n
                    }
                    close(fd)
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if failures.count > 0 { throw ValidationError("\(failures.count) files could not be written") }

        let sizes = files.map(\.size).sorted()
        func percentile(_ p: Double) -> Int { sizes.isEmpty ? 0 : sizes[min(sizes.count - 1, Int(Double(sizes.count) * p))] }
        let result: [String: Any] = [
            "files": files.count, "folders": folders.count, "bytes": sizes.reduce(0, +), "threads": chunks,
            "seconds": seconds, "size_p50": percentile(0.5), "size_p90": percentile(0.9), "size_max": sizes.last ?? 0,
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    /// Every regular file under `folder` (hidden ones too), with its size, paths relative to it.
    static func survey(_ folder: String) throws -> [(path: String, size: Int)] {
        let base = URL(fileURLWithPath: folder).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            throw ValidationError("cannot list \(folder)")
        }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var files: [(path: String, size: Int)] = []
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]), values.isRegularFile == true
            else { continue }
            let path = url.standardizedFileURL.path
            files.append((path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path, values.fileSize ?? 0))
        }
        return files.sorted { $0.path < $1.path }
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var count: Int { lock.withLock { n } }
}
