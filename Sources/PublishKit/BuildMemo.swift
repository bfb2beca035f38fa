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
    }

    static let fileName = "memo.txt"
    static let layoutVersion = "govreport-memo/1"

    var entries: [String: Entry] = [:]

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// A key or path holding a tab or newline cannot be stored; such jobs are never memoized.
    static func storable(_ text: String) -> Bool { !text.contains("\t") && !text.contains("\n") }

    private static func header(salt: ContentHash, manifest: ContentHash) -> String { "\(layoutVersion) \(salt) \(manifest)\n" }

    /// The file's text after its header: a line per job, sorted by key.
    var lines: String {
        var out = ""
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            out += "\(entry.digest)\t\(key)"
            for path in entry.paths { out += "\t\(path)" }
            out += "\n"
        }
        return out
    }

    /// The memo saved in `folder`, if it was saved with this salt beside this manifest.
    static func load(from folder: URL, salt: ContentHash, manifest: ContentHash) -> BuildMemo? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return nil }
        let header = Array("\(layoutVersion) \(salt) \(manifest)".utf8)
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(text.utf8.count / 128)
        var first = true
        let complete = CacheLines.forEachLine(of: text, separator: UInt8(ascii: "\t")) { parts in
            if first {
                first = false
                return parts.count == 1 && parts[0].elementsEqual(header)
            }
            guard parts.count >= 2, let digest = ContentHash(hexDigits: parts[0]) else { return false }
            entries[CacheLines.string(parts[1])] = Entry(digest: digest, paths: parts.dropFirst(2).map(CacheLines.string))
            return true
        }
        return complete && !first ? BuildMemo(entries: entries) : nil
    }

    func save(to folder: URL, salt: ContentHash, manifest: ContentHash) throws {
        try Self.save(lines: lines, to: folder, salt: salt, manifest: manifest)
    }

    /// `lines`: a memo's `lines`, made beforehand (beside the manifest's text).
    static func save(lines: String, to folder: URL, salt: ContentHash, manifest: ContentHash) throws {
        try Data((header(salt: salt, manifest: manifest) + lines).utf8).write(to: folder.appendingPathComponent(fileName), options: .atomic)
    }
}
