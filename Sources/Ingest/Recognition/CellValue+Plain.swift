import ReportModel

/// `CellValue.parse` on the UTF-8 of plain text (see `PlainText`): the same steps (half-width,
/// drop spaces and `?`, not-applicable marks, a unit suffix, a decimal numeral) done on bytes,
/// where each scalar is a Character, without allocating. Nil for text that is not plain: the
/// slow path decides.
extension CellValue {
    static func parsePlain(_ raw: String) -> CellValue? {
        PlainText.withUTF8(raw) { bytes -> CellValue? in
            guard PlainText.isPlain(bytes) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer -> CellValue in
                let count = compact(bytes, into: buffer)
                return classify(UnsafeBufferPointer(rebasing: buffer[0..<count]), raw: bytes)
            }
        }
    }

    /// Half-width forms mapped, spaces (TAB, LF, space, U+3000) and `?` dropped; the length written.
    private static func compact(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var n = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x3F { out[n] = b; n += 1 }
                i += 1
                continue
            }
            let value = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            if value >= 0xFF01 && value <= 0xFF5E {
                let ascii = UInt8(value - 0xFEE0)
                if ascii != 0x3F { out[n] = ascii; n += 1 }
            } else if value != 0x3000 {
                out[n] = b; out[n + 1] = bytes[i + 1]; out[n + 2] = bytes[i + 2]
                n += 3
            }
            i += 3
        }
        return n
    }

    private static func classify(_ compact: UnsafeBufferPointer<UInt8>, raw: UnsafeBufferPointer<UInt8>) -> CellValue {
        if compact.isEmpty { return .blank }
        if notApplicableBytes.contains(where: { $0.elementsEqual(compact) }) {
            return .notApplicable(String(decoding: compact, as: UTF8.self))
        }
        var body = compact
        let scalars = compact.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        for unit in unitBytes where scalars > unit.scalars && body.count > unit.bytes.count
            && body[(body.count - unit.bytes.count)...].elementsEqual(unit.bytes) {
            body = UnsafeBufferPointer(rebasing: body[0..<(body.count - unit.bytes.count)])
            break
        }
        if let number = asciiNumber(body) { return .number(number) }
        return .unreadable(String(decoding: UnsafeBufferPointer(rebasing: raw[PlainText.trimmedRange(raw)]), as: UTF8.self))
    }

    private static let notApplicableBytes: [[UInt8]] = ReportFormat.notApplicableMarks.map { Array($0.utf8) }
    private static let unitBytes: [(bytes: [UInt8], scalars: Int)] =
        (ReportFormat.countUnits + ["万元"]).map { (Array($0.utf8), $0.unicodeScalars.count) }

    /// `number(_:)` on bytes: an optional sign, digits with thousands separators only in their
    /// places (1–3 digits, then groups of 3), an optional fraction of at least one digit.
    private static func asciiNumber(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var start = 0
        var sign = 1.0
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            start = 1
        }
        var dot: Int?
        for i in start..<s.count where s[i] == UInt8(ascii: ".") {
            if dot != nil { return nil }
            dot = i
        }
        let wholeEnd = dot ?? s.count
        guard wholeEnd > start else { return nil }
        var value = 0, digits = 0, groupLength = 0, groups = 0
        for i in start..<wholeEnd {
            let b = s[i]
            if b == UInt8(ascii: ",") {
                guard groups == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                groups += 1
                groupLength = 0
            } else if isDigit(b) {
                if digits < 18 { value = value * 10 + Int(b - 0x30) }
                digits += 1
                groupLength += 1
            } else {
                return nil
            }
        }
        if groups > 0 && groupLength != 3 { return nil }
        if let dot {
            guard dot + 1 < s.count, s[(dot + 1)...].allSatisfy(isDigit) else { return nil }
        } else if digits <= 15 {
            return Double(value) * sign  // exact in a Double: the value Double(String) parses
        }
        let whole = s[start..<wholeEnd].filter { $0 != UInt8(ascii: ",") }
        let text = String(decoding: whole, as: UTF8.self) + (dot.map { "." + String(decoding: s[($0 + 1)...], as: UTF8.self) } ?? "")
        return Double(text).map { $0 * sign }
    }
}
