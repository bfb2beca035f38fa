import Analysis
import Foundation
import Ingest
import ReportModel

/// `publish check`'s output: a readable account per report and a JSON object for machines.
public enum Checking {
    /// Runs every check (see `CheckRun`).
    public static func run(_ records: [ReportRecord]) -> [CheckedReport] { CheckRun.run(records) }

    /// The readable account `publish check` prints for one report.
    public static func text(_ report: CheckedReport) -> String {
        let r = report.record
        var lines = ["== \(r.source)（\(r.agency ?? "机关未识别") \(r.year.map { "\($0)年" } ?? "年度未识别")）"]
        let counts = report.identityCounts
        lines.append("  勾稽关系：成立 \(counts.passed) 处，不成立 \(counts.failed) 处，无法核对 \(counts.notAssessable) 处")
        if let s = report.similarity.previousYear { lines.append("  叙述与上年报告相似度 \(formatPercent(s))") }
        if let s = report.similarity.sameYear, let other = report.similarity.sameYearSource {
            lines.append("  叙述与同年其他机关报告的最高相似度 \(formatPercent(s))（\(other)）")
        }
        let ordered = r.diagnostics.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }
        for (_, d) in ordered {
            lines.append("  [\(severityName(d.severity))] \(d.code)\(d.where.map { " @ \($0)" } ?? "")：\(d.message)")
        }
        return lines.joined(separator: "\n")
    }

    public static func summary(_ reports: [CheckedReport], unread: Int) -> String {
        let errors = reports.reduce(0) { $0 + $1.count(.error) }
        let warnings = reports.reduce(0) { $0 + $1.count(.warning) }
        let infos = reports.reduce(0) { $0 + $1.count(.info) }
        let failing = reports.filter { $0.count(.error) > 0 }.count
        return "检查 \(reports.count) 份报告：错误 \(errors) 项（涉及 \(failing) 份），警告 \(warnings) 项，提示 \(infos) 项；无法读取 \(unread) 份。"
    }

    public static func severityName(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }

    /// `publish check --json`: one object for machines.
    public static func json(_ reports: [CheckedReport], unread: [UnreadFile]) throws -> Data {
        struct Output: Encodable {
            let schema = "govreport-check/1"
            let summary: [String: Int]
            let reports: [Report]
            let unread: [Unread]
        }
        struct Report: Encodable {
            let source: String, agency: String?, year: Int?
            let identities: [Identity]
            let findings: [Diagnostic]
            let similarity: Similarity
        }
        struct Identity: Encodable {
            let identity: String, label: String, scope: String, status: String, left: Int?, right: Int?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(identity, forKey: .identity); try c.encode(label, forKey: .label)
                try c.encode(scope, forKey: .scope); try c.encode(status, forKey: .status)
                try c.encode(left, forKey: .left); try c.encode(right, forKey: .right)
            }
            enum CodingKeys: String, CodingKey { case identity, label, scope, status, left, right }
        }
        struct Similarity: Encodable {
            let previousYear: Double?, previousYearSource: String?, sameYear: Double?, sameYearSource: String?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(previousYear, forKey: .previousYear); try c.encode(previousYearSource, forKey: .previousYearSource)
                try c.encode(sameYear, forKey: .sameYear); try c.encode(sameYearSource, forKey: .sameYearSource)
            }
            enum CodingKeys: String, CodingKey {
                case previousYear = "previous_year", previousYearSource = "previous_year_source"
                case sameYear = "same_year", sameYearSource = "same_year_source"
            }
        }
        struct Unread: Encodable { let source: String, reason: String }

        let output = Output(
            summary: [
                "reports": reports.count, "unread": unread.count,
                "errors": reports.reduce(0) { $0 + $1.count(.error) },
                "warnings": reports.reduce(0) { $0 + $1.count(.warning) },
                "infos": reports.reduce(0) { $0 + $1.count(.info) },
            ],
            reports: reports.map { r in
                Report(
                    source: r.record.source, agency: r.record.agency, year: r.record.year,
                    identities: r.identities.map {
                        Identity(identity: $0.identity.rawValue, label: $0.identity.label, scope: $0.scope,
                                 status: $0.status.rawValue, left: $0.left, right: $0.right)
                    },
                    findings: r.record.diagnostics,
                    similarity: Similarity(previousYear: r.similarity.previousYear, previousYearSource: r.similarity.previousYearSource,
                                           sameYear: r.similarity.sameYear, sameYearSource: r.similarity.sameYearSource))
            },
            unread: unread.map { Unread(source: $0.source, reason: $0.reason) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(output)
    }
}
