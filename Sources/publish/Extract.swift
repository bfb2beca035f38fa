import ArgumentParser
import Foundation
import Ingest
import PublishKit

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what was read from each report file.",
        discussion: "With --json, prints the govreport/1 record (an array when several files are given).")

    @Argument(help: "Report files to read.", completion: .file())
    var files: [String]

    @Flag(help: "Print govreport/1 JSON records instead of a readable summary.")
    var json = false

    @Option(help: "Content folder whose site.yml sets the limits (as for `publish build`).", completion: .directory)
    var content = "Content"

    func run() throws {
        let outcomes = Extraction.read(paths: files, limits: SiteConfig.load(from: URL(fileURLWithPath: content)).0.limits)
        var records: [PublishKit.ReportRecordAlias] = []
        var failed = 0
        for outcome in outcomes {
            switch outcome {
            case .report(let record): records.append(record)
            case .unread(let file):
                failed += 1
                FileHandle.standardError.write(Data("publish: 无法读取 \(file.source)：\(file.reason)\n".utf8))
            }
        }
        if json {
            let data = try Extraction.json(records, asArray: files.count > 1)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        } else {
            print(records.map(Extraction.text).joined(separator: "\n\n"))
        }
        if records.isEmpty && failed > 0 { throw ExitCode(2) }
    }
}
