import ReportModel

/// Blank is not zero: every blank cell is reported, but as one finding per table or row when the
/// whole of it is blank (seed 000 leaves whole tables empty), so the list stays readable.
enum BlankCellReport {
    private static let blankNote = "空白，按空值处理，不计为0"

    static func table2(_ result: Table2Parser.Result, version: FormatVersion) -> [Diagnostic] {
        let title = "表二（\(ReportFormat.Table.active.title)）"
        if result.itemsFound.isEmpty {
            return [Diagnostic(.error, "table-missing", where: cellLocation(table: "二"), "未找到\(title)，其数值均为空")]
        }
        let expected: [ActiveItem] = version == .v2019
            ? ActiveItem.allCases
            : [.rules, .normativeDocuments, .licensing, .punishment, .coercion, .fees]
        var out = expected.filter { !result.itemsFound.contains($0) }.map {
            Diagnostic(.warning, "row-missing", where: cellLocation(table: "二", row: $0.label(in: version)), "表中没有这一行，其数值为空")
        }
        if result.numbersRead == 0 {
            out.append(Diagnostic(.warning, "table-blank", where: cellLocation(table: "二"), "\(title)全部\(blankNote)"))
        } else {
            out += result.blankCells.map { item, column in
                Diagnostic(.warning, "blank-cell", where: cellLocation(table: "二", row: item.label(in: version), column: column.label(in: version)), blankNote)
            }
        }
        return out
    }

    static func table3(_ result: Table3Parser.Result, version: FormatVersion) -> [Diagnostic] {
        let title = "表三（\(ReportFormat.Table.requests.title)）"
        if result.found.isEmpty {
            return [Diagnostic(.error, "table-missing", where: cellLocation(table: "三"), "未找到\(title)，其数值均为空")]
        }
        let notInVersion: Set<RequestRow> = version == .v2019 ? [.otherNoCorrection, .otherNoFee] : []
        var out = RequestRow.allCases.filter { !result.found.contains($0) && !notInVersion.contains($0) }.map {
            Diagnostic(.warning, "row-missing", where: cellLocation(table: "三", row: $0.shortLabel), "表中没有这一行，其数值为空")
        }
        if result.requests.isEntirelyBlank {
            out.append(Diagnostic(.warning, "table-blank", where: cellLocation(table: "三"), "\(title)全部\(blankNote)"))
            return out
        }
        for row in RequestRow.allCases {
            guard let columns = result.blankCells[row], !notInVersion.contains(row) else { continue }
            if columns.count == ApplicantColumn.allCases.count {
                out.append(Diagnostic(.warning, "blank-row", where: cellLocation(table: "三", row: row.shortLabel), "整行\(blankNote)"))
            } else {
                out += columns.map {
                    Diagnostic(.warning, "blank-cell", where: cellLocation(table: "三", row: row.shortLabel, column: $0.label), blankNote)
                }
            }
        }
        return out
    }

    static func table4(_ result: Table4Parser.Result) -> [Diagnostic] {
        let title = "表四（\(ReportFormat.Table.disputes.title)）"
        if !result.foundDataRow {
            return [Diagnostic(.error, "table-missing", where: cellLocation(table: "四"), "未找到\(title)的数据行，其数值均为空")]
        }
        if result.blankCells.count == DisputeGroup.allCases.count * DisputeOutcome.allCases.count {
            return [Diagnostic(.warning, "table-blank", where: cellLocation(table: "四"), "\(title)全部\(blankNote)")]
        }
        return result.blankCells.map { group, outcome in
            Diagnostic(.warning, "blank-cell", where: cellLocation(table: "四", row: group.label, column: outcome.label), blankNote)
        }
    }
}
