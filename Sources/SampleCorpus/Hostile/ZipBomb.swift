import Foundation

/// A .docx-named zip whose `word/document.xml` inflates to gigabytes of zeros, written by hand in
/// milliseconds: the deflate stream is one fixed-Huffman block (a literal 0, then back-references
/// of 258 bytes at distance 1, 13 bits each, about 1:1270), the CRC-32 of the zeros is computed
/// by squaring the one-zero-byte operator (as zlib's crc32_combine does). Compressing the zeros
/// with a general library would take minutes in a debug build.
enum ZipBomb {
    /// A zip of one entry whose content is `1 + 258 × matches` zero bytes.
    static func docx(matches: Int) -> Data {
        let size = UInt64(1 + 258 * matches)
        precondition(size < 0xFFFF_FFFF, "zip32 sizes only")
        let stream = deflateZeros(matches: matches)
        let crc = crc32OfZeros(size)
        let name = Array("word/document.xml".utf8)
        var out = [UInt8]()
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: UInt64) { for i in 0..<4 { out.append(UInt8(v >> (8 * UInt64(i)) & 0xFF)) } }
        // Local file header.
        u32(0x0403_4B50); u16(20); u16(0); u16(8); u16(0); u16(0x21)
        u32(UInt64(crc)); u32(UInt64(stream.count)); u32(size); u16(name.count); u16(0)
        out += name
        out += stream
        let central = out.count
        // Central directory entry.
        u32(0x0201_4B50); u16(20); u16(20); u16(0); u16(8); u16(0); u16(0x21)
        u32(UInt64(crc)); u32(UInt64(stream.count)); u32(size); u16(name.count); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0)
        out += name
        let centralSize = out.count - central
        // End of central directory.
        u32(0x0605_4B50); u16(0); u16(0); u16(1); u16(1); u32(UInt64(centralSize)); u32(UInt64(central)); u16(0)
        return Data(out)
    }

    static func deflateZeros(matches: Int) -> [UInt8] {
        var bytes = [UInt8](), acc: UInt32 = 0, count = 0
        bytes.reserveCapacity(matches * 13 / 8 + 16)
        func bits(_ value: UInt32, _ n: Int) {  // LSB first, as deflate packs them
            acc |= value << UInt32(count); count += n
            while count >= 8 { bytes.append(UInt8(acc & 0xFF)); acc >>= 8; count -= 8 }
        }
        func code(_ value: UInt32, _ n: Int) {  // Huffman codes go most significant bit first
            var reversed: UInt32 = 0
            for i in 0..<n where value & (1 << UInt32(i)) != 0 { reversed |= 1 << UInt32(n - 1 - i) }
            bits(reversed, n)
        }
        bits(1, 1); bits(1, 2)          // final block, fixed Huffman
        code(0x30, 8)                   // literal 0
        var reversedLength: UInt32 = 0  // length code 285 (258 bytes): 8 bits 11000101, then distance code 0: 5 bits
        for i in 0..<8 where 0xC5 & (1 << UInt32(i)) != 0 { reversedLength |= 1 << UInt32(7 - i) }
        for _ in 0..<matches { bits(reversedLength, 13) }
        code(0, 7)                      // end of block
        if count > 0 { bytes.append(UInt8(acc & 0xFF)) }
        return bytes
    }

    static func crc32OfZeros(_ n: UInt64) -> UInt32 {
        // The CRC register after one zero byte is a linear function of the register before it.
        var table = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[i] = c
        }
        func step(_ c: UInt32) -> UInt32 { table[Int(c & 0xFF)] ^ (c >> 8) }
        var op = (0..<32).map { step(1 << UInt32($0)) }  // column i: the image of bit i
        func apply(_ m: [UInt32], _ v: UInt32) -> UInt32 {
            var r: UInt32 = 0
            for i in 0..<32 where v & (1 << UInt32(i)) != 0 { r ^= m[i] }
            return r
        }
        var register: UInt32 = 0xFFFF_FFFF, left = n
        while left > 0 {
            if left & 1 != 0 { register = apply(op, register) }
            op = op.map { apply(op, $0) }
            left >>= 1
        }
        return ~register
    }
}
