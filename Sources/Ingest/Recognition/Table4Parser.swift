import ReportModel

/// Table 四 (复议、诉讼): one data row of fifteen numbers under three header rows. Header cells
/// are often cut short (`结果 | 其他 | 尚未`), so the columns are taken in the format's fixed order.
struct Table4Parser {
    struct Result {
        var disputes = ReviewsAndLawsuits()
        var foundDataRow = false
        var blankCells: [(DisputeGroup, DisputeOutcome)] = []
        var diagnostics: [Diagnostic] = []
    }

    static let width = DisputeGroup.allCases.count * DisputeOutcome.allCases.count

    /// Words of the header rows; the data row holds none of them.
    private static let headerWords = ["结果", "维持", "纠正", "审结", "总计", "复议", "诉讼", "起诉", "其他"]

    static func parse(_ rows: [RowView]) -> Result {
        var result = Result()
        guard let data = rows.first(where: isDataRow) else { return result }
        result.foundDataRow = true
        var reader = ValueReader()
        let nonEmpty = data.values.enumerated().filter { $0.element != .blank }.map(\.offset)
        // Leading merged-cell placeholders can precede the numbers; the fifteen values end the row.
        let start = max(0, min(data.values.count - width, nonEmpty.first ?? 0))
        let values = Array(data.values[start...])
        var index = 0
        for group in DisputeGroup.allCases {
            for outcome in DisputeOutcome.allCases {
                let value = index < values.count ? values[index] : .blank
                if value == .blank { result.blankCells.append((group, outcome)) }
                result.disputes[group, outcome] = reader.count(
                    value, at: cellLocation(table: "四", row: group.label, column: outcome.label))
                index += 1
            }
        }
        if values.count > width, values[width...].contains(where: { $0 != .blank }) {
            result.diagnostics.append(Diagnostic(
                .warning, "extra-cells", where: cellLocation(table: "四"), "数据行的数值单元格多于15个，多出的未采用"))
        }
        result.diagnostics += reader.diagnostics
        return result
    }

    private static func isDataRow(_ row: RowView) -> Bool {
        row.cells.count >= width
            && !row.cores.contains { core in headerWords.contains { core.plainContains($0) } }
    }
}
