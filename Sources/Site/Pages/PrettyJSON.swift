import Foundation
import ReportModel

/// A JSON value written the way Foundation's `JSONSerialization` writes it with `.sortedKeys`,
/// `.prettyPrinted` and `.withoutEscapingSlashes` (two-space indent, `"key" : value`, keys in
/// code-point order, integral doubles up to 2^53 without a fraction), byte for byte, without going through
/// `Any` and `NSNumber`: the region files are thousands on a national site.
enum PrettyJSON {
    case null
    case int(Int)
    case double(Double)
    case string(String)
    case array([PrettyJSON])
    case object([String: PrettyJSON])

    var text: String {
        var out = ""
        write(&out, indent: "")
        return out
    }

    private func write(_ out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .int(let v): out += String(v)
        case .double(let v): out += Self.number(v)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                item.write(&out, indent: inner)
            }
            out += "\n" + indent + "]"
        case .object(let members):
            let inner = indent + "  "
            out += "{\n"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += ",\n" }
                out += inner
                Self.quote(key, into: &out)
                out += " : "
                members[key]!.write(&out, indent: inner)
            }
            out += "\n" + indent + "}"
        }
    }

    static func number(_ v: Double) -> String {
        if v.rounded() == v, abs(v) <= 9_007_199_254_740_992 { return String(Int(v)) }
        return "\(v)"
    }

    /// The escapes `JSONSerialization` and `JSONEncoder` share (see `JSONOutput`).
    static func quote(_ s: String, into out: inout String) { out += JSONOutput.quoted(s) }
}
