import Foundation
import Ingest
import PublishKit
import Testing

/// `limits:` in site.yml, and site.yml inputs the fuzzer found (Fuzz/regressions/fuzz-site-config).
@Suite struct SiteConfigLimitTests {
    @Test func limitsAreReadFromSiteYML() {
        let (config, problems) = SiteConfig.parse("limits: {max_file_mb: 8, max_table_cells: 500, seconds_per_file: 2.5, max_unpacked_mb: 32}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.limits == ReadLimits(maxFileBytes: 8 << 20, maxTableCells: 500, secondsPerFile: 2.5, maxUnpackedBytes: 32 << 20))
        #expect(SiteConfig.parse("title: x\n").0.limits == .default)
    }

    @Test func aBrokenLimitKeepsItsDefaultAndIsReported() {
        let (config, problems) = SiteConfig.parse("limits:\n  max_file_mb: lots\n  seconds_per_file: -1\n  max_cells: 3\n")
        #expect(config.limits == .default)
        #expect(problems.count == 3 && problems.contains { $0.contains("max_file_mb") } && problems.contains { $0.contains("max_cells") }, "\(problems)")
        #expect(!SiteConfig.parse("limits: 5\n").1.isEmpty)
    }

    @Test func complexKeysAndAliasBombsAreProblemsNotCrashes() {
        #expect(SiteConfig.parse("? [complex, key]\n: value\ntitle: x\n").1 == ["site.yml 不是有效的 YAML，已使用默认设置"])
        let laughs = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + (1..<8).map { i in
            let (n, p) = (String(UnicodeScalar(UInt8(97 + i))), String(UnicodeScalar(UInt8(96 + i))))
            return "\(n): &\(n) [" + Array(repeating: "*\(p)", count: 10).joined(separator: ",") + "]"
        }.joined(separator: "\n") + "\ntitle: *h\n"
        #expect(SiteConfig.parse(laughs).1.first?.contains("节点") == true)
    }
}
