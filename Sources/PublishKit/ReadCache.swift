import Foundation
import Ingest
import ReportModel

/// Parsed inputs from earlier builds, so an unchanged input is not parsed again. Keyed by the
/// content hash of everything the reading depends on: the tool's version (the executable's own
/// hash, so any rebuilt parser invalidates the cache), the input's path (folder hints, the
/// recorded source), its bytes, and its sidecar's bytes. One file, `records.jsonl` in the cache
/// folder: a line per input, `key<TAB>JSON`, rewritten whole at the end of a build (one
/// sequential write, not a file per report).
struct ReadCache: Sendable {
    static let fileName = "records.jsonl"
    /// Bumped by hand when the cache's own layout changes.
    static let layoutVersion = "govreport-read-cache/1"

    /// key → the JSON of one cached outcome.
    private let lines: [ContentHash: Substring]

    init() { lines = [:] }

    init(folder: URL) {
        let url = folder.appendingPathComponent(Self.fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            lines = [:]
            return
        }
        var lines: [ContentHash: Substring] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let key = ContentHash(hex: line[..<tab]) else { continue }
            lines[key] = line[line.index(after: tab)...]
        }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// The stored line for `key`, to keep in the next cache file as it is.
    func line(for key: ContentHash) -> String? { lines[key].map { "\(key)\t\($0)\n" } }

    /// The outcome stored under `key`, nil when absent or unreadable.
    func outcome(for key: ContentHash) -> ReadOutcome? {
        guard let json = lines[key] else { return nil }
        return try? JSONDecoder().decode(CachedOutcome.self, from: Data(json.utf8)).outcome
    }

    /// The limits are part of the key: a file refused under one limit may be read under another.
    static func key(source: String, data: Data, sidecar: Data?, limits: ReadLimits = .default) -> ContentHash {
        let settings = "\(limits.maxFileBytes)/\(limits.maxTableCells)/\(limits.secondsPerFile)/\(limits.maxUnpackedBytes)"
        return ContentHash(parts: [Data(toolVersion.utf8), Data(source.utf8), data, sidecar ?? Data([0xFF]), Data(settings.utf8)])
    }

    /// One line of the cache file.
    static func line(key: ContentHash, outcome: ReadOutcome) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(CachedOutcome(outcome)) else { return nil }
        // JSON without pretty-printing holds no raw newline.
        return "\(key)\t\(String(decoding: data, as: UTF8.self))\n"
    }

    static func save(_ lines: [String], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(fileName)
        try Data(lines.joined().utf8).write(to: url, options: .atomic)
    }

    /// This executable's content hash with the layout version: a rebuilt tool reads everything anew.
    static let toolVersion: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binary = (try? Data(contentsOf: exe, options: .alwaysMapped)) ?? Data(CommandLine.arguments.joined(separator: " ").utf8)
        return "\(layoutVersion) \(ContentHash(binary))"
    }()
}

/// A read outcome with the parts of a record the govreport/1 JSON leaves out (the narrative,
/// sidecar annotations).
private struct CachedOutcome: Codable {
    var record: ReportRecord?
    var unreadSource: String?
    var unreadReason: String?
    var overview: String?
    var problems: String?
    var stated: [Stated]?
    var level: OrganLevel?
    var kind: OrganKind?
    var sourceURL: String?

    struct Stated: Codable {
        var subject: String
        var value: Int
        var quote: String
    }

    init(_ outcome: ReadOutcome) {
        switch outcome {
        case .report(let r):
            record = r
            overview = r.narrative.overview
            problems = r.narrative.problems
            stated = r.narrative.statedCounts.map { Stated(subject: $0.subject.rawValue, value: $0.value, quote: $0.quote) }
            level = r.annotations.level
            kind = r.annotations.kind
            sourceURL = r.annotations.sourceURL
        case .unread(let u):
            unreadSource = u.source
            unreadReason = u.reason
        }
    }

    var outcome: ReadOutcome? {
        if var r = record {
            var counts: [StatedCount] = []
            for s in stated ?? [] {
                guard let subject = StatedCount.Subject(rawValue: s.subject) else { return nil }
                counts.append(StatedCount(subject: subject, value: s.value, quote: s.quote))
            }
            r.narrative = Narrative(overview: overview ?? "", problems: problems ?? "", statedCounts: counts)
            r.annotations = ReportAnnotations(level: level, kind: kind, sourceURL: sourceURL)
            return .report(r)
        }
        guard let unreadSource, let unreadReason else { return nil }
        return .unread(UnreadFile(source: unreadSource, reason: unreadReason))
    }
}
