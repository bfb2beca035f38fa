/// Where every page lives. Paths are built from identifiers only (a hash of the source path,
/// division codes, years, metric ids), never from report text, so no input can name or escape an
/// output file, and Chinese names cannot collapse into colliding slugs.
public enum SitePaths {
    /// 16 hex digits of the 64-bit FNV-1a hash of the source path: stable across builds and machines.
    public static func reportID(source: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func report(_ id: String) -> String { "reports/\(id).html" }
    public static func reportJSON(_ id: String) -> String { "reports/\(id).json" }

    /// The copy of the input file, with its extension kept only when it is plain (`txt`, `docx`…).
    /// A copy the browser would run as a page (a saved portal page with its scripts) gets `.txt`
    /// added: the original is downloadable and readable as source, never active on the site.
    public static func source(_ id: String, originalName: String) -> String {
        let ext = String(lastComponent(originalName)).lowercased()
        let plain = !ext.isEmpty && ext.count <= 5 && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard plain else { return "sources/\(id).bin" }
        return "sources/\(id).\(ext)" + (activeExtensions.contains(ext) ? ".txt" : "")
    }

    /// Of a name with a dot, its last non-empty dot-separated part ("" without a dot). Found from
    /// the end: splitting every input's whole name into characters twice was a visible share of a
    /// rebuild that only looks the copies up.
    static func lastComponent(_ name: String) -> Substring {
        guard name.lastIndex(of: ".") != nil else { return "" }
        var end = name.endIndex
        while end > name.startIndex, name[name.index(before: end)] == "." { end = name.index(before: end) }
        let head = name[..<end]
        let start = head.lastIndex(of: ".").map { head.index(after: $0) } ?? head.startIndex
        return head[start...]
    }

    /// Types a browser renders as a document that can run script.
    static let activeExtensions: Set<String> = ["htm", "html", "xhtml", "shtml", "mht", "mhtml", "svg", "xml", "xsl", "xslt", "php", "asp", "aspx", "jsp"]

    public static func region(_ adcode: String, year: Int) -> String { "regions/\(year)/\(adcode).html" }
    public static func regionJSON(_ adcode: String, year: Int) -> String { "regions/\(year)/\(adcode).json" }
    public static func ranking(_ metric: String, year: Int) -> String { "rankings/\(year)/\(metric).html" }
    /// Page `page` (from 2) of one peer group's ranking; `group` is `PeerGroup.id`.
    public static func rankingPage(_ metric: String, year: Int, group: String, page: Int) -> String {
        "rankings/\(year)/\(metric)-\(group)-\(page).html"
    }
    public static func year(_ year: Int) -> String { "years/\(year).html" }
    /// Page `page` (from 1) of a year's list of reports.
    public static func year(_ year: Int, page: Int) -> String { page <= 1 ? Self.year(year) : "years/\(year)-\(page).html" }

    public static let home = "index.html"
    public static let quality = "quality.html"
    /// Page `page` (from 1) of a year's reports with findings, most errors first.
    public static func quality(_ year: Int, page: Int = 1) -> String { page <= 1 ? "quality/\(year).html" : "quality/\(year)-\(page).html" }
    public static let unread = "unread.html"
    public static let methodology = "methodology.html"
    public static let downloads = "downloads.html"
    public static let rankings = "rankings/index.html"
    public static let regions = "regions/index.html"
    public static let notFound = "404.html"
    public static let searchIndex = "assets/search-index.js"

    /// The prefix that leads from `path` back to the site root: "" or "../" repeated.
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// `target` as a link from the page at `from` (both relative to the root).
    public static func link(_ target: String, from: String) -> String { root(from: from) + target }
}
