import ReportModel

/// A table row prepared for recognition: each cell's label core and its reading as a value.
struct RowView {
    let cells: [Cell]
    let cores: [String]
    let values: [CellValue]
    /// Which cores are plain text (see `PlainText`), found once: rows are matched against many patterns.
    let plainCores: [Bool]

    init(_ cells: [Cell], normaliser: TextNormaliser) {
        // A position covered by a merge from the left is not a cell of its own (see Cell).
        let cells = cells.contains(where: \.coveredFromLeft) ? cells.filter { !$0.coveredFromLeft } : cells
        self.cells = cells
        cores = cells.map { normaliser.labelCore($0.text) }
        values = cells.map { CellValue.parse($0.text) }
        plainCores = cores.map(PlainText.isPlain)
    }

    /// `pattern.matches(cores[index])`.
    func matches(_ pattern: LabelPattern, at index: Int) -> Bool {
        plainCores[index] ? pattern.matches(plainCore: cores[index]) : pattern.matches(cores[index])
    }

    /// True for a cell that can only be a label: text that is not a value.
    func isLabel(_ index: Int) -> Bool {
        if case .unreadable = values[index] { return !cores[index].isEmpty }
        return false
    }

    func any(_ pattern: LabelPattern) -> Bool { cores.indices.contains { matches(pattern, at: $0) } }

    /// `pattern.matches(cores[index])`, on bytes once the pattern is compiled.
    @inline(__always)
    func matches(_ pattern: CompiledPattern, at index: Int) -> Bool {
        pattern.matches(cores[index], coreIsPlain: plainCores[index])
    }

    func any(_ pattern: CompiledPattern) -> Bool { cores.indices.contains { matches(pattern, at: $0) } }

    var firstLabelIndex: Int? { cells.indices.first(where: isLabel) }

    var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}

/// Where the rows of each table are, whatever the headings say: headings are often missing or
/// misnumbered, so a table is found by its own anchor rows (第二十条…, 勾稽关系/申请人情况, 行政复议+行政诉讼).
enum TableLocator {
    static func locate(_ rows: [RowView]) -> [ReportFormat.Table: [RowView]] {
        var located: [ReportFormat.Table: [RowView]] = [:]
        var current: ReportFormat.Table?
        for row in rows {
            if let opened = opens(row) { current = opened }
            if let current { located[current, default: []].append(row) }
        }
        return located
    }

    private static func opens(_ row: RowView) -> ReportFormat.Table? {
        if CompiledPatterns.disputeTableAnchors.allSatisfy(row.any) { return .disputes }
        if CompiledPatterns.requestTableAnchors.contains(where: row.any) { return .requests }
        if let first = row.firstLabelIndex {
            if row.matches(CompiledPatterns.activeBlockAnchor, at: first) || row.matches(CompiledPatterns.activeHeaderAnchor, at: first) {
                return .active
            }
            if CompiledPatterns.newRequests.contains(where: { row.matches($0, at: first) }) { return .requests }
        }
        return nil
    }
}
