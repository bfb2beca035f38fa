import Foundation
import Ingest
import ReportModel

/// `publish extract`: what was read from each file, as text for people or govreport/1 JSON.
public enum Extraction {
    /// Reads each path as given (the record's `source` is the path exactly as the user typed it).
    public static func read(paths: [String], limits: ReadLimits = .default) -> [ReadOutcome] {
        paths.concurrentMap { path in
            ReportReader.read(contentsOf: URL(fileURLWithPath: path), source: path, limits: limits)
        }
    }

    /// One JSON object for one file, an array for several. Unread files have no record: they are
    /// reported on standard error by the caller.
    public static func json(_ records: [ReportRecord], asArray: Bool) throws -> Data {
        if !asArray, let only = records.first, records.count == 1 { return try only.jsonData() }
        return try ReportRecord.jsonData(records)
    }

    /// A plain-text account of one record: metadata, the three tables' figures, the diagnostics.
    public static func text(_ record: ReportRecord) -> String {
        var out: [String] = []
        out.append("== \(record.source)")
        out.append("标题: \(record.title ?? "（未识别）")")
        out.append("机关: \(record.agency ?? "（未识别）")    年度: \(record.year.map(String.init) ?? "（未识别）")")
        out.append("地区: \(record.region.path.isEmpty ? "（未确定）" : record.region.path) [\(record.region.adcode ?? "—")]")
        out.append("格式: \(record.format.rawValue), \(record.formatVersion.rawValue)版    范围: \(record.scope == .organ ? "本机关" : "本行政区域汇总")    发布日期: \(record.published ?? "—")")
        if record.formatVersion == .v2019, let t = record.active2019 {
            func items(_ i: ActiveDisclosure2019.Items) -> String { cells([i.itemsLastYear, i.change, i.decisions]) }
            out.append("表二（2019试行格式）: 规章 \(cells([t.rules.made, t.rules.published, t.rules.publicTotal]))  规范性文件 \(cells([t.normativeDocuments.made, t.normativeDocuments.published, t.normativeDocuments.publicTotal]))  许可 \(items(t.licensing))  其他对外管理服务 \(items(t.otherServices))  处罚 \(items(t.punishment))  强制 \(items(t.coercion))  收费 \(cells([t.fees.itemsLastYear, t.fees.change]))  采购 \(cell(t.procurement.projects)) \(t.procurement.amount.map { formatNumber($0) } ?? "空")")
        } else {
            out.append(table2021(record.active))
        }
        out.append("表三（\(ApplicantColumn.allCases.map(\.label).joined(separator: "/"))）:")
        for row in RequestRow.allCases {
            out.append("  \(row.shortLabel): \(cells(record.requests[row]))")
        }
        out.append("表四: " + DisputeGroup.allCases.map { group in
            "\(group.label) \(cells(DisputeOutcome.allCases.map { record.reviewsAndLawsuits[group, $0] }))"
        }.joined(separator: "  "))
        if record.diagnostics.isEmpty {
            out.append("诊断: 无")
        } else {
            out.append("诊断（\(record.diagnostics.count)）:")
            for d in record.diagnostics {
                out.append("  [\(d.severity.rawValue)] \(d.code)\(d.where.map { " @ \($0)" } ?? ""): \(d.message)")
            }
        }
        return out.joined(separator: "\n")
    }

    private static func table2021(_ a: ActiveDisclosure) -> String {
        return "表二: 规章 \(cells([a.rules.issued, a.rules.repealed, a.rules.inForce]))  行政规范性文件 \(cells([a.normativeDocuments.issued, a.normativeDocuments.repealed, a.normativeDocuments.inForce]))  许可 \(cell(a.licensing))  处罚 \(cell(a.punishment))  强制 \(cell(a.coercion))  收费(万元) \(a.fees10kYuan.map { formatNumber($0) } ?? "空")"
    }

    private static func cell(_ v: Int?) -> String { v.map(String.init) ?? "空" }
    private static func cells(_ vs: [Int?]) -> String { vs.map(cell).joined(separator: " ") }
}

/// 2096.132 → "2096.132", 0 → "0": the decimal as read, without a trailing ".0".
public func formatNumber(_ v: Double) -> String {
    v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)
}
