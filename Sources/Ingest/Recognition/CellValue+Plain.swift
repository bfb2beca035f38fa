import ReportModel

/// `CellValue.parse` on the UTF-8 of plain text (see `PlainText`): the same steps (half-width,
/// drop spaces and `?`, not-applicable marks, a unit suffix, a decimal numeral) done on bytes,
/// where each scalar is a Character. Nil for text that is not plain: the slow path decides.
extension CellValue {
    static func parsePlain(_ raw: String) -> CellValue? {
        PlainText.withUTF8(raw) { bytes -> CellValue? in
            guard PlainText.isPlain(bytes) else { return nil }
            var compact: [UInt8] = []
            compact.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x3F { compact.append(b) }  // spaces, `?`
                    i += 1
                    continue
                }
                let value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if value >= 0xFF01 && value <= 0xFF5E {  // full-width → ASCII, then the same filter
                    let ascii = UInt8(value - 0xFEE0)
                    if ascii != 0x3F { compact.append(ascii) }
                } else if value != 0x3000 {  // ideographic space is a space
                    compact.append(contentsOf: bytes[i..<(i + 3)])
                }
                i += 3
            }
            if compact.isEmpty { return .blank }
            if notApplicableBytes.contains(where: { $0.elementsEqual(compact) }) {
                return .notApplicable(String(decoding: compact, as: UTF8.self))
            }
            var body = compact[...]
            let scalars = compact.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            for unit in unitBytes where body.count > unit.bytes.count && scalars > unit.scalars && body.suffix(unit.bytes.count).elementsEqual(unit.bytes) {
                body = body.dropLast(unit.bytes.count)
                break
            }
            if let number = asciiNumber(body) { return .number(number) }
            return .unreadable(String(decoding: UnsafeBufferPointer(rebasing: bytes[PlainText.trimmedRange(bytes)]), as: UTF8.self))
        }
    }

    private static let notApplicableBytes: [[UInt8]] = ReportFormat.notApplicableMarks.map { Array($0.utf8) }
    private static let unitBytes: [(bytes: [UInt8], scalars: Int)] =
        (ReportFormat.countUnits + ["万元"]).map { (Array($0.utf8), $0.unicodeScalars.count) }

    /// `number(_:)` on ASCII bytes: sign, digits with thousands separators only in their places, one fraction.
    private static func asciiNumber(_ s: ArraySlice<UInt8>) -> Double? {
        var body = s
        var sign = 1.0
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            body = body.dropFirst()
        }
        let parts = body.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        guard whole.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ",") }) else { return nil }
        let digits = whole.filter { $0 != UInt8(ascii: ",") }
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(isDigit) else { return nil }
        } else if digits.count <= 15 {
            // Exact in a Double, so the same value Double(String) parses.
            return Double(digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) * sign
        }
        let text = String(decoding: digits, as: UTF8.self) + (parts.count == 2 ? "." + String(decoding: parts[1], as: UTF8.self) : "")
        return Double(text).map { $0 * sign }
    }
}
