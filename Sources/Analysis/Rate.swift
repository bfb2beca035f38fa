/// A ratio shown with its parts: never a bare percentage. `value` is nil ("—") when the
/// denominator is 0 or an operand is blank, and `reason` says which.
public struct Rate: Sendable, Equatable, Hashable {
    public let numerator: Int?
    public let denominator: Int?
    /// Multiplier for per-hundred figures (争议率 is per 100 new requests); 1 for plain ratios.
    public let scale: Double

    public init(_ numerator: Int?, over denominator: Int?, scale: Double = 1) {
        self.numerator = numerator
        self.denominator = denominator
        self.scale = scale
    }

    public var value: Double? {
        guard let n = numerator, let d = denominator, d != 0 else { return nil }
        return Double(n) / Double(d) * scale
    }

    /// Why there is no value, in the words the site shows.
    public var reason: String? {
        if numerator == nil || denominator == nil { return "有空白数据，无法计算" }
        if denominator == 0 { return "分母为0" }
        return nil
    }

    /// "30.61%" (or "1.25" for a per-hundred figure); "—" when there is no value.
    public var formatted: String {
        guard let v = value else { return "—" }
        return scale == 1 ? formatPercent(v) : formatDecimal(v)
    }
}

/// Adds counts; blank (nil) if any operand is blank, because a sum with a missing part is unknown.
public func sum(_ values: [Int?]) -> Int? {
    var total = 0
    for v in values {
        guard let v else { return nil }
        total += v
    }
    return total
}

public func difference(_ a: Int?, _ b: Int?) -> Int? {
    guard let a, let b else { return nil }
    return a - b
}

/// Two decimals, trailing zeros kept so columns align: 0.3061 → "30.61%".
public func formatPercent(_ fraction: Double) -> String {
    formatDecimal(fraction * 100) + "%"
}

public func formatDecimal(_ v: Double) -> String {
    let scaled = (v * 100).rounded()
    guard scaled.isFinite, abs(scaled) < 1e15 else { return String(v) }  // Int(_:) would trap
    let sign = scaled < 0 ? "-" : ""
    let magnitude = Int(abs(scaled))
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}
