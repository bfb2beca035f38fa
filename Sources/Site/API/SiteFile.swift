import Foundation
import ReportModel

/// One file of the site: a path relative to the output folder and its bytes.
public struct SiteFile: Sendable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// Where rendered files go. Called from several threads at once.
public protocol SiteWriter: Sendable {
    func write(_ file: SiteFile) throws

    /// Build memo, for incremental builds. True when the files last made under `key` were made from
    /// inputs with this `digest` and are still in the output as made: the writer keeps them as
    /// they are and the caller makes nothing. The digest must cover everything the files show
    /// (the writer adds the tool's version, the theme and the settings itself).
    func reuse(_ key: String, digest: ContentHash) -> Bool

    /// Records that `paths` were made under `key` from inputs with `digest` (call after writing them).
    func made(_ key: String, digest: ContentHash, paths: [String])
}

public extension SiteWriter {
    func reuse(_ key: String, digest: ContentHash) -> Bool { false }
    func made(_ key: String, digest: ContentHash, paths: [String]) {}

    /// Writes the files `make` returns, unless the memo says they are unchanged.
    func memoized(_ key: String, digest: ContentHash, _ make: () throws -> [SiteFile]) throws -> Int {
        if reuse(key, digest: digest) { return 0 }
        let files = try make()
        for file in files { try write(file) }
        made(key, digest: digest, paths: files.map(\.path))
        return files.count
    }
}
