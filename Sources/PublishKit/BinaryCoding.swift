import Foundation

/// A compact binary form of any Codable value, for the read cache only (never a published
/// format): decoding a cached record from JSON cost about 200 µs, which a national corpus pays
/// on every build. The layout is the value's Codable tree: each value a tag byte and its payload;
/// keyed and unkeyed containers carry their byte length so a decoder can step over them.
enum BinaryCoding {
    enum Tag: UInt8 {
        case null = 0, `false`, `true`, int, double, string, keyed, unkeyed, bytes
    }

    struct Failure: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = BinaryNode()
        try value.encode(to: BinaryEncoder(node: node, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        node.write(into: &out)
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(bytes: buffer, position: 0)
            let value = try reader.value()
            return try T(from: BinaryDecoder(bytes: buffer, value: value, codingPath: []))
        }
    }
}

// MARK: Encoding

/// The tree an encoder builds; written out once complete.
final class BinaryNode {
    enum Content {
        case empty, null, bool(Bool), int(Int64), double(Double), string(String), bytes([UInt8])
        case keyed([(String, BinaryNode)]), unkeyed([BinaryNode])
    }

    var content: Content = .empty

    func write(into out: inout [UInt8]) {
        switch content {
        case .empty, .null: out.append(BinaryCoding.Tag.null.rawValue)
        case .bool(let b): out.append(b ? BinaryCoding.Tag.true.rawValue : BinaryCoding.Tag.false.rawValue)
        case .int(let i):
            out.append(BinaryCoding.Tag.int.rawValue)
            withUnsafeBytes(of: i.littleEndian) { out.append(contentsOf: $0) }
        case .double(let d):
            out.append(BinaryCoding.Tag.double.rawValue)
            withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        case .string(let s):
            out.append(BinaryCoding.Tag.string.rawValue)
            Self.appendLength(s.utf8.count, to: &out)
            out.append(contentsOf: s.utf8)
        case .bytes(let b):
            out.append(BinaryCoding.Tag.bytes.rawValue)
            Self.appendLength(b.count, to: &out)
            out.append(contentsOf: b)
        case .keyed(let entries):
            out.append(BinaryCoding.Tag.keyed.rawValue)
            let mark = Self.reserveLength(&out)
            Self.appendLength(entries.count, to: &out)
            for (key, node) in entries {
                Self.appendLength(key.utf8.count, to: &out)
                out.append(contentsOf: key.utf8)
                node.write(into: &out)
            }
            Self.fillLength(at: mark, in: &out)
        case .unkeyed(let nodes):
            out.append(BinaryCoding.Tag.unkeyed.rawValue)
            let mark = Self.reserveLength(&out)
            Self.appendLength(nodes.count, to: &out)
            for node in nodes { node.write(into: &out) }
            Self.fillLength(at: mark, in: &out)
        }
    }

    static func appendLength(_ n: Int, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(n).littleEndian) { out.append(contentsOf: $0) }
    }

    static func reserveLength(_ out: inout [UInt8]) -> Int {
        out.append(contentsOf: [0, 0, 0, 0])
        return out.count
    }

    /// The byte length of what follows the mark, written at the mark.
    static func fillLength(at mark: Int, in out: inout [UInt8]) {
        let n = UInt32(out.count - mark)
        for i in 0..<4 { out[mark - 4 + i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
    }
}

struct BinaryEncoder: Encoder {
    let node: BinaryNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.content {} else { node.content = .keyed([]) }
        return KeyedEncodingContainer(KeyedBinaryEncoder<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
        return UnkeyedBinaryEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBinaryEncoder(node: node, codingPath: codingPath) }
}

private extension BinaryNode {
    func set<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as String: content = .string(v)
        case let v as Int: content = .int(Int64(v))
        case let v as Double: content = .double(v)
        case let v as Bool: content = .bool(v)
        // Raw bytes in one piece (a text sketch's bins), not an element per byte. By type, not by
        // cast: an empty array of anything casts to [UInt8].
        case let v as [UInt8] where T.self == [UInt8].self: content = .bytes(v)
        // Other widths, so their own encode(to:) does not come back here.
        case let v as any FixedWidthInteger:
            guard let i = Int64(exactly: v) else { throw BinaryCoding.Failure() }
            content = .int(i)
        case let v as Float: content = .double(Double(v))
        default: try value.encode(to: BinaryEncoder(node: self, codingPath: codingPath))
        }
    }

    func append(key: String, _ child: BinaryNode) {
        guard case .keyed(var entries) = content else { return }
        content = .empty
        entries.append((key, child))
        content = .keyed(entries)
    }

    func append(_ child: BinaryNode) {
        guard case .unkeyed(var nodes) = content else { return }
        content = .empty
        nodes.append(child)
        content = .unkeyed(nodes)
    }

    var unkeyedCount: Int { if case .unkeyed(let nodes) = content { nodes.count } else { 0 } }
}

struct KeyedBinaryEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: BinaryNode
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> BinaryNode {
        let child = BinaryNode()
        node.append(key: key.stringValue, child)
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).content = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).set(value, codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoder(node: child(key), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        BinaryEncoder(node: child(key), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { BinaryEncoder(node: child(Key(stringValue: "super")!), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { BinaryEncoder(node: child(key), codingPath: codingPath) }
}

struct UnkeyedBinaryEncoder: UnkeyedEncodingContainer {
    let node: BinaryNode
    let codingPath: [any CodingKey]
    var count: Int { node.unkeyedCount }

    private func child() -> BinaryNode {
        let child = BinaryNode()
        node.append(child)
        return child
    }

    mutating func encodeNil() throws { child().content = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try child().set(value, codingPath: codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        BinaryEncoder(node: child(), codingPath: codingPath).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { BinaryEncoder(node: child(), codingPath: codingPath).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { BinaryEncoder(node: child(), codingPath: codingPath) }
}

struct SingleBinaryEncoder: SingleValueEncodingContainer {
    let node: BinaryNode
    let codingPath: [any CodingKey]
    mutating func encodeNil() throws { node.content = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.set(value, codingPath: codingPath) }
}

// MARK: Decoding

/// Where one value lies in the bytes: its tag and the range of its payload.
struct BinaryValue {
    let tag: BinaryCoding.Tag
    /// Start of the payload (for containers: after the length, at the element count).
    let start: Int
    let end: Int
}

struct BinaryReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    mutating func length() throws -> Int {
        guard position + 4 <= bytes.count else { throw BinaryCoding.Failure() }
        var n = 0
        for i in 0..<4 { n |= Int(bytes[position + i]) << (8 * i) }
        position += 4
        return n
    }

    mutating func value() throws -> BinaryValue {
        guard position < bytes.count, let tag = BinaryCoding.Tag(rawValue: bytes[position]) else { throw BinaryCoding.Failure() }
        position += 1
        let start = position
        switch tag {
        case .null, .false, .true: break
        case .int, .double: position += 8
        case .string, .bytes:
            let n = try length()
            return try finish(tag, start: position, end: position + n)
        case .keyed, .unkeyed:
            let n = try length()
            return try finish(tag, start: position, end: position + n)
        }
        return try finish(tag, start: start, end: position)
    }

    private mutating func finish(_ tag: BinaryCoding.Tag, start: Int, end: Int) throws -> BinaryValue {
        guard end <= bytes.count else { throw BinaryCoding.Failure() }
        position = end
        return BinaryValue(tag: tag, start: start, end: end)
    }

    func word(at offset: Int) -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<8 { w |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return w
    }
}

/// Coding paths stay those of the top level: a value that fails to decode is only a cache miss,
/// and extending the path allocated an array for every value read.
struct BinaryDecoder: Decoder {
    let bytes: UnsafeBufferPointer<UInt8>
    let value: BinaryValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard value.tag == .keyed else { throw mismatch(type) }
        return KeyedDecodingContainer(try KeyedBinaryDecoder<Key>(bytes: bytes, value: value, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard value.tag == .unkeyed else { throw mismatch([Any].self) }
        return try UnkeyedBinaryDecoder(bytes: bytes, value: value, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleBinaryDecoder(decoder: self) }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "binary cache: found \(value.tag)"))
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let reader = BinaryReader(bytes: bytes, position: value.start)
        switch type {
        case is String.Type:
            guard value.tag == .string else { throw mismatch(type) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[value.start..<value.end]), as: UTF8.self) as! T
        case is Int.Type:
            guard value.tag == .int else { throw mismatch(type) }
            return Int(Int64(bitPattern: reader.word(at: value.start))) as! T
        case is Double.Type:
            guard value.tag == .double else { throw mismatch(type) }
            return Double(bitPattern: reader.word(at: value.start)) as! T
        case is Bool.Type:
            guard value.tag == .true || value.tag == .false else { throw mismatch(type) }
            return (value.tag == .true) as! T
        case let integer as any FixedWidthInteger.Type:
            guard value.tag == .int, let v = integer.init(exactly: Int64(bitPattern: reader.word(at: value.start))) else { throw mismatch(type) }
            return v as! T
        case is Float.Type:
            guard value.tag == .double else { throw mismatch(type) }
            return Float(Double(bitPattern: reader.word(at: value.start))) as! T
        case is [UInt8].Type:
            guard value.tag == .bytes else { throw mismatch(type) }
            return Array(bytes[value.start..<value.end]) as! T
        case is [Int?].Type:
            // A table row: the bulk of a record's values, read without a container per cell.
            guard value.tag == .unkeyed else { throw mismatch(type) }
            var cells = reader
            let count = try cells.length()
            var row: [Int?] = []
            row.reserveCapacity(count)
            for _ in 0..<count {
                let cell = try cells.value()
                switch cell.tag {
                case .null: row.append(nil)
                case .int: row.append(Int(Int64(bitPattern: cells.word(at: cell.start))))
                default: throw mismatch(type)
                }
            }
            return row as! T
        default:
            return try T(from: self)
        }
    }
}

struct KeyedBinaryDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let bytes: UnsafeBufferPointer<UInt8>
    let codingPath: [any CodingKey]
    /// The entries in order: key bytes' range and value. Containers are small (a record's
    /// largest has about twenty keys), so a scan beats building a dictionary.
    private let entries: [(keyStart: Int, keyEnd: Int, value: BinaryValue)]

    init(bytes: UnsafeBufferPointer<UInt8>, value: BinaryValue, codingPath: [any CodingKey]) throws {
        self.bytes = bytes
        self.codingPath = codingPath
        var reader = BinaryReader(bytes: bytes, position: value.start)
        let count = try reader.length()
        var entries: [(Int, Int, BinaryValue)] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let n = try reader.length()
            let keyStart = reader.position
            guard keyStart + n <= value.end else { throw BinaryCoding.Failure() }
            reader.position += n
            entries.append((keyStart, keyStart + n, try reader.value()))
        }
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { Key(stringValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.keyStart..<$0.keyEnd]), as: UTF8.self)) }
    }

    private func find(_ key: Key) -> BinaryValue? {
        var name = key.stringValue
        return name.withUTF8 { wanted in
            for entry in entries where entry.keyEnd - entry.keyStart == wanted.count {
                if memcmp(bytes.baseAddress! + entry.keyStart, wanted.baseAddress!, wanted.count) == 0 { return entry.value }
            }
            return nil
        }
    }

    private func value(_ key: Key) throws -> BinaryValue {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "binary cache: no such key"))
        }
        return value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try value(key).tag == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try BinaryDecoder(bytes: bytes, value: try value(key), codingPath: codingPath).decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = find(key), value.tag != .null else { return nil }
        return try BinaryDecoder(bytes: bytes, value: value, codingPath: codingPath).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoder(bytes: bytes, value: try value(key), codingPath: codingPath).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryDecoder(bytes: bytes, value: try value(key), codingPath: codingPath).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        BinaryDecoder(bytes: bytes, value: try value(Key(stringValue: "super")!), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        BinaryDecoder(bytes: bytes, value: try value(key), codingPath: codingPath)
    }
}

struct UnkeyedBinaryDecoder: UnkeyedDecodingContainer {
    let bytes: UnsafeBufferPointer<UInt8>
    let codingPath: [any CodingKey]
    let count: Int?
    private(set) var currentIndex = 0
    private var reader: BinaryReader

    init(bytes: UnsafeBufferPointer<UInt8>, value: BinaryValue, codingPath: [any CodingKey]) throws {
        self.bytes = bytes
        self.codingPath = codingPath
        reader = BinaryReader(bytes: bytes, position: value.start)
        count = try reader.length()
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private mutating func next() throws -> BinaryValue {
        guard !isAtEnd else { throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "binary cache: end of list")) }
        currentIndex += 1
        return try reader.value()
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        var peek = reader
        if try peek.value().tag == .null {
            reader = peek
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try BinaryDecoder(bytes: bytes, value: try next(), codingPath: codingPath).decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try BinaryDecoder(bytes: bytes, value: try next(), codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryDecoder(bytes: bytes, value: try next(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { BinaryDecoder(bytes: bytes, value: try next(), codingPath: codingPath) }
}

struct SingleBinaryDecoder: SingleValueDecodingContainer {
    let decoder: BinaryDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { decoder.value.tag == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
