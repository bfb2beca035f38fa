import ReportModel

/// Figures that can be written down but cannot be true: negative counts, shares above 100%,
/// more carried forward than there was to handle, 规章 from an organ that cannot make them,
/// and totals without their parts (or parts without their total).
public enum PlausibilityRules {
    public static func findings(_ record: ReportRecord) -> [Diagnostic] {
        negatives(record) + ratesAbove100(record) + carriedForward(record) + rulesBelowLevel(record) + completeness(record)
    }

    private static func negatives(_ record: ReportRecord) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func check(_ value: Int?, _ table: String, _ row: String, _ column: String?) {
            if let value, value < 0 {
                out.append(Diagnostic(.error, "negative-value", where: cellLocation(table: table, row: row, column: column),
                                      "件数不能为负数", expected: "≥0", found: String(value)))
            }
        }
        let a = record.active
        for (label, docs) in [(ActiveItem.rules.label, a.rules), (ActiveItem.normativeDocuments.label, a.normativeDocuments)] {
            check(docs.issued, "二", label, ActiveColumn.issued.label)
            check(docs.repealed, "二", label, ActiveColumn.repealed.label)
            check(docs.inForce, "二", label, ActiveColumn.inForce.label)
        }
        check(a.licensing, "二", ActiveItem.licensing.label, ActiveColumn.decisions.label)
        check(a.punishment, "二", ActiveItem.punishment.label, ActiveColumn.decisions.label)
        check(a.coercion, "二", ActiveItem.coercion.label, ActiveColumn.decisions.label)
        if let fees = a.fees10kYuan, fees < 0 {
            out.append(Diagnostic(.error, "negative-value", where: cellLocation(table: "二", row: ActiveItem.fees.label),
                                  "收费金额不能为负数", expected: "≥0", found: String(fees)))
        }
        for row in RequestRow.allCases {
            for column in ApplicantColumn.allCases { check(record.requests[row, column], "三", row.shortLabel, column.label) }
        }
        for group in DisputeGroup.allCases {
            for outcome in DisputeOutcome.allCases { check(record.reviewsAndLawsuits[group, outcome], "四", group.label, outcome.label) }
        }
        return out
    }

    /// A share of a whole cannot exceed the whole.
    private static func ratesAbove100(_ record: ReportRecord) -> [Diagnostic] {
        let m = ReportMetrics(record)
        let shares: [(String, Rate)] = [
            ("公开率（办结口径）", m.disclosureRate), ("全部公开率", m.fullDisclosureRate), ("实体答复占比", m.substantiveShare),
            ("不予公开率", m.denialRate), ("无法提供率", m.unavailableRate), ("不予处理率", m.notProcessedRate),
            ("其他处理率", m.otherRate), ("结转率", m.backlogRate), ("法人或其他组织申请占比", m.organisationShare),
            ("复议纠错率", m.reviewCorrectionRate), ("诉讼纠错率", m.lawsuitCorrectionRate),
        ]
        return shares.compactMap { name, rate in
            guard let value = rate.value, value > 1 else { return nil }
            return Diagnostic(.warning, "rate-above-100", where: cellLocation(table: "三", row: name),
                              "\(name)为\(rate.formatted)（\(rate.numerator!)/\(rate.denominator!)），超过100%，分子或分母有误",
                              expected: "≤100%", found: rate.formatted)
        }
    }

    private static func carriedForward(_ record: ReportRecord) -> [Diagnostic] {
        let r = record.requests
        guard let f = r[.carriedForward, .total], let workload = sum([r[.new, .total], r[.carriedOver, .total]]), f > workload
        else { return [] }
        return [Diagnostic(.warning, "carried-forward-above-workload",
                           where: cellLocation(table: "三", row: RequestRow.carriedForward.shortLabel, column: ApplicantColumn.total.label),
                           "结转下年度（\(f)）多于本年应办理的申请（新收+上年结转=\(workload)）",
                           expected: "≤\(workload)", found: String(f))]
    }

    /// 规章 are made only by provinces and by cities with legislative power: an organ inside a
    /// county (a district department, a township) cannot report any.
    private static func rulesBelowLevel(_ record: ReportRecord) -> [Diagnostic] {
        guard record.region.county != nil, record.scope == .organ else { return [] }
        let rules = record.active.rules
        let values = [(ActiveColumn.issued, rules.issued), (.repealed, rules.repealed), (.inForce, rules.inForce)]
        return values.compactMap { column, value in
            guard let value, value > 0 else { return nil }
            return Diagnostic(.warning, "rules-below-level",
                              where: cellLocation(table: "二", row: ActiveItem.rules.label, column: column.label),
                              "县级及以下机关无权制定规章，却填报了\(value)件（多为把规范性文件填入了规章行）",
                              expected: "0", found: String(value))
        }
    }

    /// A total with blank parts, or parts with a blank total: the identity cannot be checked and
    /// the table is incomplete.
    private static func completeness(_ record: ReportRecord) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let r = record.requests
        let outcomeRows = ConsistencyRules.outcomeRows(record.formatVersion)
        for column in ApplicantColumn.allCases {
            let parts = outcomeRows.map { r[$0, column] }
            let where_ = cellLocation(table: "三", row: RequestRow.total.shortLabel, column: column.label)
            if r[.total, column] != nil, parts.contains(where: { $0 == nil }) {
                out.append(Diagnostic(.warning, "total-without-parts", where: where_, "总计已填，但办理结果各项有空白"))
            } else if r[.total, column] == nil, parts.contains(where: { $0 != nil }) {
                out.append(Diagnostic(.warning, "parts-without-total", where: where_, "办理结果各项已填，但总计空白"))
            }
        }
        let d = record.reviewsAndLawsuits
        for group in DisputeGroup.allCases {
            let parts = [DisputeOutcome.upheld, .corrected, .other, .pending].map { d[group, $0] }
            let where_ = cellLocation(table: "四", row: group.label, column: DisputeOutcome.total.label)
            if d[group, .total] != nil, parts.contains(where: { $0 == nil }) {
                out.append(Diagnostic(.warning, "total-without-parts", where: where_, "总计已填，但各项结果有空白"))
            } else if d[group, .total] == nil, parts.contains(where: { $0 != nil }) {
                out.append(Diagnostic(.warning, "parts-without-total", where: where_, "各项结果已填，但总计空白"))
            }
        }
        return out
    }
}
