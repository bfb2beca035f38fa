import ReportModel

/// 条例 第四十九条: departments publish by 31 January; a government's report for its region by
/// 31 March of the following year. Checked only where the publication date is known.
public enum TimelinessRules {
    public static func findings(_ record: ReportRecord) -> [Diagnostic] {
        guard let published = record.published, let year = record.year else { return [] }
        let deadline = deadline(for: record, year: year)
        guard published > deadline else { return [] }
        let rule = deadline.hasSuffix("03-31") ? "本级政府年度报告应于次年3月31日前公布" : "部门年度报告应于次年1月31日前公布"
        return [Diagnostic(.warning, "published-late", "发布日期\(published)晚于法定期限\(deadline)（\(rule)）",
                           expected: "≤\(deadline)", found: published)]
    }

    /// ISO dates compare as strings.
    static func deadline(for record: ReportRecord, year: Int) -> String {
        let agency = record.agency ?? ""
        let township = agency.hasSuffix("乡人民政府") || agency.hasSuffix("镇人民政府")
        let isGovernment = record.scope == .region || (agency.hasSuffix("人民政府") && !township)
        return isGovernment ? "\(year + 1)-03-31" : "\(year + 1)-01-31"
    }
}
