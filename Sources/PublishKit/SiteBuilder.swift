import Analysis
import Foundation
import Ingest
import OpenData
import ReportModel
import Site

/// `publish build`, as a list of steps: find the inputs, read them, check and analyse them,
/// write the downloads and the pages into a folder beside the output, and swap it in.
/// A build that fails part-way leaves the previous output as it was.
public struct SiteBuilder {
    public struct Options: Sendable {
        public var content: URL
        public var output: URL
        public var theme: URL
        public init(content: URL, output: URL, theme: URL) {
            self.content = content
            self.output = output
            self.theme = theme
        }
    }

    public struct Summary: Sendable {
        public var inputs = 0
        public var reports = 0
        public var unread = 0
        public var errors = 0
        public var warnings = 0
        public var filesWritten = 0
        public var bytesWritten = 0
        /// Seconds per stage, in the order run.
        public var stages: [(name: String, seconds: Double)] = []
        public var notices: [String] = []

        public var text: String {
            var lines = ["读取 \(inputs) 个文件：报告 \(reports) 份，未能读取 \(unread) 个；检查发现错误 \(errors) 项，警告 \(warnings) 项。",
                         "写出 \(filesWritten) 个文件（\(bytesWritten / 1024) KB）。"]
            lines += notices.map { "注意：\($0)" }
            return lines.joined(separator: "\n")
        }
    }

    /// The file that marks a folder as a site this tool wrote, so a build never replaces a folder
    /// that holds anything else.
    public static let marker = ".govreport-site"
    /// Inputs larger than this are listed but not copied into the site.
    public static let maximumSourceCopy = 50 * 1024 * 1024

    public let options: Options
    public init(options: Options) { self.options = options }

    public func build() throws -> Summary {
        var summary = Summary()
        var clock = Stopwatch()
        try checkFolders()

        // 1. Inputs and settings.
        let inputs = InputDiscovery.files(in: options.content)
        let (config, configProblems) = SiteConfig.load(from: options.content)
        summary.inputs = inputs.count
        summary.notices = configProblems
        let theme: Theme
        do { theme = try Theme.load(from: options.theme) } catch { throw BuildError("\(error)") }
        clock.lap("discover", into: &summary)

        // 2. Read every file on all cores.
        let collisions = PageCollisions.find(inputs), limits = config.limits
        let outcomes = Array(inputs.indices).concurrentMap { i in
            collisions[i].map { .unread(UnreadFile(source: inputs[i].source, reason: $0)) }
                ?? ReportReader.read(contentsOf: inputs[i].url, source: inputs[i].source, limits: limits)
        }
        var records: [ReportRecord] = []
        var unread: [UnreadEntry] = []
        for outcome in outcomes {
            switch outcome {
            case .report(let record): records.append(record)
            case .unread(let file): unread.append(UnreadEntry(source: file.source, reason: file.reason))
            }
        }
        clock.lap("read", into: &summary)

        // 3. Checks, metrics, regions, rankings.
        let dataset = Dataset(records: records, options: .init(minimumRequests: config.minimumRequests))
        summary.reports = dataset.reports.count
        summary.unread = unread.count
        summary.errors = dataset.reports.reduce(0) { $0 + $1.count(.error) }
        summary.warnings = dataset.reports.reduce(0) { $0 + $1.count(.warning) }
        clock.lap("analyse", into: &summary)

        // 4. Everything is written into a staging folder beside the output.
        let staging = sibling("building")
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let writer = DirectoryWriter(root: staging)
        do {
            let downloads = try Downloads.files(dataset, scratch: staging)
            for file in downloads { try writer.write(SiteFile(path: "data/\(file.name)", data: file.data)) }
            let copies = try copySources(inputs.indices.filter { collisions[$0] == nil }.map { inputs[$0] }, into: writer)
            clock.lap("downloads", into: &summary)

            let content = SiteContent(
                dataset: dataset, unread: unread,
                settings: SiteSettings(title: config.title, baseURL: config.baseURL, featuredYear: config.featuredYear, buildDate: config.buildDate),
                downloads: downloads.map { DownloadEntry(name: $0.name, title: $0.title, description: $0.description, columns: $0.columns, bytes: $0.data.count, rows: $0.rows) },
                sourceCopies: copies, notices: configProblems)
            try SiteRenderer.render(content, theme: theme, to: writer)
            try writer.write(SiteFile(path: Self.marker, text: "Written by `publish`; this whole folder is replaced on every build.\n"))
            clock.lap("render+write", into: &summary)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        summary.filesWritten = writer.filesWritten
        summary.bytesWritten = writer.bytesWritten

        // 5. Swap the new site in; the old one is removed only once the new one is in place.
        try swapIn(staging)
        clock.lap("publish", into: &summary)
        return summary
    }

    /// `sources/<id>.<ext>`: every input is downloadable from its page, read or not.
    private func copySources(_ inputs: [InputDiscovery.Input], into writer: DirectoryWriter) throws -> [String: String] {
        let copies = inputs.concurrentMap { input -> Result<(String, String)?, Error> in
            // Unreadable or oversized inputs (and FIFOs, which would block) are listed without a copy; their pages say why.
            guard case .regular(let size) = FileKind.of(input.url.path), size <= Self.maximumSourceCopy, let data = try? Data(contentsOf: input.url) else { return .success(nil) }
            let path = SitePaths.source(SitePaths.reportID(source: input.source), originalName: input.url.lastPathComponent)
            return Result { try writer.write(SiteFile(path: path, data: data)); return (input.source, path) }
        }
        var map: [String: String] = [:]
        for copy in copies {
            if let (source, path) = try copy.get() { map[source] = path }
        }
        return map
    }

    private func sibling(_ suffix: String) -> URL {
        let output = options.output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
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

    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        let output = options.output.standardizedFileURL
        try fm.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: output.path) {
            let old = sibling("old")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: output, to: old)
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }
}

struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap(_ name: String, into summary: inout SiteBuilder.Summary) {
        let now = DispatchTime.now().uptimeNanoseconds
        summary.stages.append((name, Double(now - last) / 1e9))
        last = now
    }
}
