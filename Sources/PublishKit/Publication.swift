import Foundation

/// How a finished build replaces the output, so that a build that fails or is interrupted leaves
/// the previous output as it was.
///
/// Beside `Output/` live `.Output.building/` (the staging folder), `.Output.old/` (the previous
/// site during a swap) and `.Output.cache/` (parsed records and the output manifest, and the lock
/// file a build holds from start to end: a second build of the same output stops at once instead
/// of discarding the first one's staging folder and cache under it).
///
/// - A full build (first build, `--clean`, or no trustworthy manifest) writes every file into the
///   staging folder and swaps folders: two renames. The old site is deleted afterwards, off the
///   path that makes the new one visible (deleting a large tree is slow on this file system).
/// - An incremental build writes into the staging folder only the files whose bytes changed. It
///   then writes a journal (`.commit`: the files to move in, the stale files to remove) and
///   renames it into place: that rename is the commit point. The files are then renamed one by
///   one into the output and the stale ones removed. An interruption before the commit point
///   leaves the output untouched (the staging folder is discarded by the next build); one after
///   it is finished by the next build from the journal before it does anything else. Unchanged
///   files are never opened, so their inode and modification time stay as they were.
struct Publication {
    let output: URL
    let staging: URL
    let old: URL
    let cache: URL

    init(output: URL) {
        let output = output.standardizedFileURL
        self.output = output
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).building")
        old = parent.appendingPathComponent(".\(name).old")
        cache = parent.appendingPathComponent(".\(name).cache")
    }

    static let journalName = ".commit"

    /// An exclusive `flock` on the lock file, released when this is released (or the process ends,
    /// however it ends: the kernel drops the lock with the descriptor).
    final class Lock: Sendable {
        private let descriptor: Int32
        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }
    }

    var lockFile: URL { cache.appendingPathComponent("build.lock") }

    /// Takes the output's lock, or fails at once if another build holds it.
    func lock() throws -> Lock {
        try fm.createDirectory(at: cache, withIntermediateDirectories: true)
        let fd = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BuildError("无法打开锁文件 \(lockFile.path)：\(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw BuildError(busy ? "另一次构建正在写入输出文件夹 \(output.path)（锁文件 \(lockFile.path)），请等它结束后再试"
                                  : "无法锁定 \(lockFile.path)：\(reason)")
        }
        return Lock(descriptor: fd)
    }
    private var journal: URL { staging.appendingPathComponent(Self.journalName) }
    private var fm: FileManager { .default }

    /// Finishes a committed incremental publication, or discards an uncommitted staging folder,
    /// and removes a previous site left by an interrupted swap.
    func recover() throws {
        if fm.fileExists(atPath: journal.path) {
            let text = try String(contentsOf: journal, encoding: .utf8)
            let (moves, removals) = Self.parseJournal(text)
            try apply(moves: moves, removals: removals)
        }
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        // An interrupted swap: the old site was moved aside but the new one never moved in.
        if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: old.path) {
            try fm.moveItem(at: old, to: output)
        }
        if fm.fileExists(atPath: old.path) { try? fm.removeItem(at: old) }
    }

    func prepareStaging() throws {
        if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    func discardStaging() {
        try? fm.removeItem(at: staging)
    }

    /// Full build: the staging folder becomes the output. Returns the previous site's folder,
    /// still to be deleted (see `removeOld`).
    func swapIn() throws {
        try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: output.path) {
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
            try fm.moveItem(at: output, to: old)
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }

    func removeOld() {
        if fm.fileExists(atPath: old.path) { try? fm.removeItem(at: old) }
    }

    /// Incremental build: moves the changed files in and removes the stale ones, via the journal.
    /// `interrupt`: for tests, stop right after the commit point, as a crash there would.
    func commit(moves: [String], removals: [String], interrupt: Bool = false) throws {
        let text = moves.map { "+ \($0)\n" }.joined() + removals.map { "- \($0)\n" }.joined()
        let pending = staging.appendingPathComponent(Self.journalName + ".tmp")
        try Data(text.utf8).write(to: pending)
        // The commit point.
        guard rename(pending.path, journal.path) == 0 else { throw BuildError("无法提交构建日志 \(journal.path)") }
        if interrupt { throw BuildError("发布被中断（测试）") }
        try apply(moves: moves, removals: removals)
        try fm.removeItem(at: staging)
    }

    private func apply(moves: [String], removals: [String]) throws {
        var made: Set<String> = []
        for path in moves {
            let from = staging.appendingPathComponent(path)
            let to = output.appendingPathComponent(path)
            // Already moved by an interrupted run.
            guard fm.fileExists(atPath: from.path) else { continue }
            let folder = to.deletingLastPathComponent().path
            if !made.contains(folder) {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                made.insert(folder)
            }
            guard rename(from.path, to.path) == 0 else {
                throw BuildError("无法将 \(from.path) 移入输出文件夹：\(String(cString: strerror(errno)))")
            }
        }
        var folders: Set<String> = []
        for path in removals {
            let url = output.appendingPathComponent(path)
            if unlink(url.path) != 0 && errno != ENOENT {
                throw BuildError("无法删除过期文件 \(url.path)：\(String(cString: strerror(errno)))")
            }
            folders.insert(url.deletingLastPathComponent().path)
        }
        // Folders left empty (a year no longer present) go too, deepest first, as in a clean build.
        let root = output.path
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            var current = folder
            while current.count > root.count, current.hasPrefix(root + "/"), rmdir(current) == 0 {
                current = (current as NSString).deletingLastPathComponent
            }
        }
    }

    static func parseJournal(_ text: String) -> (moves: [String], removals: [String]) {
        var moves: [String] = [], removals: [String] = []
        for line in text.split(separator: "\n") where line.count > 2 {
            let path = String(line.dropFirst(2))
            if line.hasPrefix("+ ") { moves.append(path) } else if line.hasPrefix("- ") { removals.append(path) }
        }
        return (moves, removals)
    }
}
