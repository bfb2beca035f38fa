import Foundation
@testable import Ingest
import Testing

/// Every input the fuzzers (Fuzz/) crashed or hung on, read again: each must now give a result.
/// The inputs are committed under Fuzz/regressions/<target>/.
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions")

    static func inputs(_ target: String) throws -> [URL] {
        let dir = regressions.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
    }

    /// Yams' constructor trapped (force unwrap) on a mapping key that is a list: `? [complex, key]`.
    @Test func sidecarWithAComplexKeyIsRefusedNotATrap() throws {
        let files = try Self.inputs("fuzz-sidecar")
        #expect(!files.isEmpty)
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            guard case .failure(let failure) = Sidecar.parse(text) else { Issue.record("\(file.lastPathComponent) parsed"); continue }
            #expect(failure.reason.contains("键必须是文字"), "\(failure.reason)")
        }
        // Plain sidecars read as before.
        guard case .success(let sidecar) = Sidecar.parse("agency: 某区人民政府\nyear: 2024\npublished: 2025-01-20\nregion: 320106\n") else { Issue.record("plain sidecar refused"); return }
        #expect(sidecar.agency == "某区人民政府" && sidecar.year == 2024 && sidecar.published == "2025-01-20" && sidecar.regionCode == "320106")
    }

    /// A count cell of 126 digits: the diagnostic's formatting converted it to Int and trapped.
    @Test func hugeIntegerCellIsADiagnosticNotATrap() throws {
        let files = try Self.inputs("fuzz-document-txt")
        #expect(!files.isEmpty)
        for file in files {
            guard case .report(let record) = ReportReader.read(data: try Data(contentsOf: file), source: "report.txt") else {
                Issue.record("\(file.lastPathComponent) not read as a report"); continue
            }
            #expect(record.diagnostics.contains { $0.code == "not-a-count" }, "\(file.lastPathComponent)")
        }
    }
}
