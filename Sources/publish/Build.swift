import ArgumentParser
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from the content folder into the output folder.")

    @Option(help: "Folder holding the reports.", completion: .directory)
    var content = "Content"

    @Option(help: "Folder the site is written to.", completion: .directory)
    var output = "Output"

    func run() throws {
        print("build: not wired yet")
    }
}
