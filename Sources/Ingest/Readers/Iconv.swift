#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strict conversion to UTF-8 through the C library's iconv (glibc's GB18030 and BIG5-HKSCS
/// tables; Foundation on Linux has no GB18030). Any invalid or truncated sequence fails the
/// whole conversion: a file is never half-decoded.
enum Iconv {
    static func decode(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        if bytes.isEmpty { return "" }
        var input = bytes
        // GB18030 and Big5 take at most 3 UTF-8 bytes for 2 input bytes, 4 for 4.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let outputCapacity = output.count
        let written: Int? = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputCapacity
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0,
                      iconv(descriptor, nil, nil, &outPointer, &outLeft) != -1
                else { return nil }
                return outputCapacity - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}
