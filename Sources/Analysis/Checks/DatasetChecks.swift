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
        var findings = [[Diagnostic]](repeating: [], count: records.count)
        var similarity = [SimilarityScore](repeating: SimilarityScore(), count: records.count)
        // Sketching reads every narrative: the one part of these checks worth all cores.
        let sketches = ParallelMap.map(records) { TextSketch($0.narrative.overview + "\n" + $0.narrative.problems) }

        // One organ's reports by year (the first file wins where an organ has two for a year).
        var byOrgan: [OrganKey: [Int: Int]] = [:]
        for (index, record) in records.enumerated() {
            guard let key = OrganKey(record), let year = record.year else { continue }
            if byOrgan[key]?[year] == nil { byOrgan[key, default: [:]][year] = index }
        }
        for years in byOrgan.values {
            for (year, index) in years {
                guard let previous = years[year - 1] else { continue }
                findings[index] += CrossYearRules.findings(current: records[index], previous: records[previous])
                if let a = sketches[index], let b = sketches[previous] {
                    let s = a.similarity(to: b)
                    similarity[index].previousYear = s
                    similarity[index].previousYearSource = records[previous].source
                    if s >= copiedTextThreshold {
                        findings[index].append(copied(s, from: records[previous], sameOrgan: true))
                    }
                }
            }
        }

        // Other organs in the same year: candidates from shared LSH bands only. Boilerplate makes
        // some bands common to thousands of reports; comparing all pairs there would be quadratic,
        // so in a band with more than `bandComparisonLimit` members each member is compared with
        // the next `bandComparisonLimit` (in report order) only. A report that copies text shares
        // many bands with its source, so it still meets it in one of them; small bands (every
        // corpus the tests use) are compared in full. Each pair is scored once, and the best match
        // is the highest score, ties to the smallest source, so the result does not depend on
        // the order the bands are visited in.
        var buckets: [UInt64: [Int]] = [:]
        for (index, sketch) in sketches.enumerated() {
            guard let sketch, let year = records[index].year else { continue }
            for band in sketch.bandKeys() { buckets[band ^ UInt64(year), default: []].append(index) }
        }
        let organs = records.map(OrganKey.init)
        var pairs = Set<UInt64>()
        for members in buckets.values where members.count > 1 {
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)..<min(members.count, i + 1 + bandComparisonLimit)]
                where records[a].year == records[b].year && organs[a] != organs[b] {
                    pairs.insert(UInt64(a) << 32 | UInt64(b))
                }
            }
        }
        // Scored on all cores in chunks; the best match below does not depend on the order.
        let pairList = Array(pairs)
        let chunk = 4096
        let scores = ParallelMap.map(Array(stride(from: 0, to: pairList.count, by: chunk))) { start in
            pairList[start..<min(pairList.count, start + chunk)].map { pair in
                sketches[Int(pair >> 32)]!.similarity(to: sketches[Int(pair & 0xFFFF_FFFF)]!)
            }
        }.joined()
        var best: [Int: (Double, Int)] = [:]
        for (pair, s) in zip(pairList, scores) {
            let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
            if s > (best[a]?.0 ?? -1) || (s == best[a]?.0 && records[b].source < records[best[a]!.1].source) { best[a] = (s, b) }
            if s > (best[b]?.0 ?? -1) || (s == best[b]?.0 && records[a].source < records[best[b]!.1].source) { best[b] = (s, a) }
        }
        for (index, (score, other)) in best {
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
