import CCmarkGFM
import Foundation

/// Every use of cmark-gfm in the process, behind one lock.
///
/// cmark-gfm keeps process-global state (the extension registry, arena allocators during a parse)
/// and is not thread-safe, while the pipeline reads reports and renders pages on all cores. So the
/// Markdown reader (Ingest) and the page renderer (Site) both parse through here: one lock for both.
public enum Cmark {
    private static let lock = NSLock()
    private nonisolated(unsafe) static var registered = false

    /// Parses `markdown` with the named GFM syntax extensions attached and gives `body` the
    /// document's root node and the parser (for its extension list), still under the lock; the
    /// tree is freed when `body` returns. Nil when cmark could not allocate a parser or a document.
    public static func withDocument<T>(
        _ markdown: String, options: Int32, extensions: [String],
        _ body: (_ root: OpaquePointer, _ parser: OpaquePointer) -> T
    ) -> T? {
        lock.lock()
        defer { lock.unlock() }
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }
}
