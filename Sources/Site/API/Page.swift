/// A page before layout: where it lives, its title and trail, and its body as fragments.
/// Fragments are Markdown (rendered through cmark-gfm) except charts, which the site draws as
/// SVG itself from numbers and escaped labels (`TrustedHTML` cannot be made from report text).
public struct Page: Sendable {
    public struct Crumb: Sendable {
        public let label: String
        /// Relative to the site root; nil for the current page.
        public let path: String?
        public init(_ label: String, _ path: String?) {
            self.label = label
            self.path = path
        }
    }

    public enum Fragment: Sendable {
        case markdown(String)
        /// One Markdown table, given a caption and header scopes when rendered.
        case table(caption: String, markdown: String, rowHeaders: Bool, sortable: Bool)
        case html(TrustedHTML)
    }

    public let path: String
    public let title: String
    public var crumbs: [Crumb]
    public var fragments: [Fragment] = []
    /// Shown under the title.
    public var lead: String?

    public init(path: String, title: String, crumbs: [Crumb] = [], lead: String? = nil) {
        self.path = path
        self.title = title
        self.crumbs = crumbs
        self.lead = lead
    }

    mutating func markdown(_ text: String) { fragments.append(.markdown(text)) }
    mutating func heading(_ text: String, level: Int = 2) { fragments.append(.markdown(String(repeating: "#", count: level) + " " + Markdown.text(text) + "\n")) }
    mutating func paragraph(_ markdown: String) { fragments.append(.markdown(markdown + "\n")) }
    mutating func table(_ caption: String, header: [String], rows: [[String]], numeric: Set<Int> = [], rowHeaders: Bool = true, sortable: Bool = false) {
        fragments.append(.table(caption: caption, markdown: Markdown.table(header: header.map(Markdown.text), rows: rows, numeric: numeric),
                                rowHeaders: rowHeaders, sortable: sortable))
    }
    mutating func html(_ html: TrustedHTML) { fragments.append(.html(html)) }
}

/// HTML the site wrote itself, with every label escaped. Only Site code can make one.
public struct TrustedHTML: Sendable {
    let html: String
    init(_ html: String) { self.html = html }
}
