import Foundation
import ReportModel
import Yams

/// A user's corrections for one report, written without code in `NAME.yml` beside `NAME.txt`:
///
///     agency: 鼓楼区人民政府办公室
///     region: "320106"        # division code: county, prefecture (xxxx00) or province (xx0000)
///     year: 2024
///     level: county           # province | prefecture | county | township (省/市/县/乡)
///     kind: department        # government | department | township | other (人民政府/政府部门/乡镇街道/其他)
///     source_url: https://www.example.gov.cn/…
///     published: 2025-01-20
///
/// What the sidecar says wins over what was read, and every override is reported.
public struct Sidecar: Sendable, Equatable {
    public var agency: String?
    public var regionCode: String?
    public var year: Int?
    public var level: OrganLevel?
    public var kind: OrganKind?
    public var sourceURL: String?
    public var published: String?
    /// Problems with individual keys (unknown key, unreadable value): reported, the rest applies.
    public var problems: [String] = []

    static let keys = ["agency", "region", "year", "level", "kind", "source_url", "published"]

    public static func parse(_ text: String) -> Result<Sidecar, ReadFailure> {
        let parsed: Any?
        switch SafeYAML.load(text) {
        case .success(let value): parsed = value
        case .failure(.invalid(let message)): return .failure(ReadFailure("旁注文件不是有效的 YAML：\(message)"))
        case .failure(.tooLarge(let reason)): return .failure(ReadFailure("旁注文件\(reason)"))
        }
        guard let map = parsed as? [String: Any] else {
            return .failure(ReadFailure("旁注文件应为“键: 值”形式的 YAML 映射"))
        }
        var sidecar = Sidecar()
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            let text = "\(value)".trimmingCharacters(in: .whitespaces)
            switch key {
            case "agency": sidecar.agency = text.filter { !$0.isWhitespace }
            case "region":
                if text.count == 6 || text.count == 12, text.allSatisfy(\.isASCIIDigit) {
                    sidecar.regionCode = String(text.prefix(6))
                } else {
                    sidecar.problems.append("region 应为6位行政区划代码，而不是“\(text)”")
                }
            case "year":
                if let y = Int(text), (1990...2100).contains(y) { sidecar.year = y } else { sidecar.problems.append("year 不是年份：“\(text)”") }
            case "level":
                if let l = Self.level(text) { sidecar.level = l } else { sidecar.problems.append("level 无法识别：“\(text)”") }
            case "kind":
                if let k = Self.kind(text) { sidecar.kind = k } else { sidecar.problems.append("kind 无法识别：“\(text)”") }
            case "source_url":
                if text.hasPrefix("http://") || text.hasPrefix("https://") { sidecar.sourceURL = text }
                else { sidecar.problems.append("source_url 应以 http:// 或 https:// 开头") }
            case "published":
                if let date = Self.isoDate(value) { sidecar.published = date } else { sidecar.problems.append("published 不是日期：“\(text)”") }
            default:
                sidecar.problems.append("未知的键“\(key)”（可用：\(keys.joined(separator: ", "))）")
            }
        }
        return .success(sidecar)
    }

    /// Applies the sidecar; every value that changes what was read is reported as an override.
    public func apply(to record: inout ReportRecord, gazetteer: Gazetteer = .shared, file: String) {
        func note(_ field: String, _ old: String?, _ new: String) {
            guard old != new else { return }
            record.diagnostics.append(Diagnostic(
                .info, "sidecar-override", "旁注文件 \(file) 指定\(field)为“\(new)”（从正文读出的是“\(old ?? "空")”）",
                expected: new, found: old))
        }
        for problem in problems {
            record.diagnostics.append(Diagnostic(.warning, "sidecar-invalid", "旁注文件 \(file)：\(problem)"))
        }
        if let agency {
            note("机关", record.agency, agency)
            record.agency = agency
        }
        if let year {
            note("年度", record.year.map(String.init), String(year))
            record.year = year
        }
        if let published {
            note("发布日期", record.published, published)
            record.published = published
        }
        if let regionCode {
            if let division = gazetteer.division(code: regionCode) {
                let region = gazetteer.region(for: division)
                note("地区", record.region.adcode.map { "\(record.region.path)（\($0)）" }, "\(region.path)（\(regionCode)）")
                record.region = region
                // The sidecar settles what the text left open.
                record.diagnostics.removeAll { $0.code == "region-ambiguous" || $0.code == "region-unknown" }
            } else {
                record.diagnostics.append(Diagnostic(.warning, "sidecar-invalid", "旁注文件 \(file)：地区代码 \(regionCode) 不在行政区划表中"))
            }
        }
        record.annotations.level = level ?? record.annotations.level
        record.annotations.kind = kind ?? record.annotations.kind
        record.annotations.sourceURL = sourceURL ?? record.annotations.sourceURL
    }

    static func level(_ text: String) -> OrganLevel? {
        switch text.lowercased() {
        case "province", "省", "省级": return .province
        case "prefecture", "city", "市", "市级", "地级": return .prefecture
        case "county", "县", "县级", "区", "区县": return .county
        case "township", "乡", "乡级", "镇", "乡镇", "街道": return .township
        default: return nil
        }
    }

    static func kind(_ text: String) -> OrganKind? {
        switch text.lowercased() {
        case "government", "人民政府", "政府": return .government
        case "department", "政府部门", "部门": return .department
        case "township", "乡镇街道", "乡镇", "街道": return .township
        case "other", "其他": return .other
        default: return nil
        }
    }

    /// YAML reads `2025-01-20` as a date; text dates are accepted too.
    static func isoDate(_ value: Any) -> String? {
        if let date = value as? Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let text = "\(value)"
        if text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return text }
        return MetadataExtractor.parseDate(text.filter { !$0.isWhitespace })
    }
}
