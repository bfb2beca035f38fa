import ReportModel

/// The report's three tables as the national template lays them out in Word (the grids of
/// script/make-office-fixtures.py): table 二 in four columns, 三 in ten, 四 in fifteen.
extension ReportWriter {
    /// Each table with the section heading above it.
    var spannedTables: [(heading: String, table: SpannedTable)] {
        [("二、主动公开政府信息情况", activeTable), ("三、收到和处理政府信息公开申请情况", requestTable),
         ("四、政府信息公开行政复议、行政诉讼情况", disputeTable)]
    }

    typealias SpanCell = SpannedTable.Cell

    var activeTable: SpannedTable {
        var rows: [[SpanCell]] = []
        for (anchor, header, items) in activeBlocks {
            rows.append([SpanCell(text: anchor, columns: 4)])
            // One value column is one cell across the three; three stay apart.
            func line(_ cells: [String]) -> [SpanCell] {
                cells.count == 4 ? cells.map { SpanCell(text: $0) } : [SpanCell(text: cells[0]), SpanCell(text: cells[1], columns: 3)]
            }
            rows.append(line(header))
            rows += items.map(line)
        }
        return SpannedTable(columnCount: 4, rows: rows)
    }

    var requestTable: SpannedTable {
        var rows: [[SpanCell]] = [
            [SpanCell(text: Self.identityNote, columns: 3, rows: 3), SpanCell(text: "申请人情况", columns: 7)],
            [SpanCell(text: ApplicantColumn.naturalPerson.label, rows: 2), SpanCell(text: ApplicantColumn.organisationsLabel, columns: 5),
             SpanCell(text: ApplicantColumn.total.label, rows: 2)],
            ApplicantColumn.allCases.dropFirst().dropLast().map { SpanCell(text: $0.label) },
        ]
        let outcomeRows = RequestRow.outcomes.count + 1  // the outcomes and 总计
        for (key, values) in requestRows {
            let cells = values.map { SpanCell(text: $0) }
            switch key {
            case .new, .carriedOver, .carriedForward:
                rows.append([SpanCell(text: key.label, columns: 3)] + cells)
            case .granted:
                rows.append([SpanCell(text: "三、本年度办理结果", rows: outcomeRows), SpanCell(text: key.label, columns: 2)] + cells)
            case .partiallyGranted, .total:
                rows.append([SpanCell(text: key.label, columns: 2)] + cells)
            default:
                let group = key.group!
                let head = group.rows.first == key ? [SpanCell(text: group.label, rows: group.rows.count)] : []
                rows.append(head + [SpanCell(text: key.label)] + cells)
            }
        }
        return SpannedTable(columnCount: 10, rows: rows)
    }

    var disputeTable: SpannedTable {
        let outcomes = DisputeOutcome.allCases.map(\.label)
        return SpannedTable(columnCount: 15, rows: [
            [SpanCell(text: "行政复议", columns: 5), SpanCell(text: "行政诉讼", columns: 10)],
            outcomes.map { SpanCell(text: $0, rows: 2) } + [SpanCell(text: "未经复议直接起诉", columns: 5), SpanCell(text: "复议后起诉", columns: 5)],
            (outcomes + outcomes).map { SpanCell(text: $0) },
            disputeValues.map { SpanCell(text: $0) },
        ])
    }
}
