import ReportModel

/// Two files for the same organ, year and scope (a corrected re-publication): one is kept, the
/// other stays listed but is left out of totals and rankings. The rule, in order:
/// 1. the later publication date (a known date beats an unknown one);
/// 2. a file whose name says it is a correction (更正, 修订, 修正, corrected, revised);
/// 3. the file whose path sorts last.
public enum DuplicateRule {
    public static let description = "同一机关同一年度有多份报告时，采用发布日期较晚的一份；日期相同或不详时，采用文件名标明“更正/修订”的一份；仍无法区分时，采用文件路径排序靠后的一份。其余报告仍列出，但不计入汇总和排名。"

    /// For each superseded record, the index of the record kept in its place.
    /// `organs`: each record's `OrganKey`, by the records' index.
    public static func superseded(_ records: [ReportRecord], organs: [OrganKey?]? = nil) -> [Int: Int] {
        struct Key: Hashable { let organ: OrganKey; let year: Int; let scope: Scope }
        let organs = organs ?? OrganKey.of(records)
        var groups: [Key: [Int]] = [:]
        for (index, record) in records.enumerated() {
            guard let organ = organs[index], let year = record.year else { continue }
            groups[Key(organ: organ, year: year, scope: record.scope), default: []].append(index)
        }
        var result: [Int: Int] = [:]
        for members in groups.values where members.count > 1 {
            let kept = members.max { precedes(records[$0], records[$1]) }!
            for member in members where member != kept { result[member] = kept }
        }
        return result
    }

    /// True when `a` gives way to `b`.
    static func precedes(_ a: ReportRecord, _ b: ReportRecord) -> Bool {
        if a.published != b.published {
            guard let pa = a.published else { return true }
            guard let pb = b.published else { return false }
            return pa < pb
        }
        if isCorrection(a.source) != isCorrection(b.source) { return isCorrection(b.source) }
        return a.source < b.source
    }

    static func isCorrection(_ source: String) -> Bool {
        let lower = source.lowercased()
        return ["更正", "修订", "修正", "corrected", "revised"].contains { lower.contains($0) }
    }
}
