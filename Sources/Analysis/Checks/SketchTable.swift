/// Every report's sketch bins in one flat run, by the reports' index. Same-year scoring compares
/// tens of millions of pairs on a national corpus: read as two contiguous runs of one array, a
/// pair costs its 128 comparisons, where reading each `TextSketch` retained and released its own
/// array and touched memory scattered over the heap.
struct SketchTable: Sendable {
    /// Report i's bins at i × 128; zeros for a report without a sketch (never scored).
    private let bins: [UInt64]

    init(_ sketches: [TextSketch?]) {
        let n = TextSketch.binCount
        var bins = [UInt64](repeating: 0, count: sketches.count * n)
        bins.withUnsafeMutableBufferPointer { out in
            for (i, sketch) in sketches.enumerated() {
                guard let sketch else { continue }
                for (k, value) in sketch.bins.enumerated() { out[i * n + k] = value }
            }
        }
        self.bins = bins
    }

    /// Runs `body` with a scorer over the table; the scorer must not escape it.
    func withScorer<R>(_ body: (Scorer) -> R) -> R {
        bins.withUnsafeBufferPointer { body(Scorer(bins: $0)) }
    }

    struct Scorer {
        let bins: UnsafeBufferPointer<UInt64>

        /// `TextSketch.similarity` of reports a and b (both present), to the bit.
        func similarity(_ a: Int, _ b: Int) -> Double {
            let n = TextSketch.binCount
            let x = bins.baseAddress! + a * n, y = bins.baseAddress! + b * n
            var matches = 0
            for i in 0..<n where x[i] == y[i] { matches &+= 1 }
            return Double(matches) / Double(n)
        }
    }
}
