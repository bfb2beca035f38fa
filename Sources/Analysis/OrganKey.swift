import ReportModel

/// The same organ across files and years: its normalised name within its region.
public struct OrganKey: Sendable, Hashable, Comparable {
    public let name: String
    public let adcode: String

    public init?(_ record: ReportRecord) {
        guard let agency = record.agency, !agency.isEmpty else { return nil }
        name = agency.filter { !$0.isWhitespace }
        adcode = record.region.adcode ?? "?"
    }

    public static func < (a: OrganKey, b: OrganKey) -> Bool { (a.adcode, a.name) < (b.adcode, b.name) }
}
