/// The lines of a build-cache file and their fields, split on bytes: the files are ASCII-separated
/// (newline, tab, space), and splitting a national manifest (hundreds of thousands of lines) by
/// Character cost a grapheme-boundary check per byte.
enum CacheLines {
    /// Each non-empty line's fields, split on `separator` at most `maxSplits` times.
    static func fields(of text: String, separator: UInt8, maxSplits: Int = .max) -> [[Substring]] {
        let utf8 = text.utf8
        return utf8.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: false).map { Substring($0) }
        }
    }
}
