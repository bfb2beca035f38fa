import Foundation

/// The Wilson score interval (95%) of a proportion x/n: honest for small n and for 0 or n,
/// where the plain ±1.96·SE interval collapses or leaves 0…1.
public struct WilsonInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    public init?(successes x: Int, trials n: Int, z: Double = 1.959964) {
        guard n > 0, x >= 0, x <= n else { return nil }
        let p = Double(x) / Double(n), nn = Double(n), z2 = z * z
        let denominator = 1 + z2 / nn
        let center = (p + z2 / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denominator
        lower = max(0, center - half)
        upper = min(1, center + half)
    }
}
