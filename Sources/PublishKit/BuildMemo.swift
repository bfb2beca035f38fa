import Foundation
import ReportModel

/// What each memoized job of the last build was made from: for every job key, the digest of its
/// inputs and the paths of the files it made. An incremental build asks `DirectoryWriter.reuse`
/// before making a page or download; when the digest is the same, the job is skipped and its
/// files carried over as they are (see `SiteWriter.reuse`).
///
/// The memo is only as trustworthy as the output it describes: it names the digest of the
/// manifest it was saved with and a salt (the tool's version, the theme, the settings), and is
/// ignored unless both match. One file, `memo.txt` in the build cache: a header line, then a
/// line per job, `digest<TAB>key<TAB>path<TAB>path…`, sorted by key.
struct BuildMemo: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        let digest: ContentHash
        let paths: [String]
        /// The entry's line in the memo file it was loaded from (-1 for one made this build), so
        /// that a build can mark the jobs it carries over without a table of their keys. Not part
        /// of what the entry says: equal entries may come from different lines.
        let line: Int

        init(digest: ContentHash, paths: [String], line: Int = -1) {
            self.digest = digest
            self.paths = paths
            self.line = line
        }

        static func == (a: Entry, b: Entry) -> Bool { a.digest == b.digest && a.paths == b.paths }
    }

    static let fileName = "memo.txt"
    static let layoutVersion = "govreport-memo/1"

    var entries: [String: Entry] = [:]
    /// The keys by `Entry.line`, for a memo as loaded from its file (else empty; a memo changed
    /// after loading is made anew from its entries).
    private(set) var keysByLine: [String] = []
    /// The file's lines after its header, for a memo as loaded: the next memo is these lines with
    /// a few replaced (see `lines(patching:changed:removed:)`).
    private(set) var loadedLines: String?

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    private init(entries: [String: Entry], keysByLine: [String], loadedLines: String?) {
        self.entries = entries
        self.keysByLine = keysByLine
        self.loadedLines = loadedLines
    }

    static func == (a: BuildMemo, b: BuildMemo) -> Bool { a.entries == b.entries }

    /// The same entries, each with its line as if saved and loaded again (a memo made in memory).
    func withLines() -> BuildMemo {
        if keysByLine.count == entries.count { return self }
        let keys = entries.keys.sorted()
        var lined: [String: Entry] = [:]
        lined.reserveCapacity(keys.count)
        for (line, key) in keys.enumerated() {
            let entry = entries[key]!
            lined[key] = Entry(digest: entry.digest, paths: entry.paths, line: line)
        }
        return BuildMemo(entries: lined, keysByLine: keys, loadedLines: nil)
    }

    /// A key or path holding a tab or newline cannot be stored; such jobs are never memoized.
    static func storable(_ text: String) -> Bool { !text.contains("\t") && !text.contains("\n") }

    private static func header(salt: ContentHash, manifest: ContentHash) -> String { "\(layoutVersion) \(salt) \(manifest)\n" }

    /// The file's text after its header: a line per job, sorted by key.
    var lines: String {
        var out = CacheText(capacity: entries.count * 128)
        for key in entries.keys.sorted() {
            out.append(line(key))
            out.append(byte: UInt8(ascii: "\n"))
        }
        return out.text
    }

    private func line(_ key: String) -> String {
        let entry = entries[key]!
        var out = CacheText(capacity: 40 + key.utf8.count + entry.paths.reduce(0) { $0 + $1.utf8.count + 1 })
        out.append(entry.digest)
        out.append(byte: UInt8(ascii: "\t"))
        out.append(key)
        for path in entry.paths {
            out.append(byte: UInt8(ascii: "\t"))
            out.append(path)
        }
        return out.text
    }

    /// The same lines made from `previous` (the `lines` of a memo that differs from this one only
    /// in the entries of `changed` and `removed`): a few lines replaced instead of all written again.
    func lines(patching previous: String, changed: [String], removed: [String]) -> String {
        let add = changed.sorted().map { (key: $0, line: line($0)) }
        return CacheLines.patched(previous, separator: UInt8(ascii: "\t"), key: .second, drop: Set(changed + removed), add: add) ?? lines
    }

    /// The memo saved in `folder`, if it was saved with this salt beside this manifest.
    static func load(from folder: URL, salt: ContentHash, manifest: ContentHash) -> BuildMemo? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        let header = Array("\(layoutVersion) \(salt) \(manifest)".utf8)
        var entries: [String: Entry] = [:], keys: [String] = []
        entries.reserveCapacity(text.utf8.count / 128)
        keys.reserveCapacity(text.utf8.count / 128)
        var first = true
        let complete = CacheLines.forEachLine(of: text, separator: UInt8(ascii: "\t")) { parts in
            if first {
                first = false
                return parts.count == 1 && parts[0].elementsEqual(header)
            }
            guard parts.count >= 2, let digest = ContentHash(hexDigits: parts[0]) else { return false }
            let key = CacheLines.string(parts[1])
            // Saved sorted by key, so a key twice means the file is not one this tool saved.
            guard entries.updateValue(Entry(digest: digest, paths: parts.dropFirst(2).map(CacheLines.string), line: keys.count),
                                      forKey: key) == nil
            else { return false }
            keys.append(key)
            return true
        }
        guard complete, !first else { return nil }
        let lines = text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { String(text[text.utf8.index(after: $0)...]) } ?? ""
        return BuildMemo(entries: entries, keysByLine: keys, loadedLines: lines)
    }

    func save(to folder: URL, salt: ContentHash, manifest: ContentHash) throws {
        try Self.save(lines: lines, to: folder, salt: salt, manifest: manifest)
    }

    /// `lines`: a memo's `lines`, made beforehand (beside the manifest's text).
    static func save(lines: String, to folder: URL, salt: ContentHash, manifest: ContentHash) throws {
        try Data((header(salt: salt, manifest: manifest) + lines).utf8).write(to: folder.appendingPathComponent(fileName), options: .atomic)
    }
}
