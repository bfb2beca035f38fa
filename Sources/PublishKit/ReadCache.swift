import Analysis
import Foundation
import Ingest
import ReportModel

/// Parsed inputs from earlier builds, so an unchanged input is not parsed again. Keyed by the
/// content hash of everything the reading depends on: the tool's version (the executable's own
/// hash, so any rebuilt parser invalidates the cache), the input's path (folder hints, the
/// recorded source), its bytes, and its sidecar's bytes. One file, `records.bin` in the cache
/// folder: a header, then per input its key, a length, a checksum (a damaged entry is a miss,
/// never a wrong value) and the analysed outcome (`AnalysedOutcome`) in the byte form of
/// `ByteWriter` (decoding through `Codable`, first JSON and then a binary tree of keyed
/// containers, was the slowest part of a rebuild). A build that parsed
/// few inputs appends their entries to the file; one that would leave too much dead space (entries
/// of inputs changed or gone) rewrites it whole, in one sequential write (see `PendingWriter`).
///
/// So that an unchanged input need not even be read to be hashed, `stats.tsv` beside it maps each
/// input's file status (size, modification and change times, inode, and its sidecar's) to the key
/// its bytes had, as git's index does. An entry is only saved once the file is older than the
/// build by a margin, so a file changed within the clock's resolution is hashed again.
struct ReadCache: Sendable {
    static let fileName = "records.bin"
    /// Bumped by hand when the cache's own layout changes.
    static let layoutVersion = "govreport-read-cache/5"
    static let statsName = "stats.tsv"

    /// One cached outcome, to keep in the next cache file as it is.
    struct Entry: Sendable {
        let key: ContentHash
        let bytes: ArraySlice<UInt8>
    }

    /// key → the encoded outcome and its checksum.
    private let entries: [ContentHash: (bytes: ArraySlice<UInt8>, check: UInt64)]
    /// file status signature → key.
    private let stats: [ContentHash: ContentHash]
    /// Bytes of the file's complete entries (headers included) after its header: where an append
    /// starts. A torn tail (a build stopped mid-append) lies beyond it and is cut off.
    let storedBytes: Int

    init() {
        entries = [:]
        stats = [:]
        storedBytes = 0
    }

    /// `statusKeys`: the folder's `statusKeys(in:)` when the caller has loaded them already.
    init(folder: URL, statusKeys: [ContentHash: ContentHash]? = nil) {
        var entries: [ContentHash: (bytes: ArraySlice<UInt8>, check: UInt64)] = [:]
        var stored = 0
        if let bytes = Self.contents(of: folder.appendingPathComponent(Self.fileName)) {
            let header = Array(Self.header.utf8)
            if bytes.starts(with: header) {
                var i = header.count
                while i + Self.entryHeader <= bytes.count {
                    let high = Self.word(bytes, i), low = Self.word(bytes, i + 8)
                    var n = 0
                    for k in 0..<4 { n |= Int(bytes[i + 16 + k]) << (8 * k) }
                    let check = Self.word(bytes, i + 20)
                    let start = i + Self.entryHeader
                    guard start + n <= bytes.count else { break }
                    // An appended entry for a key replaces the one before it.
                    entries[ContentHash(high: high, low: low)] = (bytes[start..<start + n], check)
                    i = start + n
                }
                stored = i - header.count
            }
        }
        self.entries = entries
        stats = statusKeys ?? Self.statusKeys(in: folder)
        storedBytes = stored
    }

    /// `stats.tsv`: file status signature → the key the file's bytes had. Loaded alone (without
    /// the records) by a build checking whether anything changed at all (see `BuildStamp`).
    static func statusKeys(in folder: URL) -> [ContentHash: ContentHash] {
        var stats: [ContentHash: ContentHash] = [:]
        if let text = try? String(contentsOf: folder.appendingPathComponent(statsName), encoding: .utf8) {
            // A line is 66 bytes.
            stats.reserveCapacity(text.utf8.count / 66)
            _ = CacheLines.forEachLine(of: text, separator: UInt8(ascii: "\t")) { parts in
                if parts.count == 2, let signature = ContentHash(hexDigits: parts[0]), let key = ContentHash(hexDigits: parts[1]) {
                    stats[signature] = key
                }
                return true
            }
        }
        return stats
    }

    fileprivate static var header: String { layoutVersion + "\n" }
    /// Key (16 bytes), length (4), checksum (8).
    fileprivate static let entryHeader = 28

    fileprivate static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { ContentHash(bytes: $0).low }
    }

    /// The whole file read straight into one array: through `Data` it was briefly two copies of a
    /// file that is hundreds of MB on a national corpus.
    private static func contents(of url: URL) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { break }
                done += n
            }
            count = done
            complete = done == size
        }
        return complete ? bytes : nil
    }

    private static func word(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<8 { w |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
        return w
    }

    /// The key of an input whose file status is unchanged since it was hashed, if its outcome is cached.
    func key(for status: FileStatus) -> ContentHash? {
        guard let key = stats[status.signature], entries[key] != nil else { return nil }
        return key
    }

    var count: Int { entries.count }

    /// The stored entry for `key`, to keep in the next cache file as it is.
    func entry(for key: ContentHash) -> Entry? { entries[key].map { Entry(key: key, bytes: $0.bytes) } }

    /// The outcome stored under `key`, nil when absent, damaged or unreadable.
    func outcome(for key: ContentHash) -> AnalysedOutcome? {
        guard let entry = entries[key], Self.checksum(entry.bytes) == entry.check else { return nil }
        return try? AnalysedOutcome(cacheBytes: entry.bytes)
    }

    /// The limits are part of the key: a file refused under one limit may be read under another.
    static func key(source: String, data: Data, sidecar: Data?, limits: ReadLimits = .default) -> ContentHash {
        let settings = limitsText(limits)
        return ContentHash(parts: [Data(toolVersion.utf8), Data(source.utf8), data, sidecar ?? Data([0xFF]), Data(settings.utf8)])
    }

    /// The read limits as part of a key: a file refused under one limit may be read under another.
    static func limitsText(_ limits: ReadLimits) -> String {
        "\(limits.maxFileBytes)/\(limits.maxTableCells)/\(limits.secondsPerFile)/\(limits.maxUnpackedBytes)"
    }

    /// One entry of the cache file.
    static func entry(key: ContentHash, outcome: AnalysedOutcome) -> Entry? {
        guard let bytes = outcome.cacheBytes else { return nil }
        return Entry(key: key, bytes: bytes[...])
    }

    static let pendingName = "records.bin.pending"

    /// What the build's reading leaves for `commit`: a whole new cache file, or entries to
    /// append to the one in place, whose complete entries end at `after` bytes past its header.
    enum Plan: Sendable, Equatable {
        case replace
        case append(after: Int)
    }

    /// Writes the outcomes beside the cache file, to replace it once the build is published (see
    /// `commit`).
    static func writePending(_ kept: [Entry], to folder: URL) throws {
        let pending = PendingWriter(folder: folder)
        for entry in kept { pending.append(entry) }
        guard pending.finish() != nil else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The next cache's entries, written as outcomes are read: nothing holds all of them at once
    /// (on a national corpus they are hundreds of MB, and gathering them to write in one go held
    /// them three times over). Entries land in the order they are read; the file is a map by key,
    /// so order does not matter. Safe from several threads.
    ///
    /// With a `base` (the cache the build reads from), entries kept from it are only noted, and the
    /// pending file holds the new ones, to be appended to the cache in place: a national cache is
    /// about 500 MB, which every rebuild wrote again for one changed report. When the dead
    /// entries (of inputs changed or gone) would exceed a quarter of the live ones, `finish`
    /// writes the kept entries too, and the pending file replaces the cache.
    final class PendingWriter: @unchecked Sendable {
        private let lock = NSLock()
        private let url: URL
        private let handle: FileHandle?
        private let base: ReadCache?
        private var buffer: [UInt8] = []
        private var failed = false
        /// Entries of `base` kept as they are, and their bytes with headers.
        private var kept: [ContentHash] = []
        private var keptBytes = 0
        private var newBytes = 0

        init(folder: URL, appendingTo base: ReadCache? = nil) {
            url = folder.appendingPathComponent(ReadCache.pendingName)
            self.base = base.flatMap { $0.storedBytes > 0 ? $0 : nil }
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let created = FileManager.default.createFile(atPath: url.path, contents: Data(ReadCache.header.utf8))
            handle = created ? try? FileHandle(forWritingTo: url) : nil
            _ = try? handle?.seekToEnd()
        }

        /// Keeps `base`'s entry for `key` in the next cache.
        func keep(_ key: ContentHash) {
            guard let entry = base?.entry(for: key) else { return }
            lock.withLock {
                kept.append(key)
                keptBytes += ReadCache.entryHeader + entry.bytes.count
            }
        }

        func append(_ entry: Entry) {
            lock.withLock { write(entry) }
        }

        /// Closes the file and says what `commit` is to do with it; nil (and no pending file)
        /// when any write failed.
        func finish() -> Plan? {
            lock.withLock {
                var plan = Plan.replace
                if let base {
                    let dead = base.storedBytes - keptBytes
                    if dead * 4 <= keptBytes + newBytes {
                        plan = .append(after: base.storedBytes)
                    } else {
                        for key in kept { if let entry = base.entry(for: key) { write(entry) } }
                    }
                }
                flush()
                try? handle?.close()
                if failed || handle == nil { try? FileManager.default.removeItem(at: url) }
                return !failed && handle != nil ? plan : nil
            }
        }

        private func write(_ entry: Entry) {
            withUnsafeBytes(of: entry.key.high.littleEndian) { buffer.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.key.low.littleEndian) { buffer.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(entry.bytes.count).littleEndian) { buffer.append(contentsOf: $0) }
            withUnsafeBytes(of: ReadCache.checksum(entry.bytes).littleEndian) { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: entry.bytes)
            newBytes += ReadCache.entryHeader + entry.bytes.count
            if buffer.count >= 1 << 20 { flush() }
        }

        private func flush() {
            guard !buffer.isEmpty else { return }
            do { try handle?.write(contentsOf: buffer) } catch { failed = true }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// The pending outcomes become the cache (replacing it, or appended to it as `plan` says),
    /// with the status → key entries of files old enough to trust.
    static func commit(stats: [(FileStatus, ContentHash)], plan: Plan = .replace, in folder: URL) throws {
        let pending = folder.appendingPathComponent(pendingName).path, target = folder.appendingPathComponent(fileName).path
        switch plan {
        case .replace:
            guard rename(pending, target) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case .append(let after):
            defer { unlink(pending) }
            try append(pending, to: target, after: header.utf8.count + after)
        }
        let now = Date().timeIntervalSince1970
        var text = ""
        for (status, key) in stats where status.isSettled(now: now) { text += "\(status.signature)\t\(key)\n" }
        try Data(text.utf8).write(to: folder.appendingPathComponent(statsName), options: .atomic)
    }

    /// Cuts `target` to `length` (dropping a torn tail) and appends `pending`'s entries. Stopped
    /// midway, it leaves a torn entry, which the next build reads as a miss and cuts off.
    private static func append(_ pending: String, to target: String, after length: Int) throws {
        guard let added = contents(of: URL(fileURLWithPath: pending)) else { throw CocoaError(.fileReadUnknown) }
        let fd = open(target, O_WRONLY)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) >= length, ftruncate(fd, off_t(length)) == 0,
              lseek(fd, off_t(length), SEEK_SET) == off_t(length)
        else { throw CocoaError(.fileWriteUnknown) }
        let skip = header.utf8.count
        try added.withUnsafeBytes { raw in
            var done = skip
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
                done += n
            }
        }
    }

    /// Saves the outcomes and the status → key entries of files old enough to trust.
    static func save(_ kept: [Entry], stats: [(FileStatus, ContentHash)], to folder: URL) throws {
        try writePending(kept, to: folder)
        try commit(stats: stats, in: folder)
    }

    /// This executable's content hash with the layout version: a rebuilt tool reads everything anew.
    static let toolVersion: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binary = (try? Data(contentsOf: exe, options: .alwaysMapped)) ?? Data(CommandLine.arguments.joined(separator: " ").utf8)
        return "\(layoutVersion) \(ContentHash(binary))"
    }()
}

/// What `stat` says of an input and its sidecar, with everything else its reading depends on
/// (the tool, the path, the limits): equal signatures mean the bytes need not be read to be hashed.
struct FileStatus: Sendable {
    let signature: ContentHash
    let size: Int
    /// The latest of the files' modification and change times (seconds since 1970).
    let newest: Double

    /// Nil when the input is not a regular file (it is then read the careful way).
    init?(path: String, source: String, sidecar: String?, limits: ReadLimits) {
        var digest = DigestBuilder("file-status")
        digest.add(ReadCache.toolVersion)
        digest.add(source)
        digest.add(ReadCache.limitsText(limits))
        var newest = 0.0, size = 0
        for (i, file) in [path, sidecar].enumerated() {
            guard let file else {
                digest.add(false)
                continue
            }
            var info = stat()
            guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                if i == 0 { return nil }
                digest.add(false)
                continue
            }
            digest.add(true)
            digest.add(file)
            if i == 0 { size = Int(info.st_size) }
            for n in [Int(info.st_size), Int(info.st_ino), Int(info.st_dev), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
                      Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)] { digest.add(n) }
            newest = max(newest, Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                         Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9)
        }
        signature = digest.digest
        self.size = size
        self.newest = newest
    }

    /// A file changed within the last seconds may change again within the clock's resolution
    /// without its status changing; it is hashed again next time.
    func isSettled(now: Double) -> Bool { newest < now - 2 }
}

/// A read outcome as a site build keeps it: a report's own analysis worked out where it is read,
/// and its narrative, which only that analysis reads, dropped (on a national corpus the
/// narratives are hundreds of MB, and no page or download shows them).
struct AnalysedOutcome: Sendable, Equatable {
    var outcome: ReadOutcome
    var analysis: ReportAnalysis?

    init(_ outcome: ReadOutcome) {
        guard case .report(var record) = outcome else {
            self.init(outcome: outcome, analysis: nil)
            return
        }
        let analysis = ReportAnalysis(record)
        record.narrative = Narrative()
        self.init(outcome: .report(record), analysis: analysis)
    }

    init(outcome: ReadOutcome, analysis: ReportAnalysis?) {
        self.outcome = outcome
        self.analysis = analysis
    }
}

/// An outcome in the read cache's byte form (see `ByteWriter`): a tag, then a report's record
/// (with its sidecar annotations) and its own analysis, or an unread file's source and reason.
extension AnalysedOutcome {
    private enum Tag: Int { case report = 1, unread = 2 }

    /// Nil for a report without its analysis: the cache would have nothing to give back for it.
    var cacheBytes: [UInt8]? {
        var out = ByteWriter()
        switch outcome {
        case .report(let record):
            guard let analysis else { return nil }
            out.write(Tag.report.rawValue)
            record.write(to: &out)
            analysis.write(to: &out)
        case .unread(let file):
            out.write(Tag.unread.rawValue)
            out.write(file.source)
            out.write(file.reason)
        }
        return out.bytes
    }

    init(cacheBytes: ArraySlice<UInt8>) throws {
        self = try cacheBytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            let outcome: AnalysedOutcome
            switch Tag(rawValue: try reader.readInt()) {
            case .report:
                let record = try ReportRecord(reading: &reader)
                outcome = AnalysedOutcome(outcome: .report(record), analysis: try ReportAnalysis(reading: &reader))
            case .unread:
                outcome = AnalysedOutcome(outcome: .unread(UnreadFile(source: try reader.readString(), reason: try reader.readString())),
                                          analysis: nil)
            case nil: throw ByteReader.Failure()
            }
            guard reader.isAtEnd else { throw ByteReader.Failure() }
            return outcome
        }
    }
}
