import Foundation

/// What of a page is not the report: scripts and styles, hidden text, and the portal's chrome
/// around the article (navigation, header, breadcrumbs, share and print bars, footer). Chrome is
/// told by tag, ARIA role, or a class or id word; an element that holds a table of three or more
/// rows is never chrome, whatever it is called, so a report is not dropped for its wrapper's name.
enum HTMLChrome {
    /// Elements whose content is never text of the page.
    static let ignoredTags: Set<String> = [
        "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
        "canvas", "map", "audio", "video", "img", "input", "select", "textarea", "button", "option", "datalist",
        "xml",  // Word's <xml> data islands
    ]

    /// Page furniture by tag; `header` and `footer` only outside an `article` or `main`, where they
    /// hold the article's own title and notes.
    static let chromeTags: Set<String> = ["nav", "aside", "header", "footer", "menu"]
    static let articleTags: Set<String> = ["article", "main"]

    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar", "toolbar",
    ]

    /// Class and id words of portal templates (gov.cn sites and their CMSs: TRS, 大汉, 政府网站集约化平台),
    /// matched as whole words of the attribute split at `-`, `_`, spaces and camel case.
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "position", "location", "dqwz", "header", "footer", "foot", "copyright", "share", "bdshare", "toolbar",
        "sidebar", "banner", "topbar", "search", "print", "skip", "logo", "qrcode", "ewm", "prevnext", "pager",
        "related", "relevant", "friendlink", "links", "wza", "barrier", "accessibility", "fontsize", "bottom",
        "hide", "hidden",
    ]

    /// Words that mark the article itself, which overrule a chrome word in the same attribute
    /// (`printContent` is the part a print button prints, `article-header` the article's title).
    static let contentWords: Set<String> = [
        "content", "article", "text", "main", "body", "zoom", "detail", "details", "editor", "trs", "title", "con",
    ]

    /// Whether the element (already known to be an element) and everything in it is left out.
    static func isIgnored(_ node: HTMLNode, name: String, insideArticle: Bool) -> Bool {
        if ignoredTags.contains(name) || isHidden(node) { return true }
        if articleTags.contains(name) { return false }
        let byTag = chromeTags.contains(name) && !(insideArticle && (name == "header" || name == "footer"))
        let byRole = node.attribute("role").map { chromeRoles.contains($0.lowercased()) } ?? false
        let byWord = !byTag && !byRole && hasChromeWord(node)
        guard byTag || byRole || byWord else { return false }
        return !holdsDataTable(node)
    }

    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        // On bytes: Word puts a style on nearly every element.
        guard let style = node.attribute("style") else { return false }
        let compact = style.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return ["display:none", "mso-hide:all", "visibility:hidden"].contains { ASCIIBytes.contains($0, in: compact) }
    }

    private static func hasChromeWord(_ node: HTMLNode) -> Bool {
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute) else { continue }
            // Utility classes (`position-relative`) say nothing about what an element holds.
            let names = value.split(whereSeparator: \.isWhitespace).filter { !$0.lowercased().hasPrefix("position-") }
            let found = names.flatMap { words(of: String($0)) }
            if found.contains(where: contentWords.contains) { return false }
            if found.contains(where: chromeWords.contains) { return true }
        }
        return false
    }

    /// `BreadcrumbNav` → breadcrumb, nav; `pages_print` → pages, print; `m-footer` → m, footer.
    static func words(of value: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in value {
            if character.isLetter || character.isNumber {
                if character.isUppercase && previousWasLower && !current.isEmpty {
                    words.append(current.lowercased())
                    current = ""
                }
                current.append(character)
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }

    /// A table of at least three rows, one of them of two or more cells, anywhere inside: the
    /// report's tables are never furniture.
    private static func holdsDataTable(_ node: HTMLNode) -> Bool {
        for child in node.children where child.isElement {
            if child.name == "table" {
                let rows = HTMLTableGrid.rowElements(of: child)
                if rows.count >= 3 && rows.contains(where: { HTMLTableGrid.cellElements(of: $0).count >= 2 }) { return true }
            }
            if holdsDataTable(child) { return true }
        }
        return false
    }
}
