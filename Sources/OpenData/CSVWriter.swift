import Foundation

/// CSV bytes made row by row, the way `CSVTable` writes them (BOM, RFC 4180 quoting, CRLF), so
/// a large table is never held as rows of strings: only its bytes.
public struct CSVWriter: Sendable {
    // Bytes appended to one buffer: string concatenation per line was most of the cost of a
    // 20-million-cell table.
    private var out: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// Data rows appended (the header not counted).
    public private(set) var rows = 0

    public init(header: [String]) {
        out.reserveCapacity(4096)
        line(header)
    }

    public mutating func append(_ row: [String]) {
        line(row)
        rows += 1
    }

    private mutating func line(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSVTable.appendField(field, to: &out)
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends part of a row already encoded (quoted fields and commas); `endEncodedRow` ends it.
    mutating func appendEncoded(_ bytes: some Sequence<UInt8>) {
        out.append(contentsOf: bytes)
    }

    /// Counts a row whose bytes, line end included, were appended with `appendEncoded`.
    mutating func endEncodedRow() {
        rows += 1
    }

    public var data: Data { Data(out) }
}
