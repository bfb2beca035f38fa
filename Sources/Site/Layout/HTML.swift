/// Escaping for the few fragments the site writes as HTML itself (charts, the layout's slots).
public enum HTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0x7F: continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
