/// JSON written straight into bytes, the way Foundation's `JSONEncoder` writes it with
/// `.sortedKeys` and `.withoutEscapingSlashes` (and, when `pretty`, `.prettyPrinted`: two-space
/// indent, `"key" : value`, an empty container as `[`, a blank line, `]`), byte for byte.
///
/// `JSONEncoder` builds a tree of boxed values through `Codable` and sorts every object's keys;
/// on a national site that was an eighth of a full build's CPU time (a page and a download per
/// report). Here the caller writes members already in byte order of their keys (what
/// `.sortedKeys` yields for the ASCII keys of govreport/1), and nothing is boxed.
public struct JSONOutput {
    public private(set) var bytes: [UInt8] = []
    public let pretty: Bool
    private var depth = 0
    /// The innermost open container has no member yet.
    private var empty = true

    public init(pretty: Bool, capacity: Int = 0) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: the separator, then `"key" : `; its value follows.
    public mutating func key(_ key: String) {
        separate()
        quote(key)
        if pretty {
            bytes.append(contentsOf: Self.prettyColon)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Starts an array element: the separator; its value follows.
    public mutating func item() { separate() }

    // MARK: Values

    public mutating func null() { bytes.append(contentsOf: Self.nullBytes) }

    public mutating func int(_ value: Int?) {
        guard let v = value else { return null() }
        // A small string: no allocation.
        bytes.append(contentsOf: String(v).utf8)
    }

    /// As `JSONEncoder` writes a `Double`: its shortest round-trip form without a trailing
    /// `.0` (`5`, `0.375`, `1e-05`, `1e+16`). Infinity and NaN have no JSON form and throw, as
    /// they do there.
    public mutating func number(_ value: Double?) throws {
        guard let v = value else { return null() }
        guard v.isFinite else {
            throw EncodingError.invalidValue(v, .init(codingPath: [], debugDescription: "\(v) has no JSON form"))
        }
        var text = v.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func string(_ value: String?) {
        guard let s = value else { return null() }
        quote(s)
    }

    /// `text` as a JSON string literal, quotes included, escaped as everywhere else here.
    public static func quoted(_ text: String) -> String {
        var out = JSONOutput(pretty: false, capacity: text.utf8.count + 2)
        out.quote(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

private extension JSONOutput {
    static let prettyColon = Array(" : ".utf8)
    static let nullBytes = Array("null".utf8)

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if empty { bytes.append(UInt8(ascii: "\n")) }
            newline()
        }
        bytes.append(bracket)
        empty = false
    }

    mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline() }
    }

    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    /// A quoted string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`;
    /// everything else (slashes, DEL, every non-ASCII character) as its UTF-8 bytes.
    mutating func quote(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
