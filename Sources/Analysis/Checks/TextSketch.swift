import ReportModel

/// A MinHash sketch of a text (one-permutation hashing: each 4-character shingle falls into one of
/// 128 bins, each bin keeps its smallest hash). Two sketches estimate the texts' Jaccard similarity
/// in constant time, and their bands index them so similar texts meet without comparing all pairs.
public struct TextSketch: Sendable, Equatable, Hashable {
    public static let binCount = 128
    static let shingleLength = 4
    static let empty = UInt64.max

    let bins: [UInt64]

    /// A sketch given back from a cache.
    init(bins: [UInt64]) {
        precondition(bins.count == Self.binCount, "a text sketch has \(Self.binCount) bins")
        self.bins = bins
    }

    /// The sketch the copied-text checks compare: a report's overview and its problems sections.
    public static func of(_ record: ReportRecord) -> TextSketch? {
        TextSketch(record.narrative.overview + "\n" + record.narrative.problems)
    }

    /// Sketches the Han characters of `text` (numbers and punctuation change from year to year
    /// without changing what was written); nil for texts too short to judge (a bare 无).
    public init?(_ text: String) {
        let han = text.unicodeScalars.filter(Self.isHan).map(\.value)
        guard han.count >= 40 else { return nil }
        var bins = [UInt64](repeating: Self.empty, count: Self.binCount)
        for start in 0...(han.count - Self.shingleLength) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for offset in 0..<Self.shingleLength {
                h = (h ^ UInt64(han[start + offset])) &* 0x100_0000_01b3
            }
            h = Self.mix(h)
            let bin = Int(h % UInt64(Self.binCount))
            let value = h / UInt64(Self.binCount)
            if value < bins[bin] { bins[bin] = value }
        }
        self.bins = Self.densified(bins)
    }

    /// Short texts leave bins empty; each empty bin borrows the next filled bin's value (rotation
    /// densification), so every band has a key and the estimate stays unbiased.
    private static func densified(_ bins: [UInt64]) -> [UInt64] {
        var out = bins
        for i in 0..<binCount where bins[i] == empty {
            var distance = 1
            while bins[(i + distance) % binCount] == empty { distance += 1 }
            out[i] = mix(bins[(i + distance) % binCount] &+ UInt64(distance))
        }
        return out
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, 0…1.
    public func similarity(to other: TextSketch) -> Double {
        var matches = 0
        bins.withUnsafeBufferPointer { a in
            other.bins.withUnsafeBufferPointer { b in
                for i in 0..<Self.binCount where a[i] == b[i] { matches &+= 1 }
            }
        }
        return Double(matches) / Double(Self.binCount)
    }

    /// Keys of the LSH bands (4 bins each): texts that share a key are compared.
    func bandKeys() -> [UInt64] {
        stride(from: 0, to: Self.binCount, by: 4).map { start in
            bins[start..<(start + 4)].reduce(UInt64(start) &* 0x9E37_79B9_7F4A_7C15) { Self.mix($0 ^ $1) }
        }
    }

    /// splitmix64's finaliser: spreads FNV's output over all bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }
}
