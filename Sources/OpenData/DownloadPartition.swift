import Analysis
import ReportModel

/// The reports of one year and one province, the unit the large downloads are split into so no
/// file grows with the size of the country: `data/2024/110000/cells.csv`. Reports without a year
/// go under `unknown/`, reports without a resolved region (a six-digit adcode) under
/// `<year>/unknown/`. The partition also holds the ranking places of its reports (among their
/// peers nationwide) and the totals of the regions inside its province.
public struct DownloadPartition: Sendable {
    public let year: Int?
    /// The province's code ("110000"), nil when the region is unknown.
    public let province: String?
    /// Report indices, in the dataset's order.
    public internal(set) var reports: [Int] = []
    /// Rows of `rankings` for these reports, in the dataset's order.
    public internal(set) var rankings: [DownloadTables.RankingRef] = []
    /// Indices into `Dataset.regions`: the province and the prefectures and counties in it, this year.
    public internal(set) var regions: [Int] = []

    public static let unknown = "unknown"

    /// `data/2024/110000`.
    public var folder: String { "data/\(Self.yearKey(year))/\(province ?? Self.unknown)" }

    static func yearKey(_ year: Int?) -> String { year.map(String.init) ?? unknown }

    struct Key: Hashable, Comparable {
        let year: Int?
        let province: String?
        static func < (a: Key, b: Key) -> Bool {
            // Newest year first, unknown last; then by code, unknown last.
            if a.year != b.year { return (a.year ?? Int.min) > (b.year ?? Int.min) }
            return (a.province ?? "~") < (b.province ?? "~")
        }
    }

    /// "110000" for a report in Beijing; nil when its adcode is not six digits.
    static func province(of adcode: String?) -> String? {
        guard let adcode, adcode.utf8.count == 6, adcode.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !adcode.hasPrefix("00")
        else { return nil }
        return String(adcode.prefix(2)) + "0000"
    }

    static func key(of report: DatasetReport) -> Key {
        Key(year: report.record.year, province: province(of: report.record.region.adcode))
    }

    /// Every partition with at least one report, newest year first, then by province code. One
    /// pass over the reports, the rankings and the regions.
    public static func all(_ dataset: Dataset) -> [DownloadPartition] {
        var byKey: [Key: DownloadPartition] = [:]
        var keyOf: [Key] = []
        keyOf.reserveCapacity(dataset.reports.count)
        for report in dataset.reports {
            let key = key(of: report)
            keyOf.append(key)
            byKey[key, default: DownloadPartition(year: key.year, province: key.province)].reports.append(report.index)
        }
        DownloadTables.rankingRefs(dataset) { report, ref in byKey[keyOf[report]]?.rankings.append(ref) }
        for (i, region) in dataset.regions.enumerated() where region.level != .national {
            let key = Key(year: region.year, province: province(of: region.adcode))
            byKey[key]?.regions.append(i)
        }
        return byKey.keys.sorted().map { byKey[$0]! }
    }
}
