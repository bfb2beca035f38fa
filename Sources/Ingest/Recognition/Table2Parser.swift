import Foundation
import ReportModel

/// Table 二 (主动公开): blocks of Article 20 items, each under a header row naming its columns.
/// The header decides the format version: 2019 columns are never mapped onto 2021 ones.
struct Table2Parser {
    struct Result {
        var active = ActiveDisclosure()
        var active2019 = ActiveDisclosure2019()
        /// Set when a header names columns of one version only.
        var version: FormatVersion?
        var itemsFound: Set<ActiveItem> = []
        var diagnostics: [Diagnostic] = []
        var blankCells: [(ActiveItem, ActiveColumn)] = []
        var numbersRead = 0
    }

    static func parse(_ rows: [RowView]) -> Result {
        var result = Result()
        var reader = ValueReader()
        var columns: [ActiveColumn?]?

        var block: String?
        for row in rows {
            guard var first = row.firstLabelIndex else { continue }
            if row.matches(CompiledPatterns.activeBlockAnchor, at: first) {
                // A new block's columns come from its own header. The same anchor again is the
                // block's label repeated on each of its rows (a web table's spanned label copied down).
                if row.cores[first] != block { columns = nil }
                block = row.cores[first]
                // A label spanning its block's rows on the left shares a row with the header or an item.
                guard let next = row.cells.indices.first(where: { $0 > first && row.isLabel($0) }) else { continue }
                first = next
            }
            if row.matches(CompiledPatterns.activeHeaderAnchor, at: first) {
                let header = row.cores.indices.filter { $0 > first && !row.cores[$0].isEmpty }
                columns = header.map { index in CompiledPatterns.activeColumns.first { $0.patterns.contains { row.matches($0, at: index) } }?.column }
                let known = columns!.compactMap { $0 }
                if known.contains(where: \.isTrialFormat) {
                    result.version = .v2019
                } else if known.contains(where: { [.issued, .repealed, .inForce, .feeAmount].contains($0) }) {
                    result.version = result.version ?? .v2021
                }
                continue
            }
            guard let item = CompiledPatterns.activeItems.first(where: { $0.patterns.contains { row.matches($0, at: first) } })?.item else {
                result.diagnostics.append(Diagnostic(
                    .info, "unknown-row", where: cellLocation(table: "二", row: row.cells[first].text.plainTrimmed),
                    "表二中有格式未定义的行，已保留原文，未计入数据"))
                continue
            }
            let version = result.version ?? .v2021
            if !result.itemsFound.insert(item).inserted {
                result.diagnostics.append(Diagnostic(
                    .warning, "duplicate-row", where: cellLocation(table: "二", row: item.label(in: version)), "该行出现两次，采用第一次的数值"))
                continue
            }
            let rowColumns = columns ?? Self.defaultColumns(for: item, version: result.version ?? .v2021).map { $0 }
            let values = Array(row.values[(first + 1)...])
            for (index, column) in rowColumns.enumerated() {
                guard let column else { continue }
                let value = index < values.count ? values[index] : .blank
                let location = cellLocation(table: "二", row: item.label(in: version), column: column.label(in: version))
                if value == .blank { result.blankCells.append((item, column)) }
                if case .number = value { result.numbersRead += 1 }
                if !store(value, item: item, column: column, into: &result, reader: &reader, location: location) {
                    result.diagnostics.append(Diagnostic(
                        .warning, "unexpected-column", where: location, "该行不应有此列，数值未采用"))
                }
            }
            if values.count > rowColumns.count, values[rowColumns.count...].contains(where: { $0 != .blank }) {
                result.diagnostics.append(Diagnostic(
                    .warning, "extra-cells", where: cellLocation(table: "二", row: item.label(in: version)), "该行的数值多于表头的列数，多出的单元格未采用"))
            }
        }
        result.diagnostics += reader.diagnostics
        return result
    }

    /// The columns an item has when no header row names them.
    static func defaultColumns(for item: ActiveItem, version: FormatVersion) -> [ActiveColumn] {
        switch (item, version) {
        case (.rules, .v2021), (.normativeDocuments, .v2021): return [.issued, .repealed, .inForce]
        case (.fees, .v2021): return [.feeAmount]
        case (_, .v2021): return [.decisions]
        case (.rules, .v2019), (.normativeDocuments, .v2019): return [.made, .published, .publicTotal]
        case (.fees, .v2019): return [.itemsLastYear, .change]
        case (.procurement, .v2019): return [.projects, .amount]
        case (_, .v2019): return [.itemsLastYear, .change, .decisions]
        }
    }

    /// Puts a value where the item and column say; false when the pair does not exist in the format.
    private static func store(
        _ value: CellValue, item: ActiveItem, column: ActiveColumn, into result: inout Result,
        reader: inout ValueReader, location: String
    ) -> Bool {
        if column.isTrialFormat || result.version == .v2019 {
            return store2019(value, item: item, column: column, into: &result.active2019, reader: &reader, location: location)
        }
        var a = result.active
        defer { result.active = a }
        switch (item, column) {
        case (.rules, .issued): a.rules.issued = reader.count(value, at: location)
        case (.rules, .repealed): a.rules.repealed = reader.count(value, at: location)
        case (.rules, .inForce): a.rules.inForce = reader.count(value, at: location)
        case (.normativeDocuments, .issued): a.normativeDocuments.issued = reader.count(value, at: location)
        case (.normativeDocuments, .repealed): a.normativeDocuments.repealed = reader.count(value, at: location)
        case (.normativeDocuments, .inForce): a.normativeDocuments.inForce = reader.count(value, at: location)
        case (.licensing, .decisions): a.licensing = reader.count(value, at: location)
        case (.punishment, .decisions): a.punishment = reader.count(value, at: location)
        case (.coercion, .decisions): a.coercion = reader.count(value, at: location)
        case (.fees, .feeAmount): a.fees10kYuan = reader.decimal(value, at: location)
        default: return false
        }
        return true
    }

    private static func store2019(
        _ value: CellValue, item: ActiveItem, column: ActiveColumn, into a: inout ActiveDisclosure2019,
        reader: inout ValueReader, location: String
    ) -> Bool {
        func documents(_ d: inout ActiveDisclosure2019.Documents) -> Bool {
            switch column {
            case .made: d.made = reader.count(value, at: location)
            case .published: d.published = reader.count(value, at: location)
            case .publicTotal: d.publicTotal = reader.count(value, at: location)
            default: return false
            }
            return true
        }
        func items(_ d: inout ActiveDisclosure2019.Items) -> Bool {
            switch column {
            case .itemsLastYear: d.itemsLastYear = reader.count(value, at: location)
            case .change: d.change = reader.count(value, at: location)
            case .decisions: d.decisions = reader.count(value, at: location)
            default: return false
            }
            return true
        }
        switch (item, column) {
        case (.rules, _): return documents(&a.rules)
        case (.normativeDocuments, _): return documents(&a.normativeDocuments)
        case (.licensing, _): return items(&a.licensing)
        case (.otherServices, _): return items(&a.otherServices)
        case (.punishment, _): return items(&a.punishment)
        case (.coercion, _): return items(&a.coercion)
        case (.fees, .itemsLastYear): a.fees.itemsLastYear = reader.count(value, at: location)
        case (.fees, .change): a.fees.change = reader.count(value, at: location)
        case (.procurement, .projects): a.procurement.projects = reader.count(value, at: location)
        case (.procurement, .amount): a.procurement.amount = reader.decimal(value, at: location)
        default: return false
        }
        return true
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
