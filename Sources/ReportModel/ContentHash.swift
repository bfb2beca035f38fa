import Foundation

/// A 128-bit fingerprint of some bytes, for telling whether an input or an output file changed
/// (not a cryptographic hash: nobody chooses the inputs to collide with the cache). Two 64-bit
/// lanes, eight bytes a step, so hashing a site's files costs little beside writing them.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(_ data: Data) {
        self = data.withUnsafeBytes { Self(bytes: $0) }
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self(bytes: UnsafeRawBufferPointer($0)) }
    }

    public init(bytes: UnsafeRawBufferPointer) {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            a = Self.mix(a ^ word) &+ b
            b = (b ^ word) &* 0x9FB2_1C65_1E98_DF25
            b = (b << 29 | b >> 35) &+ a
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        a = Self.mix(a ^ tail ^ 0xFF) &+ b
        b = Self.mix(b ^ a ^ tail)
        high = Self.mix(a)
        low = Self.mix(b ^ high)
    }

    /// Combines several parts, each length-prefixed so ("ab","c") and ("a","bc") differ.
    public init(parts: [Data]) {
        var joined = Data()
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { joined.append(contentsOf: $0) }
            joined.append(part)
        }
        self.init(joined)
    }

    /// 32 lowercase hex digits. Written and read byte by byte: the build cache's files hold
    /// hundreds of thousands of them, and going through `String(_:radix:)` and Character counts
    /// was a visible share of loading them.
    public var description: String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for i in 0..<32 {
                let word = i < 16 ? high : low
                buffer[i] = digits.utf8Start[Int(word >> UInt64(60 - 4 * (i % 16)) & 0xF)]
            }
            return 32
        }
    }

    /// 32 hex digits (either case); nil for anything else.
    public init?(hex: Substring) { self.init(hexDigits: hex.utf8) }

    /// The same from the digits' bytes. Inlinable, so that callers in other modules get it
    /// specialised: generic across the module boundary, each call looked up type metadata.
    @inlinable
    public init?<Digits: Sequence<UInt8>>(hexDigits: Digits) {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        for byte in hexDigits {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard count < 32 else { return nil }
            if count < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            count += 1
        }
        guard count == 32 else { return nil }
        self.init(high: high, low: low)
    }

    /// splitmix64's finaliser.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds the digest of a job's inputs from its parts, for build memos: a page or download made
/// from inputs with the same digest as last time is not made again. Each part is length-prefixed
/// (or fixed-width), so different sequences of parts never share a digest's input.
public struct DigestBuilder: Sendable {
    private var bytes: [UInt8] = []

    public init(_ kind: String) { add(kind) }

    public mutating func add(_ text: String) {
        add(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func add(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func add(_ number: Double) {
        withUnsafeBytes(of: number.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func add(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    public mutating func add(_ hash: ContentHash) {
        withUnsafeBytes(of: hash.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: hash.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An optional part: absent and present are told apart.
    public mutating func add(_ number: Int?) {
        add(number != nil)
        if let number { add(number) }
    }

    public var digest: ContentHash { bytes.withUnsafeBytes { ContentHash(bytes: $0) } }
}
