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
/// Linear in the number of reports (see `SameYearMatches`).
public enum DatasetChecks {
    /// Narrative similarity at or above this is flagged as copied text.
    public static let copiedTextThreshold = 0.8

    public struct Result: Sendable {
        /// Findings per record, by the records' index.
        public var findings: [[Diagnostic]]
        public var similarity: [SimilarityScore]
        /// The same-year matches the similarity came from, to hand to the next build.
        public var matches: SameYearMatches
    }

    public static func run(_ records: [ReportRecord]) -> Result {
        // Sketching reads every narrative: the one part of these checks worth all cores.
        run(records, sketches: ParallelMap.map(records) { TextSketch.of($0) }, organs: OrganKey.of(records))
    }

    /// `sketches` and `organs`: each record's `TextSketch.of` and `OrganKey`, by the records' index;
    /// `previous`: the matches of an earlier run, used as they are if worked out from the same inputs.
    public static func run(_ records: [ReportRecord], sketches: [TextSketch?], organs organKeys: [OrganKey?],
                           reusing previous: SameYearMatches? = nil) -> Result {
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

        // Other organs in the same year (see `SameYearMatches`), taken from the last build when
        // nothing they depend on changed.
        // Organs as numbers (nil stays -1, equal to itself, as nil == nil): compared once per pair.
        var organNumbers: [OrganKey: Int] = [:]
        let organs = organKeys.map { key -> Int in
            guard let key else { return -1 }
            if let n = organNumbers[key] { return n }
            organNumbers[key] = organNumbers.count
            return organNumbers.count - 1
        }
        let best = SameYearMatches.find(sketches: sketches, years: records.map(\.year), organs: organs,
                                        sources: records.map(\.source), reusing: previous)
        for index in 0..<records.count where best.other[index] >= 0 {
            let score = best.score[index], other = best.other[index]
            similarity[index].sameYear = score
            similarity[index].sameYearSource = records[other].source
            if score >= copiedTextThreshold {
                findings[index].append(copied(score, from: records[other], sameOrgan: false))
            }
        }
        return Result(findings: findings, similarity: similarity, matches: best)
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
