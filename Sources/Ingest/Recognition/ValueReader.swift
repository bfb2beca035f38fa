import ReportModel

/// Turns value cells into numbers, and says so loudly when it cannot: a cell that is not a number
/// is nil with a diagnostic naming table, row and column. Blank cells are collected and reported
/// once per row or table by the caller, so an empty table is one finding, not two hundred.
struct ValueReader {
    var diagnostics: [Diagnostic] = []

    /// `location` is built only when a diagnostic needs it.
    mutating func count(_ value: CellValue, at location: @autoclosure () -> String) -> Int? {
        switch value {
        case .blank:
            return nil
        case .number(let v):
            if v.rounded() == v, abs(v) < 1e15 { return Int(v) }
            diagnostics.append(Diagnostic(.warning, "not-a-count", where: location(), "“\(format(v))”不是整数，此处应为件数，未采用"))
            return nil
        case .notApplicable(let mark):
            diagnostics.append(Diagnostic(.warning, "not-applicable", where: location(), "单元格填写“\(mark)”（不适用），按空白处理，不计为0"))
            return nil
        case .unreadable(let text):
            diagnostics.append(Diagnostic(.warning, "unreadable-cell", where: location(), "单元格内容“\(text)”不是数字，无法读取"))
            return nil
        }
    }

    mutating func decimal(_ value: CellValue, at location: @autoclosure () -> String) -> Double? {
        if case .number(let v) = value { return v }
        _ = count(value, at: location())
        return nil
    }

    private func format(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int(v)) : String(v)  // Int(1e20) would trap (found by fuzzing)
    }
}
