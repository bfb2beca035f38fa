import Foundation
import PublishKit
import Testing

/// Which files of a content folder are inputs: sidecars and hidden files are not, every other
/// file is, in order, whatever the case of its extension.
@Suite struct InputDiscoveryTests {
    @Test func sidecarsInAnyCaseAreNotInputs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let region = folder.appendingPathComponent("北京市")
        try FileManager.default.createDirectory(at: region, withIntermediateDirectories: true)
        for name in ["b.txt", "b.YML", "a.md", "a.Yaml", "site.yml", "c.ymlx", "yml", ".hidden.txt", "报告.html", "d.yml.txt"] {
            try Data("x".utf8).write(to: region.appendingPathComponent(name))
        }
        let inputs = InputDiscovery.files(in: folder)
        let sources = inputs.map { $0.source }
        #expect(sources == ["北京市/a.md", "北京市/b.txt", "北京市/c.ymlx", "北京市/d.yml.txt", "北京市/yml", "北京市/报告.html"])
        // The folder holds sidecars, so each of its inputs may have one.
        let withSidecars = inputs.filter { $0.mayHaveSidecar }.count
        #expect(withSidecars == inputs.count)
        let urlsMatch = inputs.allSatisfy { $0.url.path == $0.path && $0.url.lastPathComponent == $0.name }
        #expect(urlsMatch)
    }

    @Test func aFolderWithoutYAMLHasNoSidecars() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let inputs = InputDiscovery.files(in: folder)
        let sources = inputs.map { $0.source }
        #expect(sources == ["a.txt"])
        let mayHaveSidecar = inputs.first?.mayHaveSidecar
        #expect(mayHaveSidecar == false)
    }
}
