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
    public static func read(contentsOf url: URL, source: String) -> ReadOutcome {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return .unread(UnreadFile(source: source, reason: "无法读取文件：\(error.localizedDescription)"))
        }
        var outcome = read(data: data, source: source)
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

    /// A broken sidecar is reported on the report; the report itself is still read.
    public static func applySidecar(at url: URL, to record: inout ReportRecord) {
        let name = url.lastPathComponent
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

    public static func read(data: Data, source: String) -> ReadOutcome {
        switch DocumentReader.read(data: data, fileName: source) {
        case .failure(let failure):
            return .unread(UnreadFile(source: source, reason: failure.reason))
        case .success(let document):
            return .report(ReportRecognizer.recognize(document, source: source))
        }
    }
}
