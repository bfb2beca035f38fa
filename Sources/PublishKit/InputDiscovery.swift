import Foundation

/// Which files are reports: every regular file under the given paths, except hidden files and
/// folders and YAML sidecars (`NAME.yml`, `site.yml`). Sorted, so every run sees the same order.
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
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: Set(keys)))?.isRegularFile == true else { continue }
            if sidecarExtensions.contains(url.pathExtension.lowercased()) { continue }
            files.append(url)
        }
        return files
    }
}
