import ReportModel

/// For one organ's reports of consecutive years: this year's 上年结转 is last year's 结转下年度,
/// column by column; and 现行有效 is last year's plus 制发 minus 废止 (soft: 制发 may count
/// amendments, and merged or split organs break both legitimately — so both are warnings).
public enum CrossYearRules {
    public static func findings(current: ReportRecord, previous: ReportRecord) -> [Diagnostic] {
        guard let year = current.year, previous.year == year - 1 else { return [] }
        var out: [Diagnostic] = []
        for column in ApplicantColumn.allCases {
            guard let carriedOver = current.requests[.carriedOver, column],
                  let carriedForward = previous.requests[.carriedForward, column],
                  carriedOver != carriedForward
            else { continue }
            out.append(Diagnostic(
                .warning, "carry-over-mismatch",
                where: cellLocation(table: "三", row: RequestRow.carriedOver.shortLabel, column: column.label),
                "本年“上年结转”为\(carriedOver)，而\(year - 1)年报告的“结转下年度”为\(carriedForward)",
                expected: String(carriedForward), found: String(carriedOver)))
        }
        guard current.formatVersion == .v2021, previous.formatVersion == .v2021 else { return out }
        let pairs = [(ActiveItem.rules, current.active.rules, previous.active.rules),
                     (.normativeDocuments, current.active.normativeDocuments, previous.active.normativeDocuments)]
        for (item, now, before) in pairs {
            guard let inForce = now.inForce, let last = before.inForce, let issued = now.issued, let repealed = now.repealed
            else { continue }
            let expected = last + issued - repealed
            guard expected != inForce else { continue }
            out.append(Diagnostic(
                .warning, "in-force-mismatch",
                where: cellLocation(table: "二", row: item.label, column: ActiveColumn.inForce.label),
                "现行有效\(inForce)件，而上年现行有效\(last)件加本年制发\(issued)件减废止\(repealed)件应为\(expected)件（机构调整或修订可致不符）",
                expected: String(expected), found: String(inForce)))
        }
        return out
    }
}
