import Foundation
import Site

/// Writes site files under one folder, creating sub-folders once each. Safe from several threads.
/// Refuses any path that would leave the folder (the site builds paths from identifiers, so this
/// is a second line of defence, not the first).
final class DirectoryWriter: SiteWriter, @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var paths: Set<String> = []
    private var written = 0
    private var bytes = 0

    init(root: URL) {
        self.root = root
    }

    func write(_ file: SiteFile) throws {
        let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw BuildError("拒绝写出站点之外的路径：\(file.path)")
        }
        let url = root.appendingPathComponent(file.path)
        let folder = url.deletingLastPathComponent().path
        // Made under the lock: another thread must not write into a folder that is still being made.
        try lock.withLock {
            // Two files for one path is a bug upstream (see PageCollisions): fail loudly, never overwrite.
            guard paths.insert(file.path).inserted else { throw BuildError("两个文件要写到同一路径 \(file.path)，已停止以免覆盖") }
            if !folders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                folders.insert(folder)
            }
        }
        try file.data.write(to: url)
        lock.withLock {
            written += 1
            bytes += file.data.count
        }
    }

    var filesWritten: Int { lock.withLock { written } }
    var bytesWritten: Int { lock.withLock { bytes } }
}

public struct BuildError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
