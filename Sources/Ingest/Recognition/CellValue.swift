import Foundation
import ReportModel

/// What a value cell holds. Blank and "not applicable" are kept apart from zero and from
/// text that is not a number, so each gets its own diagnostic.
enum CellValue: Equatable {
    case blank
    case number(Double)
    case notApplicable(String)
    case unreadable(String)

    /// Reads a value cell: `  23`, `61,950`, `１２３`, `188.9`, `5件`, `/`.
    static func parse(_ raw: String) -> CellValue {
        if let plain = parsePlain(raw) { return plain }
        let text = TextNormaliser.halfWidth(raw)
        var compact = text.filter { !$0.isWhitespace && $0 != "?" }
        if compact.isEmpty { return .blank }
        if ReportFormat.notApplicableMarks.contains(compact) { return .notApplicable(compact) }
        for unit in ReportFormat.countUnits + ["万元"] where compact.hasSuffix(unit) && compact.count > unit.count {
            compact.removeLast(unit.count)
            break
        }
        if let number = number(compact) { return .number(number) }
        return .unreadable(raw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A plain decimal numeral, with thousands separators only in their proper places.
    private static func number(_ s: String) -> Double? {
        var body = Substring(s)
        var sign = 1.0
        if body.first == "-" || body.first == "+" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.allSatisfy(\.isASCIIDigit) else { return nil }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        }
        return Double(digits + (parts.count == 2 ? "." + parts[1] : "")).map { $0 * sign }
    }

    /// True for a line that is only a number (a value cell that lost its TAB).
    static func looksNumeric(_ line: Substring) -> Bool {
        if case .number = parse(String(line)) { return true }
        return false
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
