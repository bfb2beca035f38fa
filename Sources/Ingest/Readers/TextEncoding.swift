/// The character encodings report files come in.
enum TextEncoding: Sendable, Equatable {
    case utf8, utf16LittleEndian, utf16BigEndian, gb18030, big5

    /// The name shown in diagnostics.
    var name: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LittleEndian: return "UTF-16LE"
        case .utf16BigEndian: return "UTF-16BE"
        case .gb18030: return "GB18030（GBK）"
        case .big5: return "Big5"
        }
    }

    /// The encoding a `charset` label names (WHATWG labels, lower-cased). GB2312 and GBK are read
    /// as GB18030, their superset: pages labelled gb2312 routinely hold GBK characters. UTF-16
    /// labels in a file whose bytes are ASCII-compatible are wrong by definition and name nothing.
    init?(label: String) {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            self = .utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312",
             "chinese", "iso-ir-58", "gb_2312", "gb_2312-80", "csiso58gb231280":
            self = .gb18030
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5":
            self = .big5
        default:
            return nil
        }
    }
}
