import ReportModel

/// Table 三 (申请情况): 25 rows of seven applicant columns. A row is known by its label text,
/// with its group heading (（三）不予公开 …) as context: `3.其他` is only 其他 inside （六）.
struct Table3Parser {
    struct Result {
        var requests = Requests()
        var found: Set<RequestRow> = []
        /// （六）其他处理 carried its values itself, with no sub-rows: the 2019 trial format.
        var otherIsSingleRow = false
        var blankCells: [RequestRow: [ApplicantColumn]] = [:]
        var diagnostics: [Diagnostic] = []
    }

    static let width = ApplicantColumn.allCases.count

    static func parse(_ rows: [RowView]) -> Result {
        var result = Result()
        var reader = ValueReader()
        var group: RequestGroup?

        for row in rows where !isHeader(row) {
            guard let (key, labelIndex) = identify(row, group: &group) else {
                if let first = row.firstLabelIndex, row.cells.indices.contains(where: { $0 > first && !row.cells[$0].isEmpty }) {
                    result.diagnostics.append(Diagnostic(
                        .info, "unknown-row", where: cellLocation(table: "三", row: row.cells[first].text.plainTrimmed),
                        "表三中有格式未定义的行，未计入数据"))
                }
                continue
            }
            if key == .otherOther && group == .other && row.isLabelOnlyGroupHeading(labelIndex) {
                result.otherIsSingleRow = true
            }
            guard result.found.insert(key).inserted else {
                result.diagnostics.append(Diagnostic(
                    .warning, "duplicate-row", where: cellLocation(table: "三", row: key.shortLabel), "该行出现两次，采用第一次的数值"))
                continue
            }
            let values = Array(row.values[(labelIndex + 1)...])
            var cells: Requests.Row = []
            for column in ApplicantColumn.allCases {
                let value = column.rawValue < values.count ? values[column.rawValue] : .blank
                if value == .blank { result.blankCells[key, default: []].append(column) }
                cells.append(reader.count(value, at: cellLocation(table: "三", row: key.shortLabel, column: column.label)))
            }
            result.requests[key] = cells
            if values.count < width {
                result.diagnostics.append(Diagnostic(
                    .warning, "missing-cells", where: cellLocation(table: "三", row: key.shortLabel),
                    "该行只有\(values.count)个数值单元格（应为\(width)个），缺少的按空白处理"))
            } else if values[width...].contains(where: { $0 != .blank }) {
                result.diagnostics.append(Diagnostic(
                    .warning, "extra-cells", where: cellLocation(table: "三", row: key.shortLabel),
                    "该行的数值单元格多于\(width)个，多出的未采用"))
            }
        }
        result.diagnostics += reader.diagnostics
        return result
    }

    /// Header rows name the applicant columns or carry the identity note.
    private static func isHeader(_ row: RowView) -> Bool {
        row.cores.indices.contains { index in CompiledPatterns.requestHeaderCores.contains { row.matches($0, at: index) } }
            || CompiledPatterns.requestTableAnchors.contains(where: row.any)
    }

    /// The row's key and the index of the cell holding its label; updates the current group.
    private static func identify(_ row: RowView, group: inout RequestGroup?) -> (RequestRow, Int)? {
        var key: (RequestRow, Int)?
        var headingIndex: Int?
        for index in row.cells.indices where row.isLabel(index) {
            if let heading = CompiledPatterns.groupHeadings.first(where: { row.matches($0.pattern, at: index) })?.group {
                group = heading
                headingIndex = index
                continue
            }
            if let match = match(row, at: index, group: group) {
                key = (match, index)
                break
            }
        }
        if let key {
            if key.0.group == nil { group = nil }
            return key
        }
        // 2019 format: （六）其他处理 is one row, its values right after the heading.
        if group == .other, let headingIndex, row.hasValues(after: headingIndex) {
            return (.otherOther, headingIndex)
        }
        return nil
    }

    private static func match(_ view: RowView, at index: Int, group: RequestGroup?) -> RequestRow? {
        CompiledPatterns.requestRows.first { row, patterns in
            if row == .otherOther && group != .other { return false }
            return patterns.contains { view.matches($0, at: index) }
        }?.row
    }
}

private extension RowView {
    func hasValues(after index: Int) -> Bool {
        values[(index + 1)...].contains { if case .number = $0 { return true } else { return false } }
            || cells.count - index - 1 >= Table3Parser.width
    }

    /// The label found for 其他 is the group heading itself (2019 single-row 其他处理).
    func isLabelOnlyGroupHeading(_ index: Int) -> Bool {
        RequestGroup.other.headingPattern!.matches(cores[index])
    }
}
