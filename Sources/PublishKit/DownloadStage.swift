import Analysis
import Dispatch
import Foundation
import OpenData
import ReportModel
import Site

/// Step 4 of a build: the downloads of `data/`, made one job (a year's small files, or one
/// year-and-province partition) at a time per core, each file handed to the writer and released
/// before the next, so memory holds at most a partition's largest file per core. A job whose
/// digest is unchanged since the last build is not made at all (build memo); its files are kept
/// as they are and the downloads page takes their sizes from the manifest they are carried with.
enum DownloadStage {
    struct Outcome {
        /// Every kind of file with all its copies, for the downloads page.
        let entries: [DownloadEntry]
        /// Keys of the jobs made (not taken from the memo), sorted.
        let made: [String]
    }

    /// `readKeys`: each record's read-cache key, by its place among those the dataset was made from.
    static func run(_ dataset: Dataset, readKeys: [ContentHash?], writer: DirectoryWriter) throws -> Outcome {
        let plan = DownloadPlan(dataset, readKeys: readKeys)
        // Largest first, so the last job to finish is a small one.
        let jobs = plan.jobs.sorted { $0.weight > $1.weight }
        let sizes = SizeBox()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            do {
                func carried() throws {
                    for file in job.files {
                        guard let size = writer.previous?.entries[file.path]?.size else {
                            throw BuildError("下载文件 \(file.path) 沿用上次构建，但清单中没有它")
                        }
                        sizes.set(file.path, size)
                    }
                }
                // A year's rows made from the same inputs as last time are the same rows. From
                // other inputs, they are made again: hashing them first would cost as much as
                // making them, and the writer leaves files with unchanged bytes as they are. The
                // rows' own digest is only for a year with a report that has no read key.
                let inputs = job.inputsDigest()
                if let inputs, writer.reuse(job.inputsKey, digest: inputs) { return try carried() }
                let digest = inputs == nil ? job.digest() : nil
                if let digest, writer.reuse(job.key, digest: digest) { return try carried() }
                var paths: [String] = []
                try job.make { path, data in
                    try writer.write(SiteFile(path: path, data: data))
                    sizes.set(path, data.count)
                    paths.append(path)
                }
                if let digest { writer.made(job.key, digest: digest, paths: paths) }
                if let inputs { writer.made(job.inputsKey, digest: inputs, paths: paths) }
                sizes.made(job.key)
            } catch { sizes.fail(error) }
        }
        let made = try sizes.get()
        let files = plan.jobs.flatMap(\.files)
        let entries = DownloadCatalogue.all.map { kind in
            DownloadEntry(name: kind.name, title: kind.title, description: kind.description, columns: kind.columns,
                          perProvince: kind.scope == .partition,
                          files: files.filter { $0.kind == kind.name }.map { f in
                              DownloadEntry.File(path: f.path, year: f.year, province: f.province, provinceName: f.provinceName,
                                                 bytes: made[f.path] ?? 0, rows: f.rows)
                          })
        }
        return Outcome(entries: entries, made: sizes.keys.sorted())
    }

    /// File sizes from all workers, and the first error.
    private final class SizeBox: @unchecked Sendable {
        private let lock = NSLock()
        private var sizes: [String: Int] = [:]
        private var error: Error?
        private var madeKeys: [String] = []
        func made(_ key: String) { lock.withLock { madeKeys.append(key) } }
        var keys: [String] { lock.withLock { madeKeys } }
        func set(_ path: String, _ size: Int) { lock.withLock { sizes[path] = size } }
        func fail(_ e: Error) { lock.withLock { if error == nil { error = e } } }
        func get() throws -> [String: Int] {
            try lock.withLock {
                if let error { throw error }
                return sizes
            }
        }
    }
}
