import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel
import Site

/// Writes site files under one folder (the staging folder beside the output), creating
/// sub-folders once each. Safe from several threads. Refuses any path that would leave the
/// folder (the site builds paths from identifiers, so this is a second line of defence).
///
/// Every file is hashed into the new manifest. Given the manifest of the output in place, a file
/// whose size and hash are unchanged is not written at all: the staging folder then holds only
/// what changed, and publishing moves just those files (see `Publication`). Given the previous
/// build's memo as well, a job whose inputs' digest is unchanged is not made at all: its files
/// are carried into the new manifest as they are (see `BuildMemo`).
final class DirectoryWriter: SiteWriter, @unchecked Sendable {
    let root: URL
    let previous: OutputManifest?
    let progress: BuildProgress?
    let previousMemo: BuildMemo?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var manifest = OutputManifest()
    private var memo = BuildMemo()
    private var reused = 0
    private var changed: [String] = []
    private var paths: Set<String> = []
    private var written = 0
    private var unchanged = 0
    private var bytes = 0
    private var pages = 0

    private let interruptAfter: Int?
    /// Whether files written count as progress: not while inputs are read (their copies are
    /// written then, and the read stage counts inputs).
    private var countsProgress = true

    init(root: URL, previous: OutputManifest? = nil, previousMemo: BuildMemo? = nil, progress: BuildProgress? = nil,
         interruptAfter: Int? = nil) {
        self.interruptAfter = interruptAfter
        self.root = root
        self.previous = previous
        self.previousMemo = previous == nil ? nil : previousMemo
        self.progress = progress
        // Sized for a site like the last one: on a national site, growing these tables step by
        // step under the lock rehashed hundreds of thousands of paths again and again.
        let files = previous?.entries.count ?? 0
        manifest.entries.reserveCapacity(files)
        paths.reserveCapacity(files)
        memo.entries.reserveCapacity(self.previousMemo?.entries.count ?? 0)
    }

    func reuse(_ key: String, digest: ContentHash) -> Bool {
        guard let previous, let entry = previousMemo?.entries[key], entry.digest == digest else { return false }
        // Every file must still be listed as the output holds it.
        var carried: [(String, OutputManifest.Entry)] = []
        carried.reserveCapacity(entry.paths.count)
        for path in entry.paths {
            guard let file = previous.entries[path] else { return false }
            carried.append((path, file))
        }
        let kept: Bool = lock.withLock {
            // A path already made by another job this build: let the job run, so the writer's
            // collision check sees it and fails loudly.
            guard carried.allSatisfy({ !paths.contains($0.0) }) else { return false }
            for (path, file) in carried {
                paths.insert(path)
                manifest.entries[path] = file
                if path.hasSuffix(".html") { pages += 1 }
            }
            unchanged += carried.count
            reused += 1
            memo.entries[key] = entry
            return true
        }
        if kept, lock.withLock({ countsProgress }) { progress?.advance(carried.count) }
        return kept
    }

    /// Keeps the previous memo's entry for `key` as it is, for a job reused under another key
    /// whose equal digest means this one's would be equal too.
    func keepMemo(_ key: String) {
        guard let entry = previousMemo?.entries[key] else { return }
        lock.withLock { memo.entries[key] = entry }
    }

    func made(_ key: String, digest: ContentHash, paths made: [String]) {
        guard BuildMemo.storable(key), made.allSatisfy(BuildMemo.storable) else { return }
        lock.withLock { memo.entries[key] = BuildMemo.Entry(digest: digest, paths: made) }
    }

    func write(_ file: SiteFile) throws {
        let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.path.hasPrefix("/"), !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              !file.path.contains("\n")
        else {
            throw BuildError("拒绝写出站点之外的路径：\(file.path)")
        }
        let entry = OutputManifest.Entry(size: file.data.count, hash: ContentHash(file.data))
        let isPage = file.path.hasSuffix(".html")
        defer { if lock.withLock({ countsProgress }) { progress?.advance() } }
        // Two files for one path is a bug upstream (see PageCollisions): fail loudly, never overwrite,
        // whether or not the bytes are new.
        try lock.withLock {
            guard paths.insert(file.path).inserted else { throw BuildError("两个文件要写到同一路径 \(file.path)，已停止以免覆盖") }
        }
        if previous?.entries[file.path] == entry {
            lock.withLock {
                manifest.entries[file.path] = entry
                unchanged += 1
                if isPage { pages += 1 }
            }
            return
        }
        let url = root.appendingPathComponent(file.path)
        let folder = url.deletingLastPathComponent().path
        // Made under the lock: another thread must not write into a folder that is still being made.
        try lock.withLock {
            if !folders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                folders.insert(folder)
            }
        }
        if let interruptAfter, lock.withLock({ written >= interruptAfter }) { throw BuildError("构建被中断（测试）") }
        try Self.create(url.path, with: file.data)
        lock.withLock {
            manifest.entries[file.path] = entry
            changed.append(file.path)
            written += 1
            bytes += file.data.count
            if isPage { pages += 1 }
        }
    }

    /// Plain create-and-write. Not `Data.write(to:)`: it calls `fsync` on every file, which made
    /// each of a national site's hundreds of thousands of files wait for the disk; and not an atomic
    /// write per file (temporary file and rename), which halves the rate on this file system. The
    /// staging folder is published as a whole by rename, so an interrupted build never shows a
    /// partial file; surviving a power cut mid-build is not needed of a site that can be rebuilt.
    static func create(_ path: String, with data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw BuildError("无法写出 \(path)：\(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        // A full disk or a quota can also show only at close.
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw BuildError("无法写出 \(path)：\(String(cString: strerror(failure)))") }
    }

    func countProgress(_ on: Bool) { lock.withLock { countsProgress = on } }

    var filesWritten: Int { lock.withLock { written } }
    var filesUnchanged: Int { lock.withLock { unchanged } }
    var bytesWritten: Int { lock.withLock { bytes } }
    var pagesMade: Int { lock.withLock { pages } }
    var newManifest: OutputManifest { lock.withLock { manifest } }
    var newMemo: BuildMemo { lock.withLock { memo } }
    /// Jobs skipped because their inputs were unchanged.
    var jobsReused: Int { lock.withLock { reused } }
    /// Paths written into the staging folder, sorted.
    var changedPaths: [String] { lock.withLock { changed.sorted() } }
}

public struct BuildError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
