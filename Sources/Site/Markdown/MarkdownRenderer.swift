import CCmarkGFM
import CmarkParsing
import Foundation

/// Markdown → HTML through Debian's cmark-gfm with the table extension.
///
/// cmark-gfm is not thread-safe, so every parse and render runs behind the lock `Cmark` shares with
/// the Markdown reader; pages are still composed and written on all cores around it. Most of the
/// site's Markdown (on report pages, all the site writes itself) never gets here: `DirectHTML` renders it to the same
/// bytes without the lock, and hands anything it does not fully understand to this renderer.
/// Raw HTML is never let through (no `CMARK_OPT_UNSAFE`): report text is escaped when the Markdown is
/// composed, and anything that still looks like HTML is dropped by cmark.
public enum MarkdownRenderer {
    /// Extensions attached to every parser; their list is passed on to the HTML renderer so that
    /// `tagfilter` runs too.
    static let extensionNames = ["table", "strikethrough", "tagfilter"]

    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_VALIDATE_UTF8
        let html = Cmark.withDocument(markdown, options: options, extensions: extensionNames) { root, parser -> String in
            guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
        return html ?? ""
    }
}
