import ArgumentParser
import Foundation
import PublishKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
            Reads every file in the content folder (site settings from its site.yml), checks and compares \
            the reports, and writes the site into the output folder, which is replaced only once the new \
            site is complete. Builds are incremental: unchanged inputs are taken from the build cache beside \
            the output and only files whose bytes change are written; --clean forces a full build. Exit status: 0 when the site was built (findings and unread files are \
            listed on it); 2 when nothing could be built (no readable report, or the output cannot be written).
            """)

    @Option(help: "Folder holding the reports.", completion: .directory)
    var content = "Content"

    @Option(help: "Folder the site is written to.", completion: .directory)
    var output = "Output"

    @Option(help: "Folder holding the theme (templates/ and assets/).", completion: .directory)
    var theme = "Theme"

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Flag(help: "Full build: parse every input again and rewrite every file, ignoring the build cache.")
    var clean = false

    @Flag(help: "No progress and no summary; errors only.")
    var quiet = false

    func run() throws {
        let builder = SiteBuilder(options: .init(
            content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output), theme: URL(fileURLWithPath: theme),
            clean: clean, progress: quiet ? .quiet : BuildProgress()))
        let summary: SiteBuilder.Summary
        do {
            summary = try builder.build()
        } catch {
            FileHandle.standardError.write(Data("publish: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if !quiet {
            print(summary.text)
            if timings {
                for stage in summary.stages { print(String(format: "  %-14@ %8.3f s", stage.name as NSString, stage.seconds)) }
            }
            print("站点已写入 \(output)/index.html")
        }
        if summary.reports == 0 {
            FileHandle.standardError.write(Data("publish: 没有任何文件能读取为报告（\(summary.unread) 个未能读取，已列在站点的“未能读取的文件”页）\n".utf8))
            throw ExitCode(2)
        }
    }
}
