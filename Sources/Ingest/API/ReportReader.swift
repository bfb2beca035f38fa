import Foundation
import ReportModel

/// The outcome of reading one input file: a report record, or the reason it could not be read.
public enum ReadOutcome: Sendable, Equatable {
    case report(ReportRecord)
    case unread(UnreadFile)
}

/// An input that produced no record. It is still listed on the site: nothing is lost.
public struct UnreadFile: Sendable, Equatable, Hashable {
    public var source: String
    public var reason: String
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
}

/// Reads report files into records: bytes → text → document → record.
public enum ReportReader {
    /// Reads the file at `url`; `source` is the path recorded in the record (as the user gave it,
    /// or relative to the content folder).
    /// What the file is and how large is checked before it is opened; the reading runs under the
    /// time limit (see `ReadLimits`, `Watchdog`).
    public static func read(contentsOf url: URL, source: String, limits: ReadLimits = .default) -> ReadOutcome {
        switch FileKind.of(url.path) {
        case .unreadable(let reason): return .unread(UnreadFile(source: source, reason: reason))
        case .regular(let size) where size > limits.maxFileBytes:
            return .unread(UnreadFile(source: source, reason: LimitReason.fileSize(size, limits)))
        case .regular: break
        }
        return Watchdog.run(seconds: limits.secondsPerFile) { readFile(url, source: source, limits: limits) }
            ?? .unread(UnreadFile(source: source, reason: LimitReason.time(limits)))
    }

    private static func readFile(_ url: URL, source: String, limits: ReadLimits) -> ReadOutcome {
        let data: Data
        do {
            // No more than the limit allows, even if the file grew since it was measured.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limits.maxFileBytes + 1) ?? Data()
        } catch {
            return .unread(UnreadFile(source: source, reason: "无法读取文件：\(error.localizedDescription)"))
        }
        if data.count > limits.maxFileBytes {
            return .unread(UnreadFile(source: source, reason: LimitReason.fileSize(data.count, limits)))
        }
        var outcome = read(data: data, source: source, limits: limits)
        if case .report(var record) = outcome, let sidecar = sidecarURL(for: url) {
            applySidecar(at: sidecar, to: &record)
            outcome = .report(record)
        }
        return outcome
    }

    /// `NAME.yml` (or `.yaml`) beside `NAME.txt`.
    public static func sidecarURL(for url: URL) -> URL? {
        let base = url.deletingPathExtension()
        return ["yml", "yaml"].map { base.appendingPathExtension($0) }
            .first { $0 != url && FileManager.default.fileExists(atPath: $0.path) }
    }

    static let sidecarMaximum = 64 * 1024

    /// A sidecar's bytes (for cache keys), or nil when it is not a small regular file: a FIFO
    /// named like a sidecar must not block the build.
    public static func sidecarData(at url: URL) -> Data? {
        guard case .regular(let size) = FileKind.of(url.path), size <= sidecarMaximum else { return nil }
        return try? Data(contentsOf: url)
    }

    /// A broken sidecar is reported on the report; the report itself is still read.
    public static func applySidecar(at url: URL, to record: inout ReportRecord) {
        let name = url.lastPathComponent
        // A sidecar is a few lines: a FIFO, a link to nowhere or a huge file is not one.
        guard case .regular(let size) = FileKind.of(url.path), size <= sidecarMaximum else {
            record.diagnostics.append(Diagnostic(.warning, "sidecar-invalid", "旁注文件 \(name) 不是普通文件或大于 \(sidecarMaximum / 1024) KB，已忽略"))
            return
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            record.diagnostics.append(Diagnostic(.warning, "sidecar-invalid", "旁注文件 \(name) 无法读取或不是 UTF-8 文本，已忽略"))
            return
        }
        switch Sidecar.parse(text) {
        case .success(let sidecar): sidecar.apply(to: &record, file: name)
        case .failure(let failure):
            record.diagnostics.append(Diagnostic(.warning, "sidecar-invalid", "\(name)：\(failure.reason)，已忽略"))
        }
    }

    /// Bytes already in memory; `watched` runs the reading under the time limit (as reading a
    /// file by its URL does), for callers that read the bytes themselves.
    public static func read(data: Data, source: String, limits: ReadLimits = .default, watched: Bool) -> ReadOutcome {
        guard watched else { return read(data: data, source: source, limits: limits) }
        return Watchdog.run(seconds: limits.secondsPerFile) { read(data: data, source: source, limits: limits) }
            ?? .unread(UnreadFile(source: source, reason: LimitReason.time(limits)))
    }

    public static func read(data: Data, source: String, limits: ReadLimits = .default) -> ReadOutcome {
        if let reason = ArchiveBudget.check(data, limits: limits) { return .unread(UnreadFile(source: source, reason: reason)) }
        switch DocumentReader.read(data: data, fileName: source) {
        case .failure(let failure):
            return .unread(UnreadFile(source: source, reason: failure.reason))
        case .success(let document):
            let cells = document.tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
            if cells > limits.maxTableCells {
                return .unread(UnreadFile(source: source, reason: LimitReason.tableCells(cells, limits)))
            }
            if ReadDeadline.isExpired { return .unread(UnreadFile(source: source, reason: LimitReason.time(limits))) }
            return .report(ReportRecognizer.recognize(document, source: source))
        }
    }
}
