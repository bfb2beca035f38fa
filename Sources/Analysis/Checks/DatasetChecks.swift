import ReportModel

/// How much of a report's narrative is the same text as another report's (雷同): the same organ's
/// previous report, and the most similar report of another organ in the same year.
public struct SimilarityScore: Sendable, Equatable {
    public var previousYear: Double?
    public var previousYearSource: String?
    public var sameYear: Double?
    public var sameYearSource: String?

    public init(previousYear: Double? = nil, previousYearSource: String? = nil, sameYear: Double? = nil, sameYearSource: String? = nil) {
        self.previousYear = previousYear
        self.previousYearSource = previousYearSource
        self.sameYear = sameYear
        self.sameYearSource = sameYearSource
    }
}

/// Checks that need more than one report: consecutive years of one organ, and copied narrative.
/// Linear in the number of reports: LSH bands find the candidates, and a band shared by very many
/// reports (boilerplate) is compared in windows, not in all pairs.
public enum DatasetChecks {
    /// Narrative similarity at or above this is flagged as copied text.
    public static let copiedTextThreshold = 0.8
    /// Members of one LSH band compared with each other in full; larger bands compare each member
    /// with this many neighbours only (see `run`).
    static let bandComparisonLimit = 8

    public struct Result: Sendable {
        /// Findings per record, by the records' index.
        public var findings: [[Diagnostic]]
        public var similarity: [SimilarityScore]
    }

    public static func run(_ records: [ReportRecord]) -> Result {
        // Sketching reads every narrative: the one part of these checks worth all cores.
        run(records, sketches: ParallelMap.map(records) { TextSketch.of($0) }, organs: OrganKey.of(records))
    }

    /// `sketches` and `organs`: each record's `TextSketch.of` and `OrganKey`, by the records' index.
    public static func run(_ records: [ReportRecord], sketches: [TextSketch?], organs organKeys: [OrganKey?]) -> Result {
        var findings = [[Diagnostic]](repeating: [], count: records.count)
        var similarity = [SimilarityScore](repeating: SimilarityScore(), count: records.count)

        // One organ's reports by year (the first file wins where an organ has two for a year).
        var byOrgan: [OrganKey: [Int: Int]] = [:]
        for (index, record) in records.enumerated() {
            guard let key = organKeys[index], let year = record.year else { continue }
            if byOrgan[key]?[year] == nil { byOrgan[key, default: [:]][year] = index }
        }
        let consecutive = byOrgan.values.flatMap { years in
            years.compactMap { year, index in years[year - 1].map { (index: index, previous: $0) } }
        }
        // Each pair compared on all cores; each later report is in one pair at most.
        let compared = ParallelMap.map(Array(consecutive.indices)) { k -> ([Diagnostic], Double?) in
            let (index, previous) = consecutive[k]
            var found = CrossYearRules.findings(current: records[index], previous: records[previous])
            guard let a = sketches[index], let b = sketches[previous] else { return (found, nil) }
            let s = a.similarity(to: b)
            if s >= copiedTextThreshold { found.append(copied(s, from: records[previous], sameOrgan: true)) }
            return (found, s)
        }
        for ((index, previous), (found, score)) in zip(consecutive, compared) {
            findings[index] += found
            if let score {
                similarity[index].previousYear = score
                similarity[index].previousYearSource = records[previous].source
            }
        }

        // Other organs in the same year: candidates from shared LSH bands only. Boilerplate makes
        // some bands common to thousands of reports; comparing all pairs there would be quadratic,
        // so in a band with more than `bandComparisonLimit` members each member is compared with
        // the next `bandComparisonLimit` (in report order) only. A report that copies text shares
        // many bands with its source, so it still meets it in one of them; small bands (every
        // corpus the tests use) are compared in full.
        let years = records.map(\.year)
        let bandKeys = ParallelMap.map(Array(sketches.indices)) { i -> [UInt64] in
            guard let sketch = sketches[i], let year = years[i] else { return [] }
            return sketch.bandKeys().map { $0 ^ UInt64(year) }
        }
        var buckets: [UInt64: [Int]] = [:]
        for (index, keys) in bandKeys.enumerated() {
            for band in keys { buckets[band, default: []].append(index) }
        }
        // Organs as numbers (nil stays -1, equal to itself, as nil == nil): compared once per pair.
        var organNumbers: [OrganKey: Int] = [:]
        let organs = organKeys.map { key -> Int in
            guard let key else { return -1 }
            if let n = organNumbers[key] { return n }
            organNumbers[key] = organNumbers.count
            return organNumbers.count - 1
        }
        let sources = records.map(\.source)
        // Each pair is scored where it meets, on all cores: a pair sharing several bands is scored
        // again, which is cheaper than a set of every pair (on a national corpus tens of millions,
        // each insert a cache miss). Each chunk keeps the best match per report; keeping the
        // highest score, ties to the smallest source, makes the result independent of the order.
        let bands = buckets.values.filter { $0.count > 1 }
        let chunks = min(8, bands.count)
        let partial = ParallelMap.map(Array(0..<chunks)) { c -> BestMatches in
            var best = BestMatches(count: records.count)
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
        var best = BestMatches(count: records.count)
        for part in partial {
            for i in 0..<records.count where part.other[i] >= 0 { best.offer(i, score: part.score[i], other: part.other[i], sources: sources) }
        }
        for index in 0..<records.count where best.other[index] >= 0 {
            let score = best.score[index], other = best.other[index]
            similarity[index].sameYear = score
            similarity[index].sameYearSource = records[other].source
            if score >= copiedTextThreshold {
                findings[index].append(copied(score, from: records[other], sameOrgan: false))
            }
        }
        return Result(findings: findings, similarity: similarity)
    }

    private static func copied(_ score: Double, from other: ReportRecord, sameOrgan: Bool) -> Diagnostic {
        let name = "\(other.agency ?? other.source)\(other.year.map { "\($0)年" } ?? "")报告"
        return Diagnostic(
            .warning, sameOrgan ? "copied-text-previous-year" : "copied-text-same-year",
            where: "正文, 总体情况与存在的主要问题及改进情况",
            "叙述部分与\(name)的相似度为\(formatPercent(score))（雷同，阈值\(formatPercent(copiedTextThreshold))）",
            expected: "<\(formatPercent(copiedTextThreshold))", found: formatPercent(score))
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
