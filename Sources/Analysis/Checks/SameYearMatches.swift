import ReportModel

/// For each report, the most similar narrative of another organ in the same year, and how
/// similar: the pair scoring behind the 雷同 check, most of a rebuild's analysis on a national
/// corpus. It depends on nothing but each report's sketch, year, organ and source in order, so
/// `key` digests exactly those, and a build whose inputs give the same key (a corrected table
/// changes none of them) takes the last build's matches as they are.
public struct SameYearMatches: Sendable {
    /// Members of one LSH band compared with each other in full; larger bands compare each member
    /// with this many neighbours only (see `find`).
    static let bandComparisonLimit = 8
    /// In every key: a change to how matches are found must never reuse old ones.
    static let method = "same-year-matches/1 bins \(TextSketch.binCount) limit \(bandComparisonLimit)"

    public let key: ContentHash
    /// By the reports' index: the other report's index (-1: none) and the score.
    public let other: [Int]
    public let score: [Double]
    /// True when these were given back from an earlier run instead of worked out.
    public let reused: Bool

    init(key: ContentHash, other: [Int], score: [Double], reused: Bool) {
        self.key = key
        self.other = other
        self.score = score
        self.reused = reused
    }

    /// `organs`: each report's organ as a number (-1 for none, equal to itself), so that equal
    /// numbers are one organ. `previous` is returned as it is when its key is this run's.
    public static func find(sketches: [TextSketch?], years: [Int?], organs: [Int], sources: [String],
                            reusing previous: SameYearMatches? = nil) -> SameYearMatches {
        let key = key(sketches: sketches, years: years, organs: organs, sources: sources)
        if let previous, previous.key == key, previous.other.count == sketches.count {
            return SameYearMatches(key: key, other: previous.other, score: previous.score, reused: true)
        }
        let best = scored(sketches: sketches, years: years, organs: organs, sources: sources)
        return SameYearMatches(key: key, other: best.other, score: best.score, reused: false)
    }

    /// The digest of everything `find` reads: a digest per report on all cores, then one of those.
    public static func key(sketches: [TextSketch?], years: [Int?], organs: [Int], sources: [String]) -> ContentHash {
        let count = sketches.count
        let chunks = max(1, min(64, count / 256))
        let parts = ParallelMap.map(Array(0..<chunks)) { c -> [ContentHash] in
            (c * count / chunks..<(c + 1) * count / chunks).map { i in
                var digest = DigestBuilder("report")
                digest.add(years[i])
                digest.add(organs[i])
                digest.add(sources[i])
                digest.add(sketches[i] != nil)
                if let bins = sketches[i]?.bins { bins.withUnsafeBytes { digest.add(ContentHash(bytes: $0)) } }
                return digest.digest
            }
        }
        var all = DigestBuilder(method)
        all.add(count)
        for part in parts { for hash in part { all.add(hash) } }
        return all.digest
    }
}

// The byte form the site build keeps in its cache.
extension SameYearMatches {
    public func write(to out: inout ByteWriter) {
        out.writeFixed(key.high)
        out.writeFixed(key.low)
        out.write(other.count)
        for (o, s) in zip(other, score) {
            out.write(o)
            out.write(s)
        }
    }

    /// Throws on anything a `write` could not have written: a damaged file is a miss, never a match.
    public init(reading reader: inout ByteReader) throws {
        let key = ContentHash(high: try reader.readFixed(), low: try reader.readFixed())
        let count = try reader.readCount()
        var other = [Int](), score = [Double]()
        other.reserveCapacity(count)
        score.reserveCapacity(count)
        for i in 0..<count {
            let o = try reader.readInt(), s = try reader.readDouble()
            guard o >= -1, o < count, o != i, o == -1 || (0...1).contains(s) else { throw ByteReader.Failure() }
            other.append(o)
            score.append(s)
        }
        guard reader.isAtEnd else { throw ByteReader.Failure() }
        self.init(key: key, other: other, score: score, reused: false)
    }
}

private extension SameYearMatches {
    /// Candidates from shared LSH bands only. Boilerplate makes some bands common to thousands of
    /// reports; comparing all pairs there would be quadratic, so in a band with more than
    /// `bandComparisonLimit` members each member is compared with the next `bandComparisonLimit`
    /// (in report order) only. A report that copies text shares many bands with its source, so it
    /// still meets it in one of them; small bands (every corpus the tests use) are compared in full.
    static func scored(sketches: [TextSketch?], years: [Int?], organs: [Int], sources: [String]) -> BestMatches {
        let bandKeys = ParallelMap.map(Array(sketches.indices)) { i -> [UInt64] in
            guard let sketch = sketches[i], let year = years[i] else { return [] }
            return sketch.bandKeys().map { $0 ^ UInt64(year) }
        }
        var buckets: [UInt64: [Int]] = [:]
        for (index, keys) in bandKeys.enumerated() {
            for band in keys { buckets[band, default: []].append(index) }
        }
        // Each pair is scored where it meets, on all cores: a pair sharing several bands is scored
        // again, which is cheaper than a set of every pair (on a national corpus tens of millions,
        // each insert a cache miss). Each chunk keeps the best match per report; keeping the
        // highest score, ties to the smallest source, makes the result independent of the order.
        let bands = buckets.values.filter { $0.count > 1 }
        let chunks = min(8, bands.count)
        let partial = ParallelMap.map(Array(0..<chunks)) { c -> BestMatches in
            var best = BestMatches(count: sketches.count)
            for members in bands[(c * bands.count / chunks)..<((c + 1) * bands.count / chunks)] {
                for (i, a) in members.enumerated() {
                    for b in members[(i + 1)..<min(members.count, i + 1 + bandComparisonLimit)]
                    where years[a] == years[b] && organs[a] != organs[b] {
                        let s = sketches[a]!.similarity(to: sketches[b]!)
                        best.offer(a, score: s, other: b, sources: sources)
                        best.offer(b, score: s, other: a, sources: sources)
                    }
                }
            }
            return best
        }
        var best = BestMatches(count: sketches.count)
        for part in partial {
            for i in 0..<sketches.count where part.other[i] >= 0 { best.offer(i, score: part.score[i], other: part.other[i], sources: sources) }
        }
        return best
    }
}

/// The most similar other report seen so far for each report (-1: none yet).
private struct BestMatches {
    var score: [Double]
    var other: [Int]

    init(count: Int) {
        score = Array(repeating: -1, count: count)
        other = Array(repeating: -1, count: count)
    }

    mutating func offer(_ i: Int, score s: Double, other o: Int, sources: [String]) {
        if s > score[i] || (s == score[i] && sources[o] < sources[other[i]]) {
            score[i] = s
            other[i] = o
        }
    }
}
