import ReportModel

/// One report in the dataset: its record (diagnostics include every check's findings), figures,
/// place among its peers, and whether a later file for the same organ and year replaced it.
/// A class: pages, downloads and digests pass reports around by the hundred thousand, and copying
/// the value (a record and figures, dozens of references) cost a retain per field each time.
public final class DatasetReport: Sendable {
    /// Position in `Dataset.reports`.
    public let index: Int
    /// Position in the records the dataset was made from.
    public let input: Int
    public let record: ReportRecord
    public let metrics: ReportMetrics
    public let identityCounts: IdentityCounts
    public let similarity: SimilarityScore
    public let organ: OrganKey?
    public let level: OrganLevel?
    public let kind: OrganKind
    /// The index of the report kept in this one's place (see `DuplicateRule`).
    public let supersededBy: Int?
    /// How many of the record's last diagnostics come from comparing it with other reports (the
    /// same-year and duplicate checks); those before them follow from the record alone.
    public let crossReportFindings: Int
    /// Findings by severity (info, warning, error): lists sort a national dataset by them.
    private let severityCounts: (info: Int, warning: Int, error: Int)

    init(index: Int, input: Int, record: ReportRecord, metrics: ReportMetrics, identityCounts: IdentityCounts, similarity: SimilarityScore,
         organ: OrganKey?, level: OrganLevel?, kind: OrganKind, supersededBy: Int?, crossReportFindings: Int) {
        self.index = index
        self.input = input
        self.record = record
        self.metrics = metrics
        self.identityCounts = identityCounts
        self.similarity = similarity
        self.organ = organ
        self.level = level
        self.kind = kind
        self.supersededBy = supersededBy
        self.crossReportFindings = crossReportFindings
        var counts = (info: 0, warning: 0, error: 0)
        for diagnostic in record.diagnostics {
            switch diagnostic.severity {
            case .info: counts.info += 1
            case .warning: counts.warning += 1
            case .error: counts.error += 1
            }
        }
        severityCounts = counts
    }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        switch severity {
        case .info: severityCounts.info
        case .warning: severityCounts.warning
        case .error: severityCounts.error
        }
    }

    /// The identity results, worked out again from the tables for the page that lists them: a
    /// national dataset holding every report's fifty results held hundreds of MB.
    public var identities: [IdentityResult] { ConsistencyRules.evaluate(record) }

    public var peerGroup: PeerGroup? {
        guard let year = record.year else { return nil }
        return PeerGroup(year: year, level: level, kind: kind, scope: record.scope)
    }
}

/// A folder of reports turned into a comparative dataset: checks, figures, year-over-year change,
/// region totals up the hierarchy, and rankings within peer groups. Built once per site build;
/// every stage is linear in the number of reports (rankings sort within peer groups).
public struct Dataset: Sendable {
    public struct Options: Sendable {
        /// A rate is ranked only when its denominator reaches this (docs/metrics.md).
        public var minimumRequests: Int
        public init(minimumRequests: Int = 30) { self.minimumRequests = minimumRequests }
    }

    public let options: Options
    /// Sorted by region code, organ, year and source.
    public let reports: [DatasetReport]
    /// Year-over-year change, keyed by the later report's index.
    public let changes: [Int: YearOverYear]
    public let regions: [RegionTotals]
    public let rankings: [Ranking]
    /// The pair scoring behind the same-year 雷同 check, for the next build to reuse.
    public let sameYearMatches: SameYearMatches

    /// `analyses`: each record's own analysis, by the records' index, when the caller already has
    /// them (the site build keeps them in its cache); nil works them out. `matches`: the last
    /// build's same-year matches, used only if worked out from the same sketches, years, organs
    /// and sources.
    public init(records: [ReportRecord], analyses: [ReportAnalysis]? = nil, matches: SameYearMatches? = nil, options: Options = .init()) {
        self.options = options
        // The keys taken out once (comparing records copied two whole records per step), and
        // names compared as UTF-8 bytes: the order of `<` for NFC text, without normalising
        // every Chinese name again at each of the two million steps.
        let keys = records.map { (adcode: $0.region.adcode ?? "~", agency: $0.agency ?? "~", year: $0.year ?? 0, source: $0.source) }
        let order = records.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            let byCode = String.utf8Order(a.adcode, b.adcode)
            if byCode != 0 { return byCode < 0 }
            let byName = String.utf8Order(a.agency, b.agency)
            if byName != 0 { return byName < 0 }
            if a.year != b.year { return a.year < b.year }
            return String.utf8Precedes(a.source, b.source)
        }
        let sorted = order.map { records[$0] }
        // Worked out once: the checks, the duplicate rule and the reports all group by organ.
        let organs = OrganKey.of(sorted)
        let ownAnalyses = analyses.map { analyses in order.map { analyses[$0] } } ?? ParallelMap.map(sorted) { ReportAnalysis($0) }
        // Side by side: much of each is serial.
        let (run, superseded) = ParallelMap.pair({ CheckRun.run(sorted, analyses: ownAnalyses, organs: organs, reusing: matches) },
                                                 { DuplicateRule.superseded(sorted, organs: organs) })
        var checked = run.reports
        sameYearMatches = run.matches
        // Sorted: a winner with several losers gets its notes in source order, whatever the hash seed.
        for (loser, winner) in superseded.sorted(by: { $0.key < $1.key }) {
            checked[loser].record.diagnostics.append(Diagnostic(
                .warning, "duplicate-superseded",
                "同一机关同一年度另有报告 \(sorted[winner].source)，按重复报告规则以该份为准，本份不计入汇总和排名"))
            checked[loser].crossReportFindings += 1
            checked[winner].record.diagnostics.append(Diagnostic(
                .info, "duplicate-kept", "同一机关同一年度另有报告 \(sorted[loser].source)，按重复报告规则以本份为准"))
            checked[winner].crossReportFindings += 1
        }
        // On all cores: each report's figures are its own. Its profile is in its own analysis: the
        // notes added above say nothing of its name or region.
        let finished = checked
        reports = ParallelMap.map(Array(finished.indices)) { index in
            let c = finished[index]
            return DatasetReport(
                index: index, input: order[index], record: c.record, metrics: ReportMetrics(c.record), identityCounts: c.identityCounts,
                similarity: c.similarity, organ: organs[index], level: ownAnalyses[index].level,
                kind: ownAnalyses[index].kind, supersededBy: superseded[index], crossReportFindings: c.crossReportFindings)
        }
        let reports = reports, minimumRequests = options.minimumRequests
        let ((changes, rankings), regions) = ParallelMap.pair(
            { ParallelMap.pair({ Self.yearOverYear(reports) }, { RankingBuilder.build(reports, minimumRequests: minimumRequests) }) },
            { RegionTotalsBuilder.build(reports) })
        self.changes = changes
        self.regions = regions
        self.rankings = rankings
    }

    /// Every year present, newest first.
    public var years: [Int] { Array(Set(reports.compactMap(\.record.year))).sorted(by: >) }

    /// An organ's reports by year, oldest first.
    public func history(of organ: OrganKey) -> [DatasetReport] {
        reports.filter { $0.organ == organ && $0.supersededBy == nil }.sorted { ($0.record.year ?? 0) < ($1.record.year ?? 0) }
    }

    private static func yearOverYear(_ reports: [DatasetReport]) -> [Int: YearOverYear] {
        struct Series: Hashable { let organ: OrganKey; let scope: Scope }
        var byOrgan: [Series: [Int: Int]] = [:]
        for report in reports {
            guard report.supersededBy == nil, let organ = report.organ, let year = report.record.year else { continue }
            byOrgan[Series(organ: organ, scope: report.record.scope), default: [:]][year] = report.index
        }
        var changes: [Int: YearOverYear] = [:]
        for years in byOrgan.values {
            for (year, index) in years {
                guard let previous = years[year - 1] else { continue }
                changes[index] = YearOverYear(previous: (previous, reports[previous].metrics), current: (index, reports[index].metrics))
            }
        }
        return changes
    }
}
