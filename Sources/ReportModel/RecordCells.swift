/// One cell of a report's tables, keyed as in the JSON record: the long form that loses nothing
/// (CSV `cells.csv`, SQLite `cells`). `value` nil is a blank or unreadable cell, never zero.
public struct RecordCell: Sendable, Equatable, Hashable {
    /// `active`, `active_2019`, `requests` or `reviews_and_lawsuits`.
    public let table: String
    /// `rules`, `denied.state_secret`, `review`…
    public let row: String
    /// `issued`, `natural_person`, `upheld`…
    public let column: String
    public let value: Double?
    /// The format's own words, for people.
    public let tableLabel: String
    public let rowLabel: String
    public let columnLabel: String
}

extension ReportRecord {
    /// Every cell of the three tables of this record's format version, in the format's order.
    public var cells: [RecordCell] {
        var out: [RecordCell] = []
        func add(_ table: String, _ tableLabel: String, _ row: String, _ rowLabel: String, _ column: String, _ columnLabel: String, _ value: Double?) {
            out.append(RecordCell(table: table, row: row, column: column, value: value,
                                  tableLabel: tableLabel, rowLabel: rowLabel, columnLabel: columnLabel))
        }
        let two = "表二 " + ReportFormat.Table.active.title
        if formatVersion == .v2021 || active2019 == nil {
            let a = active
            for (key, item, docs) in [("rules", ActiveItem.rules, a.rules), ("normative_documents", .normativeDocuments, a.normativeDocuments)] {
                add("active", two, key, item.label, "issued", ActiveColumn.issued.label, docs.issued.map(Double.init))
                add("active", two, key, item.label, "repealed", ActiveColumn.repealed.label, docs.repealed.map(Double.init))
                add("active", two, key, item.label, "in_force", ActiveColumn.inForce.label, docs.inForce.map(Double.init))
            }
            for (key, item, value) in [("licensing", ActiveItem.licensing, a.licensing), ("punishment", .punishment, a.punishment), ("coercion", .coercion, a.coercion)] {
                add("active", two, key, item.label, "decisions", ActiveColumn.decisions.label, value.map(Double.init))
            }
            add("active", two, "fees_10k_yuan", ActiveItem.fees.label, "amount", ActiveColumn.feeAmount.label, a.fees10kYuan)
        } else if let a = active2019 {
            for (key, item, docs) in [("rules", ActiveItem.rules, a.rules), ("normative_documents", .normativeDocuments, a.normativeDocuments)] {
                add("active_2019", two, key, item.label(in: .v2019), "made", ActiveColumn.made.label, docs.made.map(Double.init))
                add("active_2019", two, key, item.label(in: .v2019), "published", ActiveColumn.published.label, docs.published.map(Double.init))
                add("active_2019", two, key, item.label(in: .v2019), "public_total", ActiveColumn.publicTotal.label, docs.publicTotal.map(Double.init))
            }
            let items = [("licensing", ActiveItem.licensing, a.licensing), ("other_services", .otherServices, a.otherServices),
                         ("punishment", .punishment, a.punishment), ("coercion", .coercion, a.coercion)]
            for (key, item, values) in items {
                add("active_2019", two, key, item.label, "items_last_year", ActiveColumn.itemsLastYear.label, values.itemsLastYear.map(Double.init))
                add("active_2019", two, key, item.label, "change", ActiveColumn.change.label, values.change.map(Double.init))
                add("active_2019", two, key, item.label, "decisions", ActiveColumn.decisions.label(in: .v2019), values.decisions.map(Double.init))
            }
            add("active_2019", two, "fees", ActiveItem.fees.label, "items_last_year", ActiveColumn.itemsLastYear.label, a.fees.itemsLastYear.map(Double.init))
            add("active_2019", two, "fees", ActiveItem.fees.label, "change", ActiveColumn.change.label, a.fees.change.map(Double.init))
            add("active_2019", two, "procurement", ActiveItem.procurement.label, "projects", ActiveColumn.projects.label, a.procurement.projects.map(Double.init))
            add("active_2019", two, "procurement", ActiveItem.procurement.label, "amount", ActiveColumn.amount.label, a.procurement.amount)
        }
        let three = "表三 " + ReportFormat.Table.requests.title
        for row in RequestRow.allCases {
            if formatVersion == .v2019 && (row == .otherNoCorrection || row == .otherNoFee) { continue }
            for column in ApplicantColumn.allCases {
                add("requests", three, row.rawValue, row.shortLabel, column.key, column.label, requests[row, column].map(Double.init))
            }
        }
        let four = "表四 " + ReportFormat.Table.disputes.title
        for group in DisputeGroup.allCases {
            for outcome in DisputeOutcome.allCases {
                add("reviews_and_lawsuits", four, group.key, group.label, outcome.key, outcome.label,
                    reviewsAndLawsuits[group, outcome].map(Double.init))
            }
        }
        return out
    }
}
