import Analysis
import Foundation
import ReportModel

/// The last build's same-year matches (see `SameYearMatches`), kept beside the read cache so that a
/// rebuild whose narratives, organs and sources are unchanged skips the pair scoring. Its header
/// names the tool's version: a rebuilt tool works them out anew. Whatever it holds, the matches
/// are used only when their key is the one this build works out.
enum MatchesCache {
    static let fileName = "matches.bin"

    private static var header: [UInt8] { Array("govreport-matches/1 \(ReadCache.toolVersion)\n".utf8) }

    /// Nil when there is no file, it was written by another tool, or it is damaged.
    static func load(from folder: URL) -> SameYearMatches? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        let header = header
        guard data.count > header.count, data.prefix(header.count).elementsEqual(header) else { return nil }
        return data.withUnsafeBytes { raw -> SameYearMatches? in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[header.count...]))
            return try? SameYearMatches(reading: &reader)
        }
    }

    static func save(_ matches: SameYearMatches, to folder: URL) throws {
        var out = ByteWriter(capacity: matches.other.count * 12 + 64)
        matches.write(to: &out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(header + out.bytes).write(to: folder.appendingPathComponent(fileName), options: .atomic)
    }
}
