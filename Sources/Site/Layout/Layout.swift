import Foundation
import Mustache

/// Site-wide settings the layout shows.
public struct SiteSettings: Sendable {
    public var title: String
    /// Absolute base URL, used only in sitemap.xml (pages link relatively).
    public var baseURL: String?
    public var featuredYear: Int?
    /// Printed in the footer when set; nothing time-dependent otherwise, so builds repeat exactly.
    public var buildDate: String?

    public init(title: String, baseURL: String? = nil, featuredYear: Int? = nil, buildDate: String? = nil) {
        self.title = title
        self.baseURL = baseURL
        self.featuredYear = featuredYear
        self.buildDate = buildDate
    }
}

/// Puts a page's rendered body into the theme's `layout` template.
struct Layout {
    let theme: Theme
    let settings: SiteSettings
    let navigation: [(label: String, path: String)]

    func render(_ page: Page) -> SiteFile {
        let root = SitePaths.root(from: page.path)
        let body = page.fragments.map(Self.render).joined(separator: "\n")
        let context: [String: Any] = [
            "siteTitle": settings.title,
            "title": page.title,
            "documentTitle": page.title == settings.title ? page.title : "\(page.title) · \(settings.title)",
            "lead": page.lead ?? "",
            "hasLead": page.lead != nil,
            "root": root,
            "body": body,
            "buildDate": settings.buildDate ?? "",
            "hasBuildDate": settings.buildDate != nil,
            "crumbs": page.crumbs.map { ["label": $0.label, "href": $0.path.map { root + $0 } ?? "", "isLink": $0.path != nil] },
            "hasCrumbs": !page.crumbs.isEmpty,
            "nav": navigation.map { ["label": $0.label, "href": root + $0.path, "current": $0.path == page.path] },
        ]
        let html = theme.library.render(context, withTemplate: "layout") ?? ""
        return SiteFile(path: page.path, text: html)
    }

    static func render(_ fragment: Page.Fragment) -> String {
        switch fragment {
        // The site's own Markdown mostly stays within what `DirectHTML` renders, byte for byte as
        // cmark would, without cmark's global lock; the rest goes through cmark.
        case .markdown(let markdown):
            return DirectHTML.block(markdown) ?? MarkdownRenderer.html(markdown)
        case .table(let caption, let markdown, let rowHeaders, let sortable):
            let html = DirectHTML.table(markdown, caption: caption, rowHeaders: rowHeaders, sortable: sortable)
                ?? TableAccessibility.finish(MarkdownRenderer.html(markdown), caption: caption, rowHeaders: rowHeaders, sortable: sortable)
            return "<div class=\"table-wrap\">\n\(html)</div>"
        case .html(let trusted):
            return trusted.html
        }
    }
}
