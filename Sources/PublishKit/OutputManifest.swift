import Foundation
import ReportModel

/// What the published output holds: every file's size and content hash, by path. An incremental
/// build compares each file it makes with this and writes only those that differ; files listed
/// here and not made again are stale and removed. Kept in the build cache beside the output; the
/// output's marker file names the manifest's own digest, so a manifest that does not describe
/// the output in place (a build interrupted between the two, an output copied from elsewhere) is
/// never trusted and the build is a full one.
public struct OutputManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let size: Int
        public let hash: ContentHash
    }

    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// One line per file, sorted by path: `hash size path`.
    public var text: String {
        var out = CacheText(capacity: entries.count * 96)
        for path in entries.keys.sorted() {
            out.append(line(path))
            out.append(byte: UInt8(ascii: "\n"))
        }
        return out.text
    }

    private func line(_ path: String) -> String {
        let e = entries[path]!
        var out = CacheText(capacity: 48 + path.utf8.count)
        out.append(e.hash)
        out.append(byte: UInt8(ascii: " "))
        out.append(e.size)
        out.append(byte: UInt8(ascii: " "))
        out.append(path)
        return out.text
    }

    /// The same text made from `previous` (the text of a manifest that differs from this one only
    /// in the files of `changed` and `removed`): a few lines replaced instead of all written again.
    func text(patching previous: String, changed: [String], removed: [String]) -> String {
        let add = changed.sorted().map { (key: $0, line: line($0)) }
        return CacheLines.patched(previous, separator: UInt8(ascii: " "), key: .rest(after: 2), drop: Set(changed + removed), add: add) ?? text
    }

    public var digest: ContentHash { ContentHash(text) }

    public static func parse(_ text: String) -> OutputManifest? {
        var entries: [String: Entry] = [:]
        // A line is about 80 bytes.
        entries.reserveCapacity(text.utf8.count / 64)
        let complete = CacheLines.forEachLine(of: text, separator: UInt8(ascii: " "), maxSplits: 2) { parts in
            guard parts.count == 3, let hash = ContentHash(hexDigits: parts[0]), let size = CacheLines.integer(parts[1]) else { return false }
            entries[CacheLines.string(parts[2])] = Entry(size: size, hash: hash)
            return true
        }
        return complete ? OutputManifest(entries: entries) : nil
    }
}
