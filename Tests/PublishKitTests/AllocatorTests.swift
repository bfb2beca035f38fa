import Foundation
import Testing

/// The `publish` executable links mimalloc so that it, not glibc's malloc, serves every
/// allocation; a link order that let glibc's win would silently lose that. `publish bench parse`
/// says which allocator served it.
@Suite struct AllocatorTests {
    @Test func publishRunsOnMimalloc() throws {
        let r = try ExitCodeTests.run(["bench", "parse", "Content", "--repeat", "1"])
        #expect(r.status == 0, "\(r.output)")
        let line = try #require(r.output.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let allocator = try #require(report["allocator"] as? String)
        #expect(allocator.hasPrefix("mimalloc 2."), "\(allocator)")
        #expect(report["files"] as? Int == 5 && report["unread"] as? Int == 0)
    }
}
