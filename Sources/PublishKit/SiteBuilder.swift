import Analysis
import Foundation
import Ingest
import OpenData
import ReportModel
import Site

/// `publish build`, as a list of steps: find the inputs, read them (or take them from the cache),
/// check and analyse them, write the downloads and the pages into a folder beside the output, and
/// publish it. A build that fails or is interrupted leaves the previous output as it was; an
/// incremental build writes only the files whose bytes changed (see `Publication`).
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var output: URL
        public var theme: URL
        /// Ignore the cache and the output in place: parse everything and write every file.
        public var clean: Bool
        public var progress: BuildProgress
        /// For tests: the build fails as if interrupted once this many files are staged.
        var interruptAfterFiles: Int?
        /// For tests: an incremental publication stops right after its commit point.
        var interruptAtCommitPoint = false
        public init(content: URL, output: URL, theme: URL, clean: Bool = false, progress: BuildProgress = .quiet) {
            self.content = content
            self.output = output
            self.theme = theme
            self.clean = clean
            self.progress = progress
        }
    }

    public struct Summary: Sendable {
        public var incremental = false
        /// Nothing had changed since the last build, so nothing was done (see `BuildStamp`).
        public var upToDate = false
        public var inputs = 0
        public var reports = 0
        public var unread = 0
        public var errors = 0
        public var warnings = 0
        /// Inputs taken from the read cache instead of parsed.
        public var cacheHits = 0
        /// Of those, inputs whose file status was unchanged, so they were not even read.
        public var statusHits = 0
        /// Files of the site (pages, data, copies, assets) and, of those, pages.
        public var files = 0
        public var pages = 0
        public var filesWritten = 0
        public var filesUnchanged = 0
        public var filesRemoved = 0
        /// Pages and downloads not made again because their inputs were unchanged (build memo).
        public var jobsReused = 0
        /// The narratives' same-year matches were the last build's: no narrative, organ or source changed.
        public var matchesReused = false
        public var bytesWritten = 0
        public var seconds = 0.0
        /// Seconds per stage, in the order run.
        public var stages: [(name: String, seconds: Double)] = []
        public var notices: [String] = []

        public var text: String {
            var lines = ["读取 \(inputs) 个文件：报告 \(reports) 份，未能读取 \(unread) 个\(cacheHits > 0 ? "（\(cacheHits) 个未变，取自缓存）" : "")；检查发现错误 \(errors) 项，警告 \(warnings) 项。",
                         upToDate
                             ? "站点共 \(files) 个文件（页面 \(pages) 个）：输入、主题和设置与上次构建相同，站点无需更新；用时 \(String(format: "%.1f", seconds)) 秒。"
                             : "站点共 \(files) 个文件（页面 \(pages) 个）：\(incremental ? "增量构建，" : "")写出 \(filesWritten) 个（\(bytesWritten / 1024) KB），未变 \(filesUnchanged) 个，删除过期 \(filesRemoved) 个；用时 \(String(format: "%.1f", seconds)) 秒。"]
            lines += notices.map { "注意：\($0)" }
            return lines.joined(separator: "\n")
        }
    }

    /// The file that marks a folder as a site this tool wrote, so a build never replaces a folder
    /// that holds anything else. It also names the digest of the manifest describing the folder.
    public static let marker = ".govreport-site"
    /// Counts and stage timings of the build that wrote the output. Its timings differ from build
    /// to build, so it is the one file outside the manifest and outside "same inputs, same bytes".
    public static let buildReport = "build.json"
    static let manifestName = "manifest.txt"
    /// Inputs larger than this are listed but not copied into the site.
    public static let maximumSourceCopy = 50 * 1024 * 1024

    public let options: Options
    public init(options: Options) { self.options = options }

    public func build() throws -> Summary {
        var summary = Summary()
        var clock = Stopwatch()
        let progress = options.progress
        defer { progress.finish() }
        try checkFolders()
        let publication = Publication(output: options.output)
        // Held to the end of the build: another build of this output would discard this one's staging.
        let lock = try publication.lock()
        defer { withExtendedLifetime(lock) {} }
        try publication.recover()

        // 1. Inputs, settings, and what the previous build left.
        let inputs = InputDiscovery.files(in: options.content)
        let (config, configProblems) = SiteConfig.load(from: options.content)
        summary.inputs = inputs.count
        summary.notices = configProblems
        let theme: Theme
        do { theme = try Theme.load(from: options.theme) } catch { throw BuildError("\(error)") }
        // Pages and downloads whose inputs are unchanged are not made again, unless the tool, the
        // theme or the settings changed.
        let salt = Self.memoSalt(theme: theme, config: config, notices: configProblems)
        // Inputs whose pages would land on one path are listed as unread, never overwritten.
        let collisions = PageCollisions.find(inputs)
        // Loaded once, for the up-to-date check and the read cache.
        let statusKeys = options.clean ? [:] : ReadCache.statusKeys(in: publication.cache)
        var checked: [InputKey?]?
        if !options.clean {
            checked = try upToDate(inputs, collisions: collisions, statusKeys: statusKeys, salt: salt, limits: config.limits,
                                   publication: publication, summary: &summary, clock: &clock)
            if summary.upToDate { return summary }
        }
        // Written again once this build has published.
        BuildStamp.remove(from: publication.cache)
        // The previous output's manifest (with its digest), the build memo and the read cache: on a
        // national site hundreds of thousands of lines each and 500 MB of records, loaded side by side.
        let manifestText = options.clean ? nil : trustedManifestText(publication)
        let (parsed, memo, loadedCache) = concurrently(
            { manifestText.flatMap { OutputManifest.parse($0.text) } },
            { manifestText.flatMap { BuildMemo.load(from: publication.cache, salt: salt, manifest: $0.digest) } },
            { [clean = options.clean] in clean ? ReadCache() : ReadCache(folder: publication.cache, statusKeys: statusKeys) })
        let trusted = parsed.flatMap { manifest in manifestText.map { (manifest: manifest, digest: $0.digest) } }
        let previous = trusted?.manifest
        summary.incremental = previous != nil
        clock.lap("discover", into: &summary)

        // Everything is written into a staging folder beside the output.
        try publication.prepareStaging()
        let writer = DirectoryWriter(root: publication.staging, previous: previous, previousMemo: memo, progress: progress,
                                     interruptAfter: options.interruptAfterFiles)
        let stale: [String]
        let fileStats: [(FileStatus, ContentHash)]
        let cachePlan: ReadCache.Plan?
        let matches: SameYearMatches
        let inputsDigest: ContentHash?
        let manifestDigest: ContentHash
        let memoJobs: Int
        do {
            // 2. Read every file on all cores (or take it from the cache), copying it into the site.
            var read = try readInputs(inputs, collisions: collisions, checked: checked, cache: consume loadedCache, limits: config.limits,
                                      publication: publication, writer: writer, summary: &summary)
            let unread = read.unread, unreadCopies = read.unreadCopies, recordInputs = read.recordInputs
            fileStats = read.stats
            cachePlan = read.cachePlan
            inputsDigest = BuildStamp.digest(salt: salt, sources: inputs.map(\.source), keys: read.keys)
            clock.lap("read", into: &summary)

            // 3. Checks, metrics, regions, rankings.
            progress.start("analyse", total: 0)
            let previousMatches = options.clean ? nil : MatchesCache.load(from: publication.cache)
            let dataset = Dataset(records: read.records, analyses: read.analyses, matches: previousMatches,
                                  options: .init(minimumRequests: config.minimumRequests))
            matches = dataset.sameYearMatches
            summary.matchesReused = matches.reused
            // The dataset holds every record, with the findings of its checks; the parsed ones go.
            read.records = []
            read.analyses = []
            summary.reports = dataset.reports.count
            summary.unread = unread.count
            summary.errors = dataset.reports.reduce(0) { $0 + $1.count(.error) }
            summary.warnings = dataset.reports.reduce(0) { $0 + $1.count(.warning) }
            clock.lap("analyse", into: &summary)

            // 4. Downloads.
            progress.start("downloads", total: 0)
            // Made a partition at a time; only their descriptions are kept for the downloads page.
            let downloads = try DownloadStage.run(dataset, readKeys: recordInputs.map(\.readKey), writer: writer).entries
            clock.lap("downloads", into: &summary)

            // 5. Pages.
            progress.start("render+write", total: 0)
            let content = SiteContent(
                dataset: dataset, unread: unread,
                settings: SiteSettings(title: config.title, baseURL: config.baseURL, featuredYear: config.featuredYear, buildDate: config.buildDate),
                downloads: downloads,
                unreadCopies: unreadCopies, notices: configProblems, recordInputs: recordInputs)
            try SiteRenderer.render(content, theme: theme, to: writer)
            progress.finish()
            clock.lap("render+write", into: &summary)

            // The manifest of the new output, its marker, and the files no longer made.
            let assembly = try writer.finish()
            let manifest = assembly.manifest, newMemo = assembly.memo
            memoJobs = newMemo.entries.count
            stale = assembly.stale
            // A build that changed no file leaves the manifest and the memo as they are (each over
            // 20 MB on a national site): the same entries would give the same text. A memo loaded
            // at all was saved with this salt beside the trusted manifest.
            let manifestUnchanged = trusted != nil && memo != nil && !assembly.changedFiles
            let memoUnchanged = manifestUnchanged && !assembly.changedMemo
            // Each file's text made side by side, from the previous text with the lines that changed
            // replaced when the writer knows them; the memo's header names the manifest's digest.
            let delta = assembly.delta, previousManifestText = trusted.flatMap { _ in manifestText?.text }
            let previousMemoLines = memo?.loadedLines
            let (newManifestText, memoLines): (String?, String?) = concurrently(
                { () -> String? in
                    guard !manifestUnchanged else { return nil }
                    guard let delta, let previousManifestText else { return manifest.text }
                    return manifest.text(patching: previousManifestText, changed: delta.files, removed: stale)
                },
                { () -> String? in
                    guard !memoUnchanged else { return nil }
                    guard let delta, let previousMemoLines else { return newMemo.lines }
                    return newMemo.lines(patching: previousMemoLines, changed: delta.jobs, removed: delta.removedJobs)
                })
            if let newManifestText {
                manifestDigest = ContentHash(newManifestText)
                try FileManager.default.createDirectory(at: publication.cache, withIntermediateDirectories: true)
                try Data(newManifestText.utf8).write(to: publication.cache.appendingPathComponent(Self.manifestName), options: .atomic)
            } else {
                manifestDigest = trusted!.digest
            }
            let marker = Self.markerText(manifestDigest)
            let markerChanged = trusted == nil || marker != Self.markerText(trusted!.digest)
            if markerChanged { try Data(marker.utf8).write(to: publication.staging.appendingPathComponent(Self.marker)) }
            if let memoLines { try BuildMemo.save(lines: memoLines, to: publication.cache, salt: salt, manifest: manifestDigest) }
            summary.files = manifest.entries.count
            summary.pages = writer.pagesMade
            summary.filesWritten = writer.filesWritten
            summary.filesUnchanged = writer.filesUnchanged
            summary.filesRemoved = stale.count
            summary.jobsReused = writer.jobsReused
            summary.bytesWritten = writer.bytesWritten
            try writeBuildReport(summary, clock: clock, into: publication.staging)
        } catch {
            publication.discardStaging()
            throw error
        }

        // 6. Publish: swap the new site in, or move the changed files in.
        if previous != nil {
            let markerMoves = FileManager.default.fileExists(atPath: publication.staging.appendingPathComponent(Self.marker).path) ? [Self.marker] : []
            try publication.commit(moves: writer.changedPaths + markerMoves + [Self.buildReport], removals: stale,
                                   interrupt: options.interruptAtCommitPoint)
        } else {
            try publication.swapIn()
        }
        if let cachePlan { try? ReadCache.commit(stats: fileStats, plan: cachePlan, in: publication.cache) }
        // Without it the next build scores the pairs again.
        if !matches.reused { try? MatchesCache.save(matches, to: publication.cache) }
        if let inputsDigest {
            let counts = BuildStamp.Counts(reports: summary.reports, unread: summary.unread, errors: summary.errors, warnings: summary.warnings,
                                           files: summary.files, pages: summary.pages, jobs: memoJobs)
            // Without a stamp the next build just runs the long way.
            try? BuildStamp(inputs: inputsDigest, manifest: manifestDigest, counts: counts).save(to: publication.cache)
        }
        clock.lap("publish", into: &summary)
        // Deleting the previous tree is slow; the new site is already in place.
        publication.removeOld()
        clock.lap("cleanup", into: &summary)
        summary.seconds = clock.total
        return summary
    }

    private struct ReadStage {
        /// Reports without their narratives, each with its own analysis (see `AnalysedOutcome`).
        var records: [ReportRecord] = []
        var analyses: [ReportAnalysis] = []
        var unread: [UnreadEntry] = []
        /// Each record's read key and copy, in the records' order.
        var recordInputs: [SiteContent.RecordInput] = []
        /// Input path → its copy in the site, for inputs that gave no report.
        var unreadCopies: [String: String] = [:]
        var stats: [(FileStatus, ContentHash)] = []
        /// Each input's read-cache key, in the inputs' order (nil for an input read without one).
        var keys: [ContentHash?] = []
        /// What publishing does with the next read cache; nil when it could not be written.
        var cachePlan: ReadCache.Plan?
    }

    /// Reads every input on all cores, or takes its outcome from the read cache, streaming new
    /// outcomes to the next cache file as they come. The cache's bytes (as large as all records'
    /// text on a national corpus) live only inside this function.
    /// `checked`: each input's key as the up-to-date check found it, if it ran.
    private func readInputs(_ inputs: [InputDiscovery.Input], collisions: [Int: String], checked: [InputKey?]?,
                            cache: consuming ReadCache, limits: ReadLimits,
                            publication: Publication, writer: DirectoryWriter, summary: inout Summary) throws -> ReadStage {
        let cache = cache
        options.progress.start("read", total: inputs.count)
        // New outcomes go to the next cache file as they are read; cached ones are kept in place.
        let pending = ReadCache.PendingWriter(folder: publication.cache, appendingTo: cache)
        writer.countProgress(false)
        defer { writer.countProgress(true) }
        // Four threads a core: an input read from a cold disk waits for it, and parsing one
        // (on a watchdog's thread) meanwhile keeps the cores busy.
        let items = ParallelMap.map(Array(inputs.indices), threads: ProcessInfo.processInfo.activeProcessorCount * 4) { i in
            Result {
                try read(inputs[i], collision: collisions[i], checked: checked?[i], limits: limits, cache: cache, pending: pending, into: writer)
            }
        }
        var stage = ReadStage()
        // Sized once: grown step by step, the path-keyed tables were rehashed over and over.
        stage.records.reserveCapacity(items.count)
        stage.analyses.reserveCapacity(items.count)
        stage.recordInputs.reserveCapacity(items.count)
        stage.stats.reserveCapacity(items.count)
        stage.keys.reserveCapacity(items.count)
        stage.cachePlan = pending.finish()
        for item in items {
            let item = try item.get()
            switch item.outcome.outcome {
            case .report(let record):
                stage.records.append(record)
                stage.analyses.append(item.outcome.analysis ?? ReportAnalysis(record))
                stage.recordInputs.append(SiteContent.RecordInput(readKey: item.key, copy: item.copy))
            case .unread(let file):
                stage.unread.append(UnreadEntry(source: file.source, reason: file.reason))
                if let copy = item.copy { stage.unreadCopies[item.source] = copy }
            }
            stage.keys.append(item.key)
            if let key = item.key, let status = item.status { stage.stats.append((status, key)) }
            if item.hit { summary.cacheHits += 1 }
            if item.statusHit { summary.statusHits += 1 }
        }
        return stage
    }

    private struct ReadItem: Sendable {
        let source: String
        let outcome: AnalysedOutcome
        let copy: String?
        let hit: Bool
        /// The read cache's key: what the outcome was read from.
        var key: ContentHash? = nil
        var status: FileStatus? = nil
        var statusHit = false
    }

    /// One input: its bytes read once, hashed for the cache, parsed on a miss, copied into the site.
    /// An input whose file status is unchanged since the last build is neither read nor hashed.
    private func read(_ input: InputDiscovery.Input, collision: String?, checked: InputKey?, limits: ReadLimits, cache: ReadCache,
                      pending: ReadCache.PendingWriter, into writer: DirectoryWriter) throws -> ReadItem {
        defer { options.progress.advance() }
        if let collision {
            return ReadItem(source: input.source, outcome: AnalysedOutcome(.unread(UnreadFile(source: input.source, reason: collision))),
                            copy: nil, hit: false)
        }
        // The check's key (from the status, or from the bytes it read just before), else found here.
        let found = checked.map { (key: $0, data: Data?.none) } ?? InputKey.find(input, limits: limits, statusKey: cache.key(for:))
        // Not a regular file, over the size limit or unreadable: listed without a copy; its page says why.
        let unread = {
            ReadItem(source: input.source, outcome: AnalysedOutcome(ReportReader.read(contentsOf: input.url, source: input.source, limits: limits)),
                     copy: nil, hit: false)
        }
        guard let found else { return unread() }
        let status = found.key.status, sidecar = found.key.sidecar
        if found.data == nil, let outcome = cache.outcome(for: found.key.key) {
            let copy = try copySource(input, size: status.size, key: found.key.key, data: nil, into: writer)
            if copy != .needsBytes {
                pending.keep(found.key.key)
                return ReadItem(source: input.source, outcome: outcome, copy: copy.path, hit: true,
                                key: found.key.key, status: status, statusHit: found.key.statusHit)
            }
        }
        let key: ContentHash, data: Data
        if let bytes = found.data {
            (key, data) = (found.key.key, bytes)
        } else {
            // Known by its status, but its outcome or its copy needs the bytes.
            guard case .regular(let size) = FileKind.of(input.path), size <= limits.maxFileBytes,
                  let bytes = try? Data(contentsOf: input.url)
            else { return unread() }
            (key, data) = (ReadCache.key(source: input.source, data: bytes, sidecar: sidecar.flatMap(ReportReader.sidecarData), limits: limits), bytes)
        }
        let outcome: AnalysedOutcome
        let hit: Bool
        if let cached = cache.outcome(for: key) {
            outcome = cached
            hit = true
        } else {
            var read = ReportReader.read(data: data, source: input.source, limits: limits, watched: true)
            if case .report(var record) = read, let sidecar {
                ReportReader.applySidecar(at: sidecar, to: &record)
                read = .report(record)
            }
            // Checked and sketched here, on the reading core, while the narrative is at hand.
            outcome = AnalysedOutcome(read)
            hit = false
        }
        let copy = try copySource(input, size: data.count, key: key, data: data, into: writer)
        if hit {
            pending.keep(key)
        } else if let entry = ReadCache.entry(key: key, outcome: outcome) {
            pending.append(entry)
        }
        return ReadItem(source: input.source, outcome: outcome, copy: copy.path, hit: hit, key: key, status: status)
    }

    private enum SourceCopy: Equatable {
        case copied(String), tooLarge, needsBytes
        var path: String? { if case .copied(let path) = self { path } else { nil } }
    }

    /// The input's copy in the site (inputs up to `maximumSourceCopy`), kept as it is when the
    /// memo says the same bytes were copied last time; without `data` and no such copy, the
    /// caller must read the file.
    private func copySource(_ input: InputDiscovery.Input, size: Int, key: ContentHash, data: Data?,
                            into writer: DirectoryWriter) throws -> SourceCopy {
        guard size <= Self.maximumSourceCopy else { return .tooLarge }
        let path = SitePaths.source(SitePaths.reportID(source: input.source), originalName: input.name)
        let memoKey = "source:" + path
        if writer.reuse(memoKey, digest: key) { return .copied(path) }
        guard let data else { return .needsBytes }
        try writer.write(SiteFile(path: path, data: data))
        writer.made(memoKey, digest: key, paths: [path])
        return .copied(path)
    }

    /// Whether every input, the theme and the settings are as they were for the build that made
    /// the output in place (see `BuildStamp`). If so, `summary.upToDate` is set and the summary is
    /// that of a build that does nothing: only the build report is written again. Returns each
    /// input's key as found, for the read stage when something changed; nil when no check ran.
    /// The check is a stage of its own.
    private func upToDate(_ inputs: [InputDiscovery.Input], collisions: [Int: String], statusKeys: [ContentHash: ContentHash],
                          salt: ContentHash, limits: ReadLimits, publication: Publication, summary: inout Summary,
                          clock: inout Stopwatch) throws -> [InputKey?]? {
        guard let stamp = BuildStamp.load(from: publication.cache),
              let marker = try? String(contentsOf: publication.output.appendingPathComponent(Self.marker), encoding: .utf8),
              marker == Self.markerText(stamp.manifest)
        else { return nil }
        options.progress.start("check", total: inputs.count)
        let checked = Self.inputKeys(inputs, collisions: collisions, limits: limits, statusKeys: statusKeys, progress: options.progress)
        guard BuildStamp.digest(salt: salt, sources: inputs.map(\.source), keys: checked.map { $0?.key }) == stamp.inputs else {
            clock.lap("check", into: &summary)
            return checked
        }
        let counts = stamp.counts
        summary.incremental = true
        summary.upToDate = true
        (summary.reports, summary.unread, summary.errors, summary.warnings) = (counts.reports, counts.unread, counts.errors, counts.warnings)
        (summary.files, summary.pages, summary.filesUnchanged, summary.jobsReused) = (counts.files, counts.pages, counts.files, counts.jobs)
        summary.cacheHits = inputs.count
        summary.statusHits = checked.filter { $0?.statusHit == true }.count
        clock.lap("check", into: &summary)
        // The report replaces the one in place by rename, as a build's publication does.
        try writeBuildReport(summary, clock: clock, into: publication.cache)
        let report = publication.cache.appendingPathComponent(Self.buildReport).path
        guard rename(report, publication.output.appendingPathComponent(Self.buildReport).path) == 0 else {
            throw BuildError("无法写出 \(Self.buildReport)：\(String(cString: strerror(errno)))")
        }
        summary.seconds = clock.total
        return checked
    }

    /// What every memoized job depends on besides its own inputs.
    static func memoSalt(theme: Theme, config: SiteConfig, notices: [String]) -> ContentHash {
        var salt = DigestBuilder("memo-salt")
        salt.add(ReadCache.toolVersion)
        salt.add(theme.digest)
        salt.add(String(describing: config))
        for notice in notices { salt.add(notice) }
        return salt.digest
    }

    /// `digest`: the manifest's, as `OutputManifest.digest` gives it.
    static func markerText(_ digest: ContentHash) -> String {
        "Written by `publish`; replaced or updated by every build. manifest \(digest)\n"
    }

    /// The previous build's manifest text and its digest, if the output in place is the one it
    /// describes. The digest is that of the file's text, which is the manifest's `text` as written.
    private func trustedManifestText(_ publication: Publication) -> (text: String, digest: ContentHash)? {
        guard let marker = try? String(contentsOf: publication.output.appendingPathComponent(Self.marker), encoding: .utf8),
              let text = try? String(contentsOf: publication.cache.appendingPathComponent(Self.manifestName), encoding: .utf8)
        else { return nil }
        let digest = ContentHash(text)
        return marker == Self.markerText(digest) ? (text, digest) : nil
    }

    private func writeBuildReport(_ summary: Summary, clock: Stopwatch, into folder: URL) throws {
        // Stages up to the point the report is written; publishing follows it.
        let stages = summary.stages.map { ["name": $0.name, "seconds": ($0.seconds * 1000).rounded() / 1000] as [String: Any] }
        let report: [String: Any] = [
            "schema": "govreport-build/1",
            "mode": summary.upToDate ? "unchanged" : summary.incremental ? "incremental" : "full",
            "inputs": summary.inputs, "reports": summary.reports, "unread": summary.unread,
            "errors": summary.errors, "warnings": summary.warnings, "cache_hits": summary.cacheHits, "status_hits": summary.statusHits,
            "files": summary.files, "pages": summary.pages, "files_written": summary.filesWritten,
            "files_unchanged": summary.filesUnchanged, "files_removed": summary.filesRemoved,
            "jobs_reused": summary.jobsReused, "matches_reused": summary.matchesReused,
            "bytes_written": summary.bytesWritten,
            "seconds_before_publish": ((clock.total * 1000).rounded() / 1000),
            "stages": stages,
        ]
        let data = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
        try (data + Data("\n".utf8)).write(to: folder.appendingPathComponent(Self.buildReport))
    }

    /// The output must be a folder this tool wrote (or absent or empty), and must not hold the content.
    private func checkFolders() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BuildError("内容文件夹 \(options.content.path) 不存在")
        }
        let content = options.content.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let output = options.output.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        if content.hasPrefix(output) || output.hasPrefix(content) {
            throw BuildError("输出文件夹 \(options.output.path) 不能与内容文件夹相同、在其中或包含它")
        }
        if output == "/" { throw BuildError("输出文件夹不能是根目录") }
        if fm.fileExists(atPath: options.output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw BuildError("输出路径 \(options.output.path) 是文件而不是文件夹") }
            let entries = (try? fm.contentsOfDirectory(atPath: options.output.path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.marker) {
                throw BuildError("输出文件夹 \(options.output.path) 已有其他内容（不是本工具生成的站点），为免误删，请换一个文件夹或先清空它")
            }
        }
    }
}

struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    mutating func lap(_ name: String, into summary: inout SiteBuilder.Summary) {
        let now = DispatchTime.now().uptimeNanoseconds
        summary.stages.append((name, Double(now - last) / 1e9))
        last = now
    }
}
