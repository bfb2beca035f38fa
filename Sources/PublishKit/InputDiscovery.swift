import Foundation

/// Which files are reports: every entry under the given paths that is not a folder, except hidden
/// files and folders and YAML sidecars (`NAME.yml`, `site.yml`). Sorted, so every run sees the same
/// order. Entries that cannot be reports (a FIFO, a socket, a link to nowhere, to itself or to a
/// folder — links to folders are not followed, so a link loop cannot trap the walk) are inputs all
/// the same: the reader lists each as unread with the reason, so nothing in the folder goes unmentioned.
public enum InputDiscovery {
    public struct Input: Sendable, Hashable {
        public let url: URL
        /// The path recorded in the record: relative to the folder searched, or as given.
        public let source: String
    }

    public struct Result: Sendable {
        public var inputs: [Input] = []
        /// Paths that do not exist or cannot be listed, with the reason.
        public var missing: [(path: String, reason: String)] = []
    }

    static let sidecarExtensions: Set<String> = ["yml", "yaml"]

    /// Files under a content folder, their sources relative to it.
    public static func files(in directory: URL) -> [Input] {
        let base = directory.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return walk(directory).map { url in
            let path = url.standardizedFileURL.path
            return Input(url: url, source: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }.sorted { $0.source < $1.source }
    }

    /// Files named on a command line: files as given, folders searched recursively.
    public static func resolve(paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.missing.append((path, "路径不存在"))
                continue
            }
            if isDirectory.boolValue {
                let found = files(in: URL(fileURLWithPath: path))
                result.inputs += found.map { Input(url: $0.url, source: (path as NSString).appendingPathComponent($0.source)) }
            } else {
                result.inputs.append(Input(url: URL(fileURLWithPath: path), source: path))
            }
        }
        return result
    }

    private static func walk(_ directory: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true && values?.isSymbolicLink != true { continue }
            if sidecarExtensions.contains(url.pathExtension.lowercased()) { continue }
            files.append(url)
        }
        return files
    }
}
