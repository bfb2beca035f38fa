import Foundation
import PublishKit
import SampleCorpus
import Testing

/// Two builds in one process share Swift's hash seed, so a step that leaks a dictionary's order
/// into the output gives the same bytes twice there and only differs between runs of the tool.
/// These builds run the `publish` binary in separate processes (each with its own random seed)
/// on a corpus where order matters: an organ with four files for one year (one kept, three
/// superseded, noted on the kept one's page in a fixed order), and another with three.
@Suite struct ProcessDeterminismTests {
    @Test func buildsInSeparateProcessesAreByteIdentical() throws {
        let content = try IncrementalBuildTests.corpus(count: 40, seed: 5)
        let root = content.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: root) }
        // Re-publications: the same report under other names (the duplicate rule keeps the
        // path that sorts last, so each group has one winner and several losers).
        let inputs = InputDiscovery.files(in: content)
        for (input, copies) in [(inputs[0], 3), (inputs[7], 2)] {
            let data = try Data(contentsOf: input.url)
            for copy in 1...copies {
                let name = input.url.deletingPathExtension().lastPathComponent + "-重发\(copy)." + input.url.pathExtension
                try data.write(to: input.url.deletingLastPathComponent().appendingPathComponent(name))
            }
        }

        // Several processes: with one seed per run, two runs agree by chance half the time
        // when a dictionary of two entries leaks, so four runs leave a leak 1 chance in 8.
        var sites: [URL] = []
        for run in 0..<4 {
            let site = root.appendingPathComponent("site-\(run)")
            let r = try ExitCodeTests.run(["build", "--content", content.path, "--output", site.path, "--quiet"])
            #expect(r.status == 0, "\(r.output)")
            sites.append(site)
        }
        let kept = try String(contentsOf: sites[0].appendingPathComponent("quality.html"), encoding: .utf8)
        #expect(kept.contains("重发"), "the re-published copies are on the site")
        for site in sites.dropFirst() { try IncrementalBuildTests.expectSameTree(sites[0], site) }
    }
}
