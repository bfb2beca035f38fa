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
        return read(data: data, source: source)
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
