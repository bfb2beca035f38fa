/// A double written with six decimals exactly as C's `printf("%.6f")` writes it (the value's
/// exact binary expansion, rounded half to even), without `String(format:)`: formatting the
/// fractions of every report and ranking place that way took a large share of the downloads.
enum SixDecimals {
    /// nil for what it does not handle (not finite, or 10¹² and above): the caller formats those.
    static func text(_ v: Double) -> String? {
        guard v.isFinite, v.magnitude < 1e12 else { return nil }
        var millionths: UInt64 = 0
        if v != 0 {
            // |v| = significand × 2^shift exactly; millionths = round(significand × 10⁶ / 2^-shift).
            let magnitude = v.magnitude
            let significand = UInt128(magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0))
            let scaled = significand * 1_000_000
            let shift = Int(magnitude.exponent) - 52
            if shift >= 0 {
                millionths = UInt64(scaled << shift)
            } else if -shift < 127 {
                let s = -shift
                var q = UInt64(scaled >> s)
                let rest = scaled & ((1 << s) - 1), half = UInt128(1) << (s - 1)
                if rest > half || (rest == half && q & 1 == 1) { q += 1 }
                millionths = q
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(24)
        if v.sign == .minus { out.append(UInt8(ascii: "-")) }
        out.append(contentsOf: String(millionths / 1_000_000).utf8)
        out.append(UInt8(ascii: "."))
        var fraction = millionths % 1_000_000
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 6)
        for i in (0..<6).reversed() {
            digits[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        out.append(contentsOf: digits)
        return String(decoding: out, as: UTF8.self)
    }
}
