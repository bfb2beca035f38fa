import ReportModel

/// Counts the text states in words (收到申请103件, 行政复议16件) held against the tables.
public enum NarrativeRules {
    public static func findings(_ record: ReportRecord) -> [Diagnostic] {
        record.narrative.statedCounts.compactMap { stated in
            let (table, location, value) = tableValue(for: stated.subject, in: record)
            guard let value, value != stated.value else { return nil }
            return Diagnostic(
                .warning, "narrative-mismatch", where: cellLocation(table: table, row: location),
                "正文写“\(stated.quote)”（\(stated.value)），表中为\(value)",
                expected: String(value), found: String(stated.value))
        }
    }

    private static func tableValue(for subject: StatedCount.Subject, in record: ReportRecord) -> (String, String, Int?) {
        let d = record.reviewsAndLawsuits
        switch subject {
        case .requestsReceived:
            return ("三", "\(RequestRow.new.shortLabel), \(ApplicantColumn.total.label)", record.requests[.new, .total])
        case .reviews:
            return ("四", "\(DisputeGroup.review.label), \(DisputeOutcome.total.label)", d[.review, .total])
        case .lawsuits:
            return ("四", "行政诉讼, \(DisputeOutcome.total.label)", sum([d[.lawsuitDirect, .total], d[.lawsuitAfterReview, .total]]))
        case .normativeIssued:
            return ("二", "\(ActiveItem.normativeDocuments.label), \(ActiveColumn.issued.label)",
                    record.formatVersion == .v2021 ? record.active.normativeDocuments.issued : nil)
        }
    }
}
