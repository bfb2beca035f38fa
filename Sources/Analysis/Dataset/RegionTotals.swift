import ReportModel

/// A region's figures for one year: the sum of the organ reports inside it (never a region-wide
/// report, which is shown beside the sum as a reconciliation), rates recomputed from the sums.
public struct RegionTotals: Sendable {
    public static let nationalCode = "000000"

    public let adcode: String
    public let name: String
    public let level: RegionLevel
    public let year: Int
    /// Organ reports inside the region (report indices), superseded duplicates left out.
    public let members: [Int]
    /// How many of them had a complete table 三 (total column) and table 四, so entered those sums.
    public let requestsReports: Int
    public let disputesReports: Int
    /// The summed tables, as a record, so every metric is computed the one way.
    public let sums: ReportRecord
    public let metrics: ReportMetrics
    /// Region-wide reports (scope region) for this division and year, to reconcile with the sum.
    public let regionWideReports: [Int]

    /// The parent region's code, nil for the nation.
    public var parentCode: String? { level.parent(of: adcode) }
}

public enum RegionLevel: Int, Sendable, Comparable, CaseIterable {
    case national, province, prefecture, county

    public static func < (a: RegionLevel, b: RegionLevel) -> Bool { a.rawValue < b.rawValue }

    public static func of(_ code: String) -> RegionLevel {
        if code == RegionTotals.nationalCode { return .national }
        if code.hasSuffix("0000") { return .province }
        if code.hasSuffix("00") { return .prefecture }
        return .county
    }

    func parent(of code: String) -> String? {
        switch self {
        case .national: return nil
        case .province: return RegionTotals.nationalCode
        case .prefecture: return String(code.prefix(2)) + "0000"
        case .county: return String(code.prefix(4)) + "00"
        }
    }

    public var label: String { ["全国", "省级", "市级", "县级"][rawValue] }
}

/// Builds every region's totals, county → prefecture → province → nation, in one pass over the reports.
enum RegionTotalsBuilder {
    private struct RegionKey: Hashable, Sendable { let code: String; let year: Int }

    static func build(_ reports: [DatasetReport]) -> [RegionTotals] {
        var members: [RegionKey: [Int]] = [:]
        var regionWide: [RegionKey: [Int]] = [:]
        var names: [String: String] = [RegionTotals.nationalCode: "全国"]
        for report in reports where report.supersededBy == nil {
            guard let year = report.record.year else { continue }
            let region = report.record.region
            let chain = ancestors(of: region.adcode)
            if let code = region.adcode {
                let level = RegionLevel.of(code)
                if level >= .province, let p = region.province { names[String(code.prefix(2)) + "0000"] = p }
                if level >= .prefecture, let p = region.prefecture { names[String(code.prefix(4)) + "00"] = p }
                if level == .county, let c = region.county { names[code] = c }
            }
            if report.record.scope == .region {
                if let code = region.adcode { regionWide[RegionKey(code: code, year: year), default: []].append(report.index) }
                continue
            }
            for code in chain { members[RegionKey(code: code, year: year), default: []].append(report.index) }
        }
        // A region with only a region-wide report still gets a page of its own, and so do the
        // regions above it, so the hierarchy can be walked down to it.
        for key in regionWide.keys {
            for code in ancestors(of: key.code) where members[RegionKey(code: code, year: key.year)] == nil {
                members[RegionKey(code: code, year: key.year)] = []
            }
        }

        return totals(members, regionWide: regionWide, names: names, reports: reports)
    }

    /// Each region's sums, on all cores (every report enters its county, prefecture, province and
    /// the nation), sorted by year and code.
    private static func totals(_ members: [RegionKey: [Int]], regionWide: [RegionKey: [Int]], names: [String: String],
                               reports: [DatasetReport]) -> [RegionTotals] {
        ParallelMap.map(members.keys.sorted { ($0.year, $0.code) < ($1.year, $1.code) }) { key in
            let inside = members[key]!
            let (sums, requestsReports, disputesReports) = sum(inside.map { reports[$0].record })
            return RegionTotals(
                adcode: key.code, name: names[key.code] ?? key.code, level: .of(key.code), year: key.year,
                members: inside, requestsReports: requestsReports, disputesReports: disputesReports,
                sums: sums, metrics: ReportMetrics(sums), regionWideReports: regionWide[key] ?? [])
        }
    }

    /// The region's own code and every code above it, ending with the nation.
    static func ancestors(of code: String?) -> [String] {
        guard let code else { return [RegionTotals.nationalCode] }
        var chain = [code]
        var level = RegionLevel.of(code)
        var current = code
        while let parent = level.parent(of: current) {
            chain.append(parent)
            current = parent
            level = RegionLevel.of(parent)
        }
        return chain
    }

    /// Sums tables cell by cell. Table 三 enters only from reports whose total column is complete,
    /// table 四 only from complete ones, so every rate rests on the same reports on both sides.
    static func sum(_ records: [ReportRecord]) -> (ReportRecord, Int, Int) {
        var sums = ReportRecord(source: "", format: .text)
        for row in RequestRow.allCases { sums.requests[row] = [0, 0, 0, 0, 0, 0, 0] }
        sums.reviewsAndLawsuits.cells = Array(repeating: 0, count: 15)
        var requestsReports = 0, disputesReports = 0
        var active = [Int?](repeating: 0, count: 9)
        var fees: Double = 0
        for record in records {
            if isComplete(record) {
                requestsReports += 1
                sums.requests.add(record.requests)
            }
            if !record.reviewsAndLawsuits.cells.contains(where: { $0 == nil }) {
                disputesReports += 1
                sums.reviewsAndLawsuits.cells = zip(sums.reviewsAndLawsuits.cells, record.reviewsAndLawsuits.cells).map { $0! + $1! }
            }
            let a = record.active
            let values = [a.rules.issued, a.rules.repealed, a.rules.inForce, a.normativeDocuments.issued,
                          a.normativeDocuments.repealed, a.normativeDocuments.inForce, a.licensing, a.punishment, a.coercion]
            for (i, v) in values.enumerated() { if let v { active[i]! += v } }
            fees += a.fees10kYuan ?? 0
        }
        sums.active.rules = .init(issued: active[0], repealed: active[1], inForce: active[2])
        sums.active.normativeDocuments = .init(issued: active[3], repealed: active[4], inForce: active[5])
        sums.active.licensing = active[6]
        sums.active.punishment = active[7]
        sums.active.coercion = active[8]
        sums.active.fees10kYuan = fees
        sums.year = records.first?.year
        return (sums, requestsReports, disputesReports)
    }

    /// Table 三's total column holds every row the report's format version has.
    static func isComplete(_ record: ReportRecord) -> Bool {
        ConsistencyRules.outcomeRows(record.formatVersion).allSatisfy { record.requests[$0, .total] != nil }
            && [RequestRow.new, .carriedOver, .total, .carriedForward].allSatisfy { record.requests[$0, .total] != nil }
    }
}
