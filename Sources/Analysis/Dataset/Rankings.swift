import ReportModel

/// Organs compared only with their peers: same year, level, kind and scope.
public struct PeerGroup: Sendable, Hashable, Comparable {
    public let year: Int
    public let level: OrganLevel?
    public let kind: OrganKind
    public let scope: Scope
    /// Stable identifier for file names: `2024-county-department-organ`. Made once: sorting
    /// groups and hashing downloads asked for it hundreds of thousands of times.
    public let id: String

    public init(year: Int, level: OrganLevel?, kind: OrganKind, scope: Scope) {
        self.year = year
        self.level = level
        self.kind = kind
        self.scope = scope
        id = "\(year)-\(level?.rawValue ?? "unknown")-\(kind.rawValue)-\(scope.rawValue)"
    }


    public var label: String {
        "\(year)年 · \(level?.label ?? "层级未定") · \(kind.label) · \(scope == .organ ? "本机关报告" : "本行政区域汇总报告")"
    }

    public static func < (a: PeerGroup, b: PeerGroup) -> Bool { a.id < b.id }
}

public struct Ranking: Sendable {
    public struct Entry: Sendable {
        public let report: Int
        /// Shared by ties: 1, 2, 2, 4.
        public let rank: Int
        public let figure: Figure
        /// Wilson 95% interval, for proportions.
        public let interval: WilsonInterval?
    }

    public let metric: MetricDefinition
    public let group: PeerGroup
    public let entries: [Entry]
    /// Rates whose denominator is under `minimumRequests`: listed as 样本不足, not ranked.
    public let insufficient: [Int]
    /// Reports with no value for the metric (blank cells, zero denominator).
    public let withoutValue: [Int]
}

enum RankingBuilder {
    static func build(_ reports: [DatasetReport], minimumRequests: Int) -> [Ranking] {
        var groups: [PeerGroup: [Int]] = [:]
        for report in reports where report.supersededBy == nil {
            guard let group = report.peerGroup else { continue }
            groups[group, default: []].append(report.index)
        }
        let names = nameOrder(reports)
        // Every group's ranking of every metric, on all cores, in that order.
        let jobs = groups.keys.sorted().flatMap { group in MetricCatalogue.all.map { (group: group, metric: $0) } }
        let members = groups
        return ParallelMap.map(Array(jobs.indices)) { i in
            rank(jobs[i].metric, group: jobs[i].group, members: members[jobs[i].group]!, reports: reports, names: names,
                 minimumRequests: minimumRequests)
        }
    }

    /// Each report's place in the order of names (agency, else source), ties sharing a place:
    /// ties in a ranking are ordered by name, and comparing two numbers is far cheaper than
    /// comparing two Chinese strings, which every ranking of every metric did again.
    static func nameOrder(_ reports: [DatasetReport]) -> [Int] {
        let names = reports.map { $0.record.agency ?? $0.record.source }
        let sorted = names.indices.sorted { String.utf8Precedes(names[$0], names[$1]) }
        var order = [Int](repeating: 0, count: reports.count)
        var place = 0
        for (position, i) in sorted.enumerated() {
            if position > 0 && String.utf8Order(names[sorted[position - 1]], names[i]) != 0 { place = position }
            order[i] = place
        }
        return order
    }

    /// `names`: `nameOrder(reports)`.
    static func rank(_ metric: MetricDefinition, group: PeerGroup, members: [Int], reports: [DatasetReport], names: [Int],
                     minimumRequests: Int) -> Ranking {
        var ranked: [(Int, Figure, Double)] = []
        var insufficient: [Int] = [], withoutValue: [Int] = []
        for index in members {
            let figure = metric.figure(reports[index].metrics)
            guard let value = figure.sortValue else {
                withoutValue.append(index)
                continue
            }
            if case .rate(let rate) = figure, (rate.denominator ?? 0) < minimumRequests {
                insufficient.append(index)
                continue
            }
            ranked.append((index, figure, value))
        }
        let name = { (i: Int) in names[i] }
        ranked.sort { a, b in a.2 != b.2 ? a.2 > b.2 : name(a.0) < name(b.0) }
        var entries: [Ranking.Entry] = []
        for (position, item) in ranked.enumerated() {
            let rank = position > 0 && ranked[position - 1].2 == item.2 ? entries[position - 1].rank : position + 1
            var interval: WilsonInterval?
            if case .rate(let r) = item.1, r.scale == 1, let x = r.numerator, let n = r.denominator {
                interval = WilsonInterval(successes: x, trials: n)
            }
            entries.append(.init(report: item.0, rank: rank, figure: item.1, interval: interval))
        }
        return Ranking(metric: metric, group: group, entries: entries,
                       insufficient: insufficient.sorted { name($0) < name($1) },
                       withoutValue: withoutValue.sorted { name($0) < name($1) })
    }
}
