import Foundation

/// A table written as CSV the way Excel, R and pandas all read it: UTF-8 with a BOM (so Excel shows
/// Chinese), RFC 4180 quoting, CRLF line ends. An empty field is a blank value, never zero.
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    public var data: Data {
        var out = CSVWriter(header: header)
        for row in rows { out.append(row) }
        return out.data
    }

    /// Quotes a field when it holds a comma, quote, CR or LF, doubling inner quotes (RFC 4180 §2.6–2.7).
    static func field(_ s: String) -> String {
        var out: [UInt8] = []
        appendField(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendField(_ s: String, to out: inout [UInt8]) {
        let utf8 = s.utf8
        let special = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard special else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses RFC 4180 text (BOM allowed): for tests and for anyone reading the files back.
    public static func parse(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// 12 → "12", 2096.132 → "2096.132", nil → "".
func csvNumber(_ v: Double?) -> String {
    guard let v else { return "" }
    if v.rounded() == v, abs(v) < 1e15 { return String(Int(v)) }
    return String(v)
}

func csvNumber(_ v: Int?) -> String { v.map(String.init) ?? "" }

/// A fraction with six decimals ("0.330189", as `%.6f` writes it); "" when there is none.
func csvFraction(_ v: Double?) -> String {
    guard let v else { return "" }
    return SixDecimals.text(v) ?? String(format: "%.6f", v)
}
