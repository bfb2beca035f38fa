import Foundation
import ReportModel

/// Bytes → text. A file that is not text at all is refused with a reason, never half-read.
///
/// The encoding is, in order: the byte-order mark; UTF-16 told by its NUL bytes; UTF-8 when the
/// bytes are valid UTF-8 (Chinese text in GBK is practically never valid UTF-8, so this beats a
/// wrong declaration); the charset an HTML page declares; GB18030 (a superset of GB2312 and GBK).
/// A guess is named in an info diagnostic; bytes valid in none of them stay unread.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: TextEncoding
        var diagnostics: [Diagnostic]
    }

    static func decode(_ data: Data) -> Result<Decoded, ReadFailure> {
        if data.isEmpty { return .failure(ReadFailure("文件为空")) }
        if let (encoding, markLength) = EncodingDetection.byteOrderMark(data) {
            guard let text = decode(data.dropFirst(markLength), as: encoding) else {
                return .failure(ReadFailure("文件标记为 \(encoding.name)，但内容无法按 \(encoding.name) 解码"))
            }
            return .success(Decoded(text: text, encoding: encoding, diagnostics: []))
        }
        if let encoding = EncodingDetection.utf16WithoutBOM(data), let text = decode(data, as: encoding) {
            return .success(Decoded(text: text, encoding: encoding, diagnostics: [
                Diagnostic(.info, "encoding-guessed", "文件没有字节顺序标记，按其零字节的位置判断为 \(encoding.name) 编码读取"),
            ]))
        }
        if data.prefix(8192).withUnsafeBytes({ raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }) {  // memchr, not byte by byte
            return .failure(ReadFailure("不是文本文件（含二进制数据），也不是可识别的报告格式"))
        }
        let label = EncodingDetection.declaredCharset(in: data)
        let declared = label.flatMap(TextEncoding.init(label:))
        if let text = String(data: data, encoding: .utf8) {
            var diagnostics: [Diagnostic] = []
            if let label, declared != .utf8, data.contains(where: { $0 >= 0x80 }) {
                diagnostics.append(Diagnostic(.info, "encoding-mismatch", "网页声明的编码为 \(label)，但内容是有效的 UTF-8，已按 UTF-8 读取"))
            }
            return .success(Decoded(text: text, encoding: .utf8, diagnostics: diagnostics))
        }
        if let declared, declared != .utf8, let text = decode(data, as: declared) {
            return .success(Decoded(text: text, encoding: declared, diagnostics: []))
        }
        if let text = decode(data, as: .gb18030) {
            let reason = label.map { "网页声明的编码 \($0) 与内容不符或不受支持" } ?? "文件未声明编码，且不是有效的 UTF-8"
            return .success(Decoded(text: text, encoding: .gb18030, diagnostics: [
                Diagnostic(.info, "encoding-guessed", "\(reason)，已按 GB18030（GBK）编码读取"),
            ]))
        }
        return .failure(ReadFailure("文本既不是有效的 UTF-8，也不是有效的 GB18030（GBK）编码，无法读取"))
    }

    /// Strict: nil unless every byte belongs to a valid sequence.
    static func decode(_ bytes: Data, as encoding: TextEncoding) -> String? {
        switch encoding {
        case .utf8: return String(data: bytes, encoding: .utf8)
        case .utf16LittleEndian: return utf16(bytes, bigEndian: false)
        case .utf16BigEndian: return utf16(bytes, bigEndian: true)
        case .gb18030: return Iconv.decode([UInt8](bytes), from: "GB18030")
        case .big5: return Iconv.decode([UInt8](bytes), from: "BIG5-HKSCS")
        }
    }

    /// UTF-16 with surrogates paired and no control characters but TAB, LF, FF and CR: text, not
    /// binary that happens to have an even length.
    private static func utf16(_ bytes: Data, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(scalar.value) { return nil }
                scalars.append(scalar)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }
}

/// Why a file produced no document.
public struct ReadFailure: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
