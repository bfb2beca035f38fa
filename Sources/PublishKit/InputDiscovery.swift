import Foundation
import ReportModel

/// Which files are reports: every entry under the given paths that is not a folder, except hidden
/// files and folders and YAML sidecars (`NAME.yml`, `site.yml`). Sorted, so every run sees the same
/// order. Entries that cannot be reports (a FIFO, a socket, a link to nowhere, to itself or to a
/// folder — links to folders are not followed, so a link loop cannot trap the walk) are inputs all
/// the same: the reader lists each as unread with the reason, so nothing in the folder goes unmentioned.
public enum InputDiscovery {
    public struct Input: Sendable, Hashable {
        /// The path recorded in the record: relative to the folder searched, or as given.
        public let source: String
        /// False when the file's folder holds no YAML file at all, so it has no sidecar and the
        /// build need not look for one (two `stat`s per input on a national corpus).
        public let mayHaveSidecar: Bool
        /// The file's path and name, kept as text: a URL per input (made, and its percent encoding
        /// undone on every `path`) was a tenth of a rebuild that only looks at every input's status.
        public let path: String
        public let name: String
        /// Made when the file is read, which an unchanged input never is.
        public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

        public init(url: URL, source: String, mayHaveSidecar: Bool = true) {
            self.init(source: source, mayHaveSidecar: mayHaveSidecar, path: url.path, name: url.lastPathComponent)
        }

        init(source: String, mayHaveSidecar: Bool, path: String, name: String) {
            self.source = source
            self.mayHaveSidecar = mayHaveSidecar
            self.path = path
            self.name = name
        }
    }

    public struct Result: Sendable {
        public var inputs: [Input] = []
        /// Paths that do not exist or cannot be listed, with the reason.
        public var missing: [(path: String, reason: String)] = []
    }

    /// `NAME.yml` or `NAME.yaml`, in any case: what `(name as NSString).pathExtension` says for a
    /// name that is not hidden. Compared byte by byte: lowercasing every name of a national corpus
    /// was a twelfth of a rebuild with nothing to do.
    static func isYAML(_ name: String) -> Bool {
        hasSuffixIgnoringASCIICase(name, ".yml") || hasSuffixIgnoringASCIICase(name, ".yaml")
    }

    /// `suffix` is lowercase ASCII; a letter of `name` matches it in either case.
    private static func hasSuffixIgnoringASCIICase(_ name: String, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let tail = name.utf8.suffix(count)
        guard tail.count == count else { return false }
        let expected = UnsafeBufferPointer(start: suffix.utf8Start, count: count)
        for (byte, wanted) in zip(tail, expected) {
            let lowered: UInt8 = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if lowered != wanted { return false }
        }
        return true
    }

    /// Files under a content folder, their sources relative to it.
    public static func files(in directory: URL) -> [Input] {
        let base = directory.standardizedFileURL.path
        var found: [Input] = []
        // The top level's folders are walked on all cores: a national corpus is a folder a province.
        let folders = walk(base == "/" ? "" : base, relative: "", into: &found, descending: false)
        for part in folders.concurrentMap({ folder -> [Input] in
            var inside: [Input] = []
            walk(folder.path, relative: folder.source, into: &inside)
            return inside
        }) { found += part }
        // By bytes: the order of `<` for NFC names, without normalising a national corpus's
        // Chinese paths again at every comparison.
        return found.sorted { String.utf8Precedes($0.source, $1.source) }
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
                result.inputs += found.map {
                    Input(source: (path as NSString).appendingPathComponent($0.source), mayHaveSidecar: $0.mayHaveSidecar,
                          path: $0.path, name: $0.name)
                }
            } else {
                result.inputs.append(Input(url: URL(fileURLWithPath: path), source: path))
            }
        }
        return result
    }

    /// A plain readdir walk: FileManager's enumerator with resource values costs about 0.25 ms a
    /// file here, which a national corpus (hundreds of thousands of files) cannot afford.
    /// Without `descending`, the sub-folders are returned (path and source) instead of walked.
    @discardableResult
    private static func walk(_ folder: String, relative: String, into found: inout [Input],
                             descending: Bool = true) -> [(path: String, source: String)] {
        guard let stream = opendir(folder.isEmpty ? "/" : folder) else { return [] }
        defer { closedir(stream) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            // Some file systems do not fill d_type; a link is never followed into a folder.
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        let anyYAML = entries.contains { isYAML($0.name) }
        var skipped: [(path: String, source: String)] = []
        for (name, isFolder) in entries {
            let path = folder + "/" + name
            let source = relative.isEmpty ? name : relative + "/" + name
            if isFolder {
                if descending { walk(path, relative: source, into: &found) } else { skipped.append((path, source)) }
            } else if !isYAML(name) {
                found.append(Input(source: source, mayHaveSidecar: anyYAML, path: path, name: name))
            }
        }
        return skipped
    }
}
