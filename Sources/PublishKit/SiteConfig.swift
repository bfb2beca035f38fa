import Foundation
import Yams

/// The site's settings, from `site.yml` in the content folder (all keys optional):
///
///     title: 政府信息公开工作年度报告观察
///     base_url: https://reports.example.org/   # only for sitemap.xml; pages link relatively
///     featured_year: 2024                      # the year the home page features (default: newest)
///     minimum_requests: 30                     # a rate is ranked only from this many requests
///     build_date: 2025-02-01                   # printed on pages; none by default, so builds repeat byte for byte
public struct SiteConfig: Sendable, Equatable {
    public var title = "政府信息公开工作年度报告"
    public var baseURL: String?
    public var featuredYear: Int?
    public var minimumRequests = 30
    public var buildDate: String?

    public init() {}

    public static let fileName = "site.yml"

    /// Reads `site.yml` from the content folder; a missing file gives the defaults, a broken one
    /// gives the defaults and the problems, which the build reports.
    public static func load(from contentDirectory: URL) -> (SiteConfig, [String]) {
        let url = contentDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (SiteConfig(), []) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            return (SiteConfig(), ["\(fileName) 无法读取或不是 UTF-8 文本，已使用默认设置"])
        }
        return parse(text)
    }

    public static func parse(_ text: String) -> (SiteConfig, [String]) {
        var config = SiteConfig()
        var problems: [String] = []
        let parsed: Any?
        do { parsed = try Yams.load(yaml: text) } catch {
            return (config, ["\(fileName) 不是有效的 YAML，已使用默认设置"])
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
            default: problems.append("\(fileName) 中有未知的键“\(key)”")
            }
        }
        return (config, problems)
    }
}
