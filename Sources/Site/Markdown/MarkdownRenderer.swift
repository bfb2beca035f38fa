import CCmarkGFM
import Foundation

/// Markdown → HTML through Debian's cmark-gfm with the table extension.
///
/// cmark-gfm keeps process-global state during a parse (docs: not thread-safe), so every parse and
/// render runs behind one lock; pages are still composed and written on all cores around it.
/// Raw HTML is never let through (no `CMARK_OPT_UNSAFE`): report text is escaped when the Markdown is
/// composed, and anything that still looks like HTML is dropped by cmark.
public enum MarkdownRenderer {
    private static let lock = NSLock()
    private nonisolated(unsafe) static var registered = false

    /// Extensions attached to every parser; their list is passed on to the HTML renderer so that
    /// `tagfilter` runs too.
    static let extensionNames = ["table", "strikethrough", "tagfilter"]

    public static func html(_ markdown: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
        let options = CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
