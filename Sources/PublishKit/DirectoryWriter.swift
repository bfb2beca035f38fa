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
    /// With every entry's line set (see `BuildMemo.Entry.line`).
    let previousMemo: BuildMemo?
    private let lock = NSLock()
    private var folders: Set<String> = []
    /// Files written (or found unchanged) this build, by path.
    private var manifest = OutputManifest()
    /// Jobs made this build.
    private var memo = BuildMemo()
    /// Per line of the previous memo: 1 when its job was carried over, else 0. Each line is
    /// marked by the one job of its key, without the lock: on a national rebuild, hundreds of
    /// thousands of table inserts under a lock kept the cores waiting on each other. The new
    /// manifest and memo are the previous ones less what was not carried, plus what was made,
    /// put together once, at the end (see `assemble`).
    private let marks: UnsafeMutableBufferPointer<UInt8>
    private var carried = 0
    /// Files listed by the jobs carried over.
    private var carriedFiles = 0
    private var assembly: Result<Assembly, BuildError>?
    private var changed: [String] = []
    private var written = 0
    private var bytes = 0

    /// The writer's account once every job has run.
    struct Assembly: Sendable {
        let manifest: OutputManifest
        let memo: BuildMemo
        /// Files of the previous output no longer made, sorted.
        let stale: [String]
        /// Whether any file was written, or is stale: if not, the manifest is the previous one.
        let changedFiles: Bool
        /// Whether any job was made from other inputs than last time, or is no longer made.
        let changedMemo: Bool
        let unchanged: Int
        let pages: Int
        /// What differs from the previous manifest and memo, when worked out (an incremental
        /// build): the files written, and the jobs made anew and no longer made. The new texts
        /// are the previous ones with these lines replaced.
        var delta: (files: [String], jobs: [String], removedJobs: [String])? = nil
    }

    private let interruptAfter: Int?
    /// Whether files written count as progress: not while inputs are read (their copies are
    /// written then, and the read stage counts inputs). Read by every worker without the lock:
    /// it is set only between stages, while no worker runs.
    private var countsProgress = true

    init(root: URL, previous: OutputManifest? = nil, previousMemo: BuildMemo? = nil, progress: BuildProgress? = nil,
         interruptAfter: Int? = nil) {
        self.interruptAfter = interruptAfter
        self.root = root
        self.previous = previous
        self.previousMemo = previous == nil ? nil : previousMemo?.withLines()
        self.progress = progress
        marks = .allocate(capacity: self.previousMemo?.keysByLine.count ?? 0)
        marks.initialize(repeating: 0)
    }

    deinit { marks.deallocate() }

    func reuse(_ key: String, digest: ContentHash) -> Bool {
        guard let previous, let entry = previousMemo?.entries[key], entry.digest == digest else { return false }
        // Every file must still be listed as the output holds it.
        guard entry.paths.allSatisfy({ previous.entries[$0] != nil }) else { return false }
        // A path also made by another job this build is caught when the tables are put together.
        marks[entry.line] = 1
        lock.withLock {
            carried += 1
            carriedFiles += entry.paths.count
        }
        if countsProgress { progress?.advance(entry.paths.count) }
        return true
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
        defer { if countsProgress { progress?.advance() } }
        // Two files for one path is a bug upstream (see PageCollisions): fail loudly, never overwrite,
        // whether or not the bytes are new. Claimed here, before anything is written.
        let unchangedFile = previous?.entries[file.path] == entry
        try lock.withLock {
            guard manifest.entries.updateValue(entry, forKey: file.path) == nil else { throw Self.collision(file.path) }
        }
        if unchangedFile { return }
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
            changed.append(file.path)
            written += 1
            bytes += file.data.count
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

    func countProgress(_ on: Bool) { countsProgress = on }

    private static func collision(_ path: String) -> BuildError { BuildError("两个文件要写到同一路径 \(path)，已停止以免覆盖") }

    /// The new manifest and memo, once every job has run: the files written and the jobs made
    /// this build, with the files and entries carried over. Fails if a carried file's path was
    /// also written, or carried twice: two jobs claimed one path.
    func finish() throws -> Assembly { try assembled().get() }

    private func assembled() -> Result<Assembly, BuildError> {
        lock.withLock {
            if let assembly { return assembly }
            let result = Result { try assemble() }.mapError { $0 as? BuildError ?? BuildError("\($0)") }
            assembly = result
            return result
        }
    }

    /// Under the lock, once. Linear in the files and jobs that changed, except for a copy of the
    /// previous tables, a pass over the marks and counting the pages.
    private func assemble() throws -> Assembly {
        guard let previous, let previousMemo else {
            // Nothing to carry over (a full build, or no memo to trust): whatever was not written
            // again is stale.
            let stale = previous.map { previous in previous.entries.keys.filter { manifest.entries[$0] == nil }.sorted() } ?? []
            return Assembly(manifest: manifest, memo: memo, stale: stale, changedFiles: true, changedMemo: true,
                            unchanged: manifest.entries.count - written, pages: Self.pages(manifest))
        }
        var newManifest = previous, newMemo = previousMemo
        // The files of jobs not carried over: stale, or made again, unless a carried job lists
        // them too (two entries may list the same files, one carried and one not).
        var candidates: Set<String> = []
        var marked = 0
        var removedJobs: [String] = []
        for (line, key) in previousMemo.keysByLine.enumerated() {
            if marks[line] == 1 {
                marked += 1
                continue
            }
            // Made again (its entry replaced below) or no longer made.
            if memo.entries[key] == nil { removedJobs.append(key) }
            candidates.formUnion(newMemo.entries.removeValue(forKey: key)!.paths)
        }
        // One key carried twice: two jobs claimed the same files.
        guard marked == carried else { throw BuildError("两个任务使用同一个键，各自沿用上次构建的文件，已停止以免覆盖") }
        if !candidates.isEmpty {
            for (line, key) in previousMemo.keysByLine.enumerated() where marks[line] == 1 {
                for path in previousMemo.entries[key]!.paths { candidates.remove(path) }
            }
        }
        var removed: [String] = []
        for path in candidates where newManifest.entries.removeValue(forKey: path) != nil { removed.append(path) }
        // What is left must be exactly the carried jobs' files. If not, the output holds files no
        // memo entry lists (a job whose key or path a memo cannot hold): worked out path by path.
        guard newManifest.entries.count == carriedFiles else { return try assembleByPath(previous: previous, previousMemo: previousMemo) }
        for (path, entry) in manifest.entries {
            // Still listed: a carried job's file, which this build also wrote.
            guard newManifest.entries.updateValue(entry, forKey: path) == nil else { throw Self.collision(path) }
        }
        var jobs: [String] = []
        for (key, entry) in memo.entries where newMemo.entries.updateValue(entry, forKey: key) != entry { jobs.append(key) }
        let stale = removed.filter { manifest.entries[$0] == nil }.sorted()
        // Its lines are the previous file's, no longer this memo's.
        return Assembly(manifest: newManifest, memo: BuildMemo(entries: newMemo.entries), stale: stale, changedFiles: written > 0 || !stale.isEmpty,
                        changedMemo: !jobs.isEmpty || !removedJobs.isEmpty, unchanged: newManifest.entries.count - written,
                        pages: Self.pages(newManifest), delta: (changed, jobs, removedJobs))
    }

    /// The same, table by table: the carried jobs' files (each claimed once) and the files
    /// written; everything else the output holds is stale.
    private func assembleByPath(previous: OutputManifest, previousMemo: BuildMemo) throws -> Assembly {
        var newManifest = OutputManifest(), newMemo = BuildMemo()
        newManifest.entries.reserveCapacity(previous.entries.count)
        newMemo.entries.reserveCapacity(previousMemo.entries.count)
        for (line, key) in previousMemo.keysByLine.enumerated() where marks[line] == 1 {
            let entry = previousMemo.entries[key]!
            newMemo.entries[key] = entry
            for path in entry.paths {
                guard newManifest.entries.updateValue(previous.entries[path]!, forKey: path) == nil else { throw Self.collision(path) }
            }
        }
        for (path, entry) in manifest.entries {
            guard newManifest.entries.updateValue(entry, forKey: path) == nil else { throw Self.collision(path) }
        }
        for (key, entry) in memo.entries { newMemo.entries[key] = entry }
        let stale = previous.entries.keys.filter { newManifest.entries[$0] == nil }.sorted()
        return Assembly(manifest: newManifest, memo: newMemo, stale: stale, changedFiles: written > 0 || !stale.isEmpty,
                        changedMemo: newMemo != previousMemo, unchanged: newManifest.entries.count - written, pages: Self.pages(newManifest))
    }

    private static func pages(_ manifest: OutputManifest) -> Int { manifest.entries.keys.reduce(0) { $0 + ($1.hasSuffix(".html") ? 1 : 0) } }

    var filesWritten: Int { lock.withLock { written } }
    var filesUnchanged: Int { (try? finish().unchanged) ?? 0 }
    var bytesWritten: Int { lock.withLock { bytes } }
    var pagesMade: Int { (try? finish().pages) ?? 0 }
    var newManifest: OutputManifest { (try? finish().manifest) ?? OutputManifest() }
    var newMemo: BuildMemo { (try? finish().memo) ?? BuildMemo() }
    /// Jobs skipped because their inputs were unchanged.
    var jobsReused: Int { lock.withLock { carried } }
    /// Paths written into the staging folder, sorted.
    var changedPaths: [String] { lock.withLock { changed.sorted() } }
}

public struct BuildError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
