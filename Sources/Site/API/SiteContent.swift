import Analysis
import ReportModel

/// Everything the site is made from: the dataset, the inputs that could not be read, the
/// downloads, and the settings. Built by PublishKit; the Site module does no I/O of its own.
public struct SiteContent: Sendable {
    public let dataset: Dataset
    public let unread: [UnreadEntry]
    public let settings: SiteSettings
    public let downloads: [DownloadEntry]
    /// Input path → the copy of the file in the site, for every input copied that gave no report
    /// (a report's copy is in `recordInputs`).
    public let unreadCopies: [String: String]
    /// Problems with the build's own settings (site.yml), shown on the data-quality page.
    public let notices: [String]
    /// What the build knows of each record's input, by the record's place among those the dataset
    /// was made from (`DatasetReport.input`); empty when it knows nothing. Kept by position: looking
    /// a national corpus's Chinese paths up in tables normalised each of them again and again.
    public let recordInputs: [RecordInput]

    public struct RecordInput: Sendable {
        /// A digest of everything the record was read from (the read cache's key: the input's
        /// bytes, its sidecar, the read limits and the tool's version), for build memos. A record
        /// without one makes every page that shows it be made again.
        public let readKey: ContentHash?
        /// The input's copy in the site.
        public let copy: String?

        public init(readKey: ContentHash?, copy: String?) {
            self.readKey = readKey
            self.copy = copy
        }
    }

    public init(dataset: Dataset, unread: [UnreadEntry], settings: SiteSettings, downloads: [DownloadEntry] = [],
                unreadCopies: [String: String] = [:], notices: [String] = [], recordInputs: [RecordInput] = []) {
        precondition(recordInputs.isEmpty || recordInputs.count == dataset.reports.count, "one input per record")
        self.dataset = dataset
        self.unread = unread
        self.settings = settings
        self.downloads = downloads
        self.unreadCopies = unreadCopies
        self.notices = notices
        self.recordInputs = recordInputs
    }

    /// The report's input, as far as the build knows it.
    public func input(of report: DatasetReport) -> RecordInput {
        recordInputs.isEmpty ? RecordInput(readKey: nil, copy: nil) : recordInputs[report.input]
    }

    /// The year the home page features: the configured one, else the newest with reports.
    public var featuredYear: Int? { settings.featuredYear ?? dataset.years.first }
}

/// An input file that produced no report, and why.
public struct UnreadEntry: Sendable, Hashable {
    public let source: String
    public let reason: String
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
}

/// A kind of file of `data/` (`cells.csv`, …), described once for the downloads page, with every
/// copy of it the build made: one per year, or one per year and province.
public struct DownloadEntry: Sendable {
    public struct File: Sendable {
        /// Relative to the site's root: `data/2024/110000/cells.csv`.
        public let path: String
        /// nil: reports without a year.
        public let year: Int?
        /// For a file of one province: its code (nil when the region is unknown) and name.
        public let province: String?
        public let provinceName: String?
        public let bytes: Int
        /// Data rows (records, for JSON); nil for a database.
        public let rows: Int?

        public init(path: String, year: Int?, province: String?, provinceName: String?, bytes: Int, rows: Int?) {
            self.path = path
            self.year = year
            self.province = province
            self.provinceName = provinceName
            self.bytes = bytes
            self.rows = rows
        }
    }

    public let name: String
    public let title: String
    public let description: String
    public let columns: [(name: String, meaning: String)]
    /// One file per year and province (else one per year).
    public let perProvince: Bool
    public let files: [File]

    public init(name: String, title: String, description: String, columns: [(name: String, meaning: String)], perProvince: Bool, files: [File]) {
        self.name = name
        self.title = title
        self.description = description
        self.columns = columns
        self.perProvince = perProvince
        self.files = files
    }
}
