import Analysis
import Foundation
import Ingest
import PublishKit
import ReportModel
import Testing

/// The shipped corpus (Content/, the five real seed reports) through every check.
@Suite struct SeedCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")

    static func checkedCorpus() -> [CheckedReport] {
        let records = InputDiscovery.files(in: content).compactMap { input -> ReportRecord? in
            if case .report(let r) = ReportReader.read(contentsOf: input.url, source: input.source) { return r }
            return nil
        }
        return Checking.run(records)
    }

    @Test func seedsProduceExactlyTheFindingsTheyShould() {
        let reports = Self.checkedCorpus()
        #expect(reports.count == 5)
        for report in reports {
            let codes = Set(report.record.diagnostics.filter { $0.severity >= .warning }.map(\.code))
            if report.record.agency == "船营区政数局" {
                // Blank tables, and 规章 reported by a district department.
                #expect(codes == ["blank-cell", "table-blank", "rules-below-level"], "\(codes)")
                #expect(report.identities.allSatisfy { $0.status == .notAssessable })
            } else {
                #expect(codes.isEmpty, "\(report.record.source): \(codes)")
                #expect(report.identities.allSatisfy { $0.status == .passed }, "\(report.record.source)")
            }
            #expect(report.count(.error) == 0)
        }
    }

    @Test func brokenCopyNamesRowColumnAndDifference() throws {
        let source = Self.content.appendingPathComponent("安徽省/合肥市/瑶海区人民政府办公室-2024.txt")
        var text = try String(contentsOf: source, encoding: .utf8)
        // （七）总计, 自然人: 44 → 46.
        let total = text.range(of: "（七）总计")!
        let cell = text.range(of: "\t44", range: total.upperBound..<text.endIndex)!
        text.replaceSubrange(cell, with: "\t46")
        guard case .report(let record) = ReportReader.read(data: Data(text.utf8), source: "broken.txt") else {
            Issue.record("the broken copy is still a readable report")
            return
        }
        let report = Checking.run([record])[0]
        let balance = report.record.diagnostics.first { $0.code == "identity-balance" }
        #expect(balance?.where == "table 三, \(Identity.balance.label), 自然人")
        #expect(balance?.expected == "46" && balance?.found == "48")
        #expect(report.count(.error) == 3, "balance, outcome sum and the 总计 row's applicant sum all break")
        #expect(Checking.summary([report], unread: 0).contains("错误 3 项"))
    }

    @Test func checkJSONCarriesIdentitiesAndFindings() throws {
        let reports = Self.checkedCorpus()
        let data = try Checking.json(reports, unread: [UnreadFile(source: "x.bin", reason: "不是文本文件")])
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(json["schema"] as? String == "govreport-check/1")
        let summary = json["summary"] as! [String: Int]
        #expect(summary["reports"] == 5 && summary["unread"] == 1 && summary["errors"] == 0)
        let first = (json["reports"] as! [[String: Any]])[0]
        #expect((first["identities"] as! [Any]).count == 42)
    }
}
