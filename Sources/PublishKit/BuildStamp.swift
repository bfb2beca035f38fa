import Foundation
import Ingest
import ReportModel

/// What the last complete build was made from, so a build whose inputs are all as they were
/// does nothing at all: the output in place is already what it would write. Without this, a
/// rebuild of a national site with nothing changed decoded every cached record, analysed the
/// whole dataset and worked out every page's digest (about 25 s at 100,000 reports) to write
/// nothing.
///
/// "As they were" is a digest over everything a build's output depends on: the memo's salt (the
/// tool's version, the theme, the settings and their notices) and, in the order inputs are
/// found, each input's path and read-cache key (its bytes, its sidecar's, the limits). An input
/// without a key (unreadable, not a regular file, over a limit, or colliding with another) means
/// no stamp: such builds always run. The stamp also names the manifest digest of the output it
/// made, and counts for the build report; it is trusted only while the output's marker names the
/// same manifest. One file, `stamp.txt` in the build cache, removed when a build starts the
/// long way and written once it has published.
struct BuildStamp: Sendable, Equatable {
    static let fileName = "stamp.txt"
    static let layoutVersion = "govreport-stamp/1"

    /// Of the inputs and everything else the output depends on (see `digest`).
    let inputs: ContentHash
    /// The manifest digest of the output that build published.
    let manifest: ContentHash
    /// That build's counts, reported again by a build that does nothing.
    let counts: Counts

    struct Counts: Sendable, Equatable {
        var reports = 0, unread = 0, errors = 0, warnings = 0, files = 0, pages = 0, jobs = 0
        var all: [Int] { [reports, unread, errors, warnings, files, pages, jobs] }
    }

    /// The inputs' digest; nil when an input has no read-cache key.
    static func digest(salt: ContentHash, sources: [String], keys: [ContentHash?]) -> ContentHash? {
        var d = DigestBuilder(layoutVersion)
        d.add(salt)
        d.add(sources.count)
        for (source, key) in zip(sources, keys) {
            guard let key else { return nil }
            d.add(source)
            d.add(key)
        }
        return d.digest
    }

    var text: String {
        "\(Self.layoutVersion)\ninputs \(inputs)\nmanifest \(manifest)\ncounts \(counts.all.map(String.init).joined(separator: " "))\n"
    }

    static func load(from folder: URL) -> BuildStamp? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map { $0.split(separator: " ") }
        guard lines.count == 4, lines[0] == [Substring(layoutVersion)],
              lines[1].count == 2, lines[1][0] == "inputs", let inputs = ContentHash(hex: lines[1][1]),
              lines[2].count == 2, lines[2][0] == "manifest", let manifest = ContentHash(hex: lines[2][1]),
              lines[3].first == "counts", let counts = Counts(lines[3].dropFirst().compactMap { Int($0) })
        else { return nil }
        return BuildStamp(inputs: inputs, manifest: manifest, counts: counts)
    }

    func save(to folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    static func remove(from folder: URL) {
        unlink(folder.appendingPathComponent(fileName).path)
    }
}

/// An input's read-cache key, with the file status it was found under and its sidecar: found by
/// the up-to-date check, or by the read stage for an input the check did not key.
struct InputKey: Sendable {
    let key: ContentHash
    let status: FileStatus
    let sidecar: URL?
    /// Found from the status alone, without reading the file.
    let statusHit: Bool

    /// The input's key: from its file status when `statusKey` knows it (unchanged since a build
    /// hashed it), else from its bytes, which come back too. Nil for an input that is not read:
    /// not a regular file, over the size limit, or unreadable.
    static func find(_ input: InputDiscovery.Input, limits: ReadLimits,
                     statusKey: (FileStatus) -> ContentHash?) -> (key: InputKey, data: Data?)? {
        let sidecar = input.mayHaveSidecar ? ReportReader.sidecarURL(for: input.url) : nil
        // Taken before the bytes are read: a file changed meanwhile has a newer status next time.
        guard let status = FileStatus(path: input.path, source: input.source, sidecar: sidecar?.path, limits: limits),
              status.size <= limits.maxFileBytes
        else { return nil }
        if let key = statusKey(status) { return (InputKey(key: key, status: status, sidecar: sidecar, statusHit: true), nil) }
        // What the file is and how large is known before it is opened: a FIFO would block.
        guard case .regular(let size) = FileKind.of(input.path), size <= limits.maxFileBytes,
              let data = try? Data(contentsOf: input.url)
        else { return nil }
        let key = ReadCache.key(source: input.source, data: data, sidecar: sidecar.flatMap(ReportReader.sidecarData), limits: limits)
        return (InputKey(key: key, status: status, sidecar: sidecar, statusHit: false), data)
    }
}

extension BuildStamp.Counts {
    init?(_ all: [Int]) {
        guard all.count == 7 else { return nil }
        self.init(reports: all[0], unread: all[1], errors: all[2], warnings: all[3], files: all[4], pages: all[5], jobs: all[6])
    }
}

extension SiteBuilder {
    /// Each input's key (see `InputKey.find`), on all cores, the bytes read for it let go at once.
    /// Nil for an input the read stage would not key.
    static func inputKeys(_ inputs: [InputDiscovery.Input], collisions: [Int: String], limits: ReadLimits,
                          statusKeys: [ContentHash: ContentHash], progress: BuildProgress) -> [InputKey?] {
        Array(inputs.indices).concurrentMap { i -> InputKey? in
            defer { progress.advance() }
            guard collisions[i] == nil else { return nil }
            return InputKey.find(inputs[i], limits: limits) { statusKeys[$0.signature] }?.key
        }
    }
}
