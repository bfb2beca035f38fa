/// A plain byte form for the build's caches (never a published format): each type writes its
/// fields in a fixed order and reads them back in the same order, with no keys and no tree. A
/// national cache holds a hundred thousand records, and decoding them through `Codable` (every
/// field a keyed lookup and a dynamic cast) was the largest part of a rebuild after one change.
/// Integers are variable-length (zig-zag LEB128), strings their UTF-8 bytes after their length,
/// an optional a presence byte first.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    public mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    public mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Double?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    /// Eight little-endian bytes, as they are: for hashes, whose bits varint coding cannot shorten.
    public mutating func writeFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what a `ByteWriter` wrote, in the same order. Running past the end, or a value out of
/// range, throws: a damaged entry is a cache miss, never a wrong value or a crash.
public struct ByteReader {
    public struct Failure: Error { public init() {} }

    private let bytes: UnsafeRawBufferPointer
    public private(set) var position = 0

    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func readUInt64() throws -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Failure() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    public mutating func readBool() throws -> Bool {
        guard position < bytes.count else { throw Failure() }
        let byte = bytes[position]
        position += 1
        guard byte <= 1 else { throw Failure() }
        return byte == 1
    }

    public mutating func readDouble() throws -> Double {
        Double(bitPattern: try readFixed())
    }

    public mutating func readFixed() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw Failure() }
        let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        position += 8
        return value
    }

    public mutating func readString() throws -> String {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Failure() }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        position += count
        return text
    }

    public mutating func readOptionalInt() throws -> Int? { try readBool() ? try readInt() : nil }
    public mutating func readOptionalDouble() throws -> Double? { try readBool() ? try readDouble() : nil }
    public mutating func readOptionalString() throws -> String? { try readBool() ? try readString() : nil }

    /// A count of things to follow, each at least one byte: larger than what is left is damage.
    public mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Failure() }
        return count
    }

    /// A string-valued enum, by its raw value.
    public mutating func read<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try readString()) else { throw Failure() }
        return value
    }

    public mutating func readOptional<E: RawRepresentable>(_ type: E.Type) throws -> E? where E.RawValue == String {
        try readBool() ? try read(type) : nil
    }
}
