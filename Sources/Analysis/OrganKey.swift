import ReportModel

/// The same organ across files and years: its normalised name within its region.
public struct OrganKey: Sendable, Hashable, Comparable {
    public let name: String
    public let adcode: String

    public init?(_ record: ReportRecord) {
        guard let agency = record.agency, !agency.isEmpty else { return nil }
        // Most names hold no whitespace: checked by scalar, which is far cheaper than filtering by
        // Character (a Character is whitespace only when its first scalar is).
        name = agency.unicodeScalars.contains(where: \.properties.isWhitespace) ? agency.filter { !$0.isWhitespace } : agency
        adcode = record.region.adcode ?? "?"
    }

    /// Every record's key, on all cores, by the records' index.
    public static func of(_ records: [ReportRecord]) -> [OrganKey?] { ParallelMap.map(records) { OrganKey($0) } }

    public static func < (a: OrganKey, b: OrganKey) -> Bool { (a.adcode, a.name) < (b.adcode, b.name) }
}
