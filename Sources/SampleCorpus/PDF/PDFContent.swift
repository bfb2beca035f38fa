/// One page's content stream: text placed at a baseline, and straight lines stroked. Positions
/// are given from the top-left corner (as poppler reports them) and turned into PDF's
/// bottom-up coordinates here.
struct PDFContent {
    let pageHeight: Double
    private(set) var operators: [String] = []

    init(pageHeight: Double) { self.pageHeight = pageHeight }

    /// `text` with its baseline at `baseline` from the top, starting at `x`.
    mutating func text<S: StringProtocol>(_ text: S, x: Double, baseline: Double, size: Double, characters: inout PDFCharacterTable) {
        guard !text.isEmpty else { return }
        operators.append("BT /F1 \(Self.number(size)) Tf 1 0 0 1 \(Self.number(x)) \(Self.number(pageHeight - baseline)) Tm \(characters.encode(text)) Tj ET")
    }

    /// A stroked line from (x0, y0) to (x1, y1), from the top-left corner.
    mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, width: Double = 0.5) {
        operators.append("\(Self.number(width)) w \(Self.number(x0)) \(Self.number(pageHeight - y0)) m \(Self.number(x1)) \(Self.number(pageHeight - y1)) l S")
    }

    var stream: String { operators.joined(separator: "\n") }

    /// Two decimals at most, no exponent: what PDF numbers allow.
    static func number(_ v: Double) -> String {
        let scaled = (v * 100).rounded()
        let whole = Int(scaled) / 100, fraction = abs(Int(scaled) % 100)
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        return fraction % 10 == 0 ? "\(sign)\(whole).\(fraction / 10)" : "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
