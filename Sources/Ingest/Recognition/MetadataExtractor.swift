import Foundation
import ReportModel

/// Title, organ, year, publication date and scope from a report's normalised paragraphs.
struct MetadataExtractor {
    struct Metadata {
        var title: String?
        var agency: String?
        var year: Int?
        var published: String?
        var scope: Scope = .organ
        var region: Region = .unknown
        var diagnostics: [Diagnostic] = []
    }

    let gazetteer: Gazetteer

    func extract(paragraphs: [String], folders: [String] = []) -> Metadata {
        var meta = Metadata()
        let lines = paragraphs.map { $0.plainTrimmed }.filter { !$0.isEmpty }
        meta.title = title(lines)
        if let title = meta.title {
            meta.agency = agency(fromTitle: title)
            meta.year = year(in: title)
        }
        if meta.title == nil {
            meta.diagnostics.append(Diagnostic(.warning, "title-missing", "未在开头找到报告标题，无法确定发布机关"))
        } else if meta.agency == nil {
            meta.diagnostics.append(Diagnostic(.warning, "agency-missing", "标题中没有机关名称"))
        }
        if meta.year == nil {
            meta.year = statisticalYear(lines)
            if meta.year == nil {
                meta.diagnostics.append(Diagnostic(.warning, "year-missing", "标题和统计期限中均未写明报告年度"))
            }
        }
        meta.published = dateLine(lines)

        let (region, regionDiagnostics) = RegionResolver(gazetteer: gazetteer).resolve(.init(
            title: meta.title ?? "", signature: Array(lines.suffix(6)), opening: Array(lines.prefix(4)), folders: folders))
        meta.region = region
        meta.diagnostics += regionDiagnostics
        (meta.scope, meta.diagnostics) = scope(meta, lines: lines, diagnostics: meta.diagnostics)
        return meta
    }

    /// The title is the first short lines up to the one naming the report (often split in two:
    /// `2024年前进区人民政府` / `政府信息公开工作年度报告`).
    private func title(_ lines: [String]) -> String? {
        var parts: [String] = []
        for line in lines.prefix(3) {
            let compact = line.filter { !$0.isWhitespace }
            guard compact.count <= 60, !compact.hasPrefix("根据") else { break }
            parts.append(compact)
            if compact.plainContains("报告") { return parts.joined() }
        }
        return nil
    }

    /// The organ named in the title: without the year and without 政府信息公开(工作)年度报告.
    func agency(fromTitle title: String) -> String? {
        var name = PlainYears.removingYears(title) ?? Patterns.yearWithSuffix.stringByReplacingMatches(
            in: title, range: NSRange(location: 0, length: title.utf16.count), withTemplate: "")
        if let suffix = ReportFormat.titleSuffixes.first(where: name.hasSuffix) {
            name.removeLast(suffix.count)
        }
        for affix in ["关于", "的"] {
            if name.hasPrefix(affix) { name.removeFirst(affix.count) }
            if name.hasSuffix(affix) { name.removeLast(affix.count) }
        }
        // Separators left at the ends (not brackets: 委员会（局） ends in one).
        name = name.trimmingCharacters(in: Self.nameEnds)
        return name.isEmpty ? nil : name
    }

    private static let nameEnds = CharacterSet(charactersIn: " ·•-—_:：,，、。")

    private func year(in text: String) -> Int? {
        if let plain = PlainYears.firstYear(text) { return plain }
        guard let range = Patterns.year.firstRange(in: text) else { return nil }
        return Int(text[range])
    }

    /// 统计期限自2024年1月1日起至2024年12月31日止 names the year when the title does not.
    private func statisticalYear(_ lines: [String]) -> Int? {
        for line in lines where line.plainContains("统计期限") || line.plainContains("统计时限") {
            if let range = Patterns.yearAfterTo.firstRange(in: line) ?? Patterns.year.firstRange(in: line) {
                return Int(String(line[range]).trimmed)
            }
        }
        return nil
    }

    /// The date line under the signature (`2025年1月8日`, or `二〇二五年一月八日`).
    private func dateLine(_ lines: [String]) -> String? {
        for line in lines.suffix(8).reversed() {
            let compact = line.filter { !$0.isWhitespace }
            if let date = Self.parseDate(compact) { return date }
        }
        return nil
    }

    static func parseDate(_ text: String) -> String? {
        // The pattern ends in 日$ (before at most one final line terminator), and 日 survives the
        // numeral conversion: without it, no need to convert or run the regex.
        guard endsWithDay(text) else { return nil }
        let arabic = chineseNumeralsToDigits(text)
        guard Patterns.date.firstRange(in: arabic) != nil else { return nil }
        let numbers = arabic.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 3, (1...12).contains(numbers[1]), (1...31).contains(numbers[2]) else { return nil }
        return padded(numbers[0], 4) + "-" + padded(numbers[1], 2) + "-" + padded(numbers[2], 2)
    }

    /// `String(format: "%0*d")` for a non-negative number, without Foundation's formatter.
    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func endsWithDay(_ text: String) -> Bool {
        var scalars = text.unicodeScalars[...]
        if scalars.last == "\n" || scalars.last == "\r" || scalars.last == "\u{85}" || scalars.last == "\u{2028}" || scalars.last == "\u{2029}" {
            let last = scalars.removeLast()
            if last == "\n", scalars.last == "\r" { scalars.removeLast() }
        }
        return scalars.last == "日"
    }

    /// 二〇二五年一月八日 → 2025年1月8日 (year digit by digit; month and day with 十).
    private static func chineseNumeralsToDigits(_ text: String) -> String {
        let digits: [Character: Int] = ["〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                                        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        guard text.contains(where: { digits[$0] != nil || $0 == "十" }) else { return text }
        var out = ""
        var run: [Character] = []
        func flush(unit: Character?) {
            guard !run.isEmpty else { return }
            if unit == "年" {
                out += run.map { String(digits[$0] ?? 0) }.joined()
            } else if let ten = run.firstIndex(of: "十") {
                let tens = ten == 0 ? 1 : (digits[run[0]] ?? 0)
                let ones = ten + 1 < run.count ? (digits[run[ten + 1]] ?? 0) : 0
                out += String(tens * 10 + ones)
            } else {
                out += run.map { String(digits[$0] ?? 0) }.joined()
            }
            run = []
        }
        for ch in text {
            if digits[ch] != nil || ch == "十" {
                run.append(ch)
            } else {
                flush(unit: ch)
                out.append(ch)
            }
        }
        flush(unit: nil)
        return out
    }

    /// A government's report for its whole region says so (全市/本行政区域), or is titled with a
    /// bare division name (包头市昆都仑区) rather than an organ.
    private func scope(_ meta: Metadata, lines: [String], diagnostics: [Diagnostic]) -> (Scope, [Diagnostic]) {
        var diagnostics = diagnostics
        let regionWords = ["本行政区域", "全省", "全市", "全区", "全县", "全旗", "全州", "全盟"]
        if let title = meta.title, regionWords.contains(where: { title.plainContains($0) }) {
            return (.region, diagnostics)
        }
        if let agency = meta.agency, isBareDivisionName(agency) {
            diagnostics.append(Diagnostic(
                .info, "scope-inferred", "标题只写行政区划名称“\(agency)”、未写具体机关，按本行政区域汇总报告处理"))
            return (.region, diagnostics)
        }
        if lines.prefix(4).contains(where: { $0.plainContains("本行政区域") && $0.plainContains("年度报告") }) {
            return (.region, diagnostics)
        }
        return (.organ, diagnostics)
    }

    private func isBareDivisionName(_ name: String) -> Bool {
        let mentions = gazetteer.mentions(in: name)
        return !mentions.isEmpty && mentions.joined() == name
    }
}

/// The patterns compiled once: Foundation's `range(of:options: .regularExpression)` looks its
/// regex up in a cache keyed by a formatted string on every call, which cost more than the match.
private enum Patterns {
    static let yearWithSuffix = try! NSRegularExpression(pattern: #"(19|20)\d{2}年度?"#)
    static let year = try! NSRegularExpression(pattern: #"(19|20)\d{2}(?=年)"#)
    static let yearAfterTo = try! NSRegularExpression(pattern: #"(?<=至)\s*(19|20)\d{2}(?=年)"#)
    static let date = try! NSRegularExpression(pattern: #"^((19|20)\d{2})年(\d{1,2})月(\d{1,2})日$"#)
}

private extension NSRegularExpression {
    /// What `text.range(of: pattern, options: .regularExpression)` returns.
    func firstRange(in text: String) -> Range<String.Index>? {
        let found = rangeOfFirstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))
        return found.location == NSNotFound ? nil : Range(found, in: text)
    }
}
