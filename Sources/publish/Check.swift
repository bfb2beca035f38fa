import ArgumentParser
import Foundation
import Ingest
import PublishKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports against the identities (勾稽关系) and plausibility rules of the format.",
        discussion: """
            Reads each file (folders are searched), applies every check, and prints which identities fail \
            and by how much, with a summary line. Exit status: 0 normally; 1 with --strict when any error \
            is found (or a file cannot be read); 2 when no file could be read at all.
            """)

    @Argument(help: "Report files or folders (default: Content).", completion: .file())
    var paths: [String] = ["Content"]

    @Flag(help: "Print one JSON object (schema govreport-check/1) instead of text.")
    var json = false

    @Flag(help: "Exit with status 1 when any error is found.")
    var strict = false

    @Option(help: "Content folder whose site.yml sets the limits (as for `publish build`).", completion: .directory)
    var content = "Content"

    func run() throws {
        let discovery = InputDiscovery.resolve(paths: paths)
        for missing in discovery.missing {
            FileHandle.standardError.write(Data("publish: \(missing.path)：\(missing.reason)\n".utf8))
        }
        let limits = SiteConfig.load(from: URL(fileURLWithPath: content)).0.limits
        let outcomes = discovery.inputs.concurrentMap { ReportReader.read(contentsOf: $0.url, source: $0.source, limits: limits) }
        var records: [ReportRecordAlias] = []
        var unread: [UnreadFile] = discovery.missing.map { UnreadFile(source: $0.path, reason: $0.reason) }
        for outcome in outcomes {
            switch outcome {
            case .report(let record): records.append(record)
            case .unread(let file): unread.append(file)
            }
        }
        let reports = Checking.run(records)
        if json {
            FileHandle.standardOutput.write(try Checking.json(reports, unread: unread) + Data("\n".utf8))
        } else {
            for report in reports { print(Checking.text(report) + "\n") }
            for file in unread { print("== \(file.source)\n  无法读取：\(file.reason)\n") }
            print(Checking.summary(reports, unread: unread.count))
        }
        if records.isEmpty { throw ExitCode(2) }
        if strict && (reports.contains { $0.count(.error) > 0 } || !unread.isEmpty) { throw ExitCode(1) }
    }
}
