import Foundation
import Ingest
import Yams

/// The site's settings, from `site.yml` in the content folder (all keys optional):
///
///     title: 政府信息公开工作年度报告观察
///     base_url: https://reports.example.org/   # only for sitemap.xml; pages link relatively
///     featured_year: 2024                      # the year the home page features (default: newest)
///     minimum_requests: 30                     # a rate is ranked only from this many requests
///     build_date: 2025-02-01                   # printed on pages; none by default, so builds repeat byte for byte
///     limits: {max_file_mb: 64, max_table_cells: 20000, seconds_per_file: 20, max_unpacked_mb: 256}
public struct SiteConfig: Sendable, Equatable {
    public var title = "政府信息公开工作年度报告"
    public var baseURL: String?
    public var featuredYear: Int?
    public var minimumRequests = 30
    public var buildDate: String?
    /// What one input may cost before it is listed as unread (see `ReadLimits`).
    public var limits = ReadLimits.default

    public init() {}

    public static let fileName = "site.yml"

    /// Reads `site.yml` from the content folder; a missing file gives the defaults, a broken one
    /// gives the defaults and the problems, which the build reports.
    public static func load(from contentDirectory: URL) -> (SiteConfig, [String]) {
        let url = contentDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (SiteConfig(), []) }
        guard case .regular = FileKind.of(url.path) else { return (SiteConfig(), ["\(fileName) 不是普通文件，已使用默认设置"]) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return (SiteConfig(), ["\(fileName) 无法读取或不是 UTF-8 文本，已使用默认设置"])
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> (SiteConfig, [String]) {
        var config = SiteConfig()
        var problems: [String] = []
        let parsed: Any?
        switch SafeYAML.load(text) {
        case .success(let value): parsed = value
        case .failure(.invalid): return (config, ["\(fileName) 不是有效的 YAML，已使用默认设置"])
        case .failure(.tooLarge(let reason)): return (config, ["\(fileName) \(reason)，已使用默认设置"])
        }
        guard let map = parsed as? [String: Any] else {
            return (config, parsed == nil ? [] : ["\(fileName) 应为“键: 值”形式，已使用默认设置"])
        }
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            let text = "\(value)".trimmingCharacters(in: .whitespaces)
            switch key {
            case "title": config.title = text
            case "base_url":
                if text.hasPrefix("http://") || text.hasPrefix("https://") {
                    config.baseURL = text.hasSuffix("/") ? text : text + "/"
                } else { problems.append("base_url 应以 http:// 或 https:// 开头") }
            case "featured_year":
                if let y = Int(text), (1990...2100).contains(y) { config.featuredYear = y } else { problems.append("featured_year 不是年份") }
            case "minimum_requests":
                if let n = Int(text), n >= 1 { config.minimumRequests = n } else { problems.append("minimum_requests 应为正整数") }
            case "build_date":
                if let date = value as? Date {
                    let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
                    config.buildDate = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
                } else { config.buildDate = text }
            case "limits": config.limits = Self.limits(value, problems: &problems)
            default: problems.append("\(fileName) 中有未知的键“\(key)”")
            }
        }
        return (config, problems)
    }

    /// `limits:` — each key a positive number; a broken one keeps its default and is reported.
    static func limits(_ value: Any, problems: inout [String]) -> ReadLimits {
        var limits = ReadLimits.default
        guard let map = value as? [String: Any] else {
            problems.append("limits 应为“键: 值”形式（\(ReadLimits.Key.allCases.map(\.rawValue).joined(separator: "、"))），已使用默认限制")
            return limits
        }
        for (key, raw) in map.sorted(by: { $0.key < $1.key }) {
            guard let limitKey = ReadLimits.Key(rawValue: key) else {
                problems.append("limits 中有未知的键“\(key)”")
                continue
            }
            guard let number = Double("\(raw)".trimmingCharacters(in: .whitespaces)), number.isFinite, number > 0, number < 1e9 else {
                problems.append("limits.\(key) 应为正数，已使用默认值")
                continue
            }
            switch limitKey {
            case .maxFileMB: limits.maxFileBytes = Int(number * Double(ReadLimits.megabyte))
            case .maxTableCells: limits.maxTableCells = Int(number)
            case .secondsPerFile: limits.secondsPerFile = number
            case .maxUnpackedMB: limits.maxUnpackedBytes = Int(number * Double(ReadLimits.megabyte))
            }
        }
        return limits
    }
}
