/// Everything read from one report file: the `govreport/1` record of docs/report-json.md.
public struct ReportRecord: Sendable, Equatable, Hashable {
    public static let schemaName = "govreport/1"

    /// The input path as given (relative to the content folder when built from one).
    public var source: String
    public var format: SourceFormat
    public var formatVersion: FormatVersion
    public var scope: Scope
    /// ISO date (yyyy-mm-dd) of publication, from a date line or a sidecar.
    public var published: String?
    public var title: String?
    public var agency: String?
    public var year: Int?
    public var region: Region
    public var active: ActiveDisclosure
    public var active2019: ActiveDisclosure2019?
    public var requests: Requests
    public var reviewsAndLawsuits: ReviewsAndLawsuits
    public var diagnostics: [Diagnostic]
    /// The narrative, for checks; not encoded in the JSON record.
    public var narrative: Narrative
    /// Level, kind and source URL given in a sidecar; not encoded in the JSON record.
    public var annotations: ReportAnnotations = .init()

    public init(
        source: String, format: SourceFormat, formatVersion: FormatVersion = .v2021, scope: Scope = .organ,
        published: String? = nil, title: String? = nil, agency: String? = nil, year: Int? = nil,
        region: Region = .unknown, active: ActiveDisclosure = .init(), active2019: ActiveDisclosure2019? = nil,
        requests: Requests = .init(), reviewsAndLawsuits: ReviewsAndLawsuits = .init(), diagnostics: [Diagnostic] = [],
        narrative: Narrative = .init()
    ) {
        self.source = source
        self.format = format
        self.formatVersion = formatVersion
        self.scope = scope
        self.published = published
        self.title = title
        self.agency = agency
        self.year = year
        self.region = region
        self.active = active
        self.active2019 = active2019
        self.requests = requests
        self.reviewsAndLawsuits = reviewsAndLawsuits
        self.diagnostics = diagnostics
        self.narrative = narrative
    }
}

/// The layout a report was read from.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case textCells = "text-cells", textPipes = "text-pipes", markdown, html, docx, pdf
    /// Plain text in which no table could be found.
    case text
}

/// 2021: 国办公开办函〔2021〕30号; 2019: the trial format of 国办公开办函〔2019〕60号.
public enum FormatVersion: String, Sendable, Codable {
    case v2021 = "2021", v2019 = "2019"
}

/// An organ's own report, or a government's summary of its whole region (本行政区域).
public enum Scope: String, Sendable, Codable {
    case organ, region
}
