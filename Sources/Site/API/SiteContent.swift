import Analysis
import ReportModel

/// Everything the site is made from: the dataset, the inputs that could not be read, the
/// downloads, and the settings. Built by PublishKit; the Site module does no I/O of its own.
public struct SiteContent: Sendable {
    public let dataset: Dataset
    public let unread: [UnreadEntry]
    public let settings: SiteSettings
    public let downloads: [DownloadEntry]
    /// Input path → the copy of the file in the site, for every input copied.
    public let sourceCopies: [String: String]
    /// Problems with the build's own settings (site.yml), shown on the data-quality page.
    public let notices: [String]
    /// Input path → a digest of everything its record was read from (the read cache's key: the
    /// input's bytes, its sidecar, the read limits and the tool's version), for build memos. An
    /// input without one makes every page that shows it be made again.
    public let recordDigests: [String: ContentHash]

    public init(dataset: Dataset, unread: [UnreadEntry], settings: SiteSettings, downloads: [DownloadEntry] = [],
                sourceCopies: [String: String] = [:], notices: [String] = [], recordDigests: [String: ContentHash] = [:]) {
        self.dataset = dataset
        self.unread = unread
        self.settings = settings
        self.downloads = downloads
        self.sourceCopies = sourceCopies
        self.notices = notices
        self.recordDigests = recordDigests
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
