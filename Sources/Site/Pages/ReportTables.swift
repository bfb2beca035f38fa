import ReportModel

/// The three statistical tables of one record, as reported: every cell of the record's format
/// version in the format's order, blank shown as blank. Consecutive rows that share a column set
/// form one table, as in the printed format (table 二 has three such blocks).
enum ReportTables {
    struct Block {
        let caption: String
        let columns: [String]
        let rows: [(label: String, values: [String])]
    }

    private struct Row {
        let key: String
        let label: String
        var columnKeys: [String] = []
        var columnLabels: [String] = []
        var values: [String] = []
    }

    static func blocks(_ record: ReportRecord) -> [Block] {
        var tables: [(label: String, rows: [Row])] = []
        for cell in record.cells {
            if tables.last?.label != cell.tableLabel { tables.append((cell.tableLabel, [])) }
            if tables[tables.count - 1].rows.last?.key != cell.row {
                tables[tables.count - 1].rows.append(Row(key: cell.row, label: cell.rowLabel))
            }
            let r = tables[tables.count - 1].rows.count - 1
            tables[tables.count - 1].rows[r].columnKeys.append(cell.column)
            tables[tables.count - 1].rows[r].columnLabels.append(cell.columnLabel)
            tables[tables.count - 1].rows[r].values.append(cell.value.map(Show.decimal) ?? "")
        }
        var blocks: [Block] = []
        for table in tables {
            var groups: [[Row]] = []
            for row in table.rows {
                if let last = groups.last?.last, last.columnKeys == row.columnKeys {
                    groups[groups.count - 1].append(row)
                } else {
                    groups.append([row])
                }
            }
            for (n, group) in groups.enumerated() {
                let caption = groups.count > 1 ? "\(table.label)（第\(n + 1)部分）" : table.label
                blocks.append(Block(caption: caption, columns: group[0].columnLabels, rows: group.map { ($0.label, $0.values) }))
            }
        }
        return blocks
    }
}
