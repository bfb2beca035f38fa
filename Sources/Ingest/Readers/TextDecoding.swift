import Foundation
import ReportModel

/// Bytes → text. A file that is not text at all is refused with a reason, never half-read.
enum TextDecoding {
    struct Decoded {
        var text: String
        var diagnostics: [Diagnostic]
    }

    static func decode(_ data: Data) -> Result<Decoded, ReadFailure> {
        if data.isEmpty { return .failure(ReadFailure("文件为空")) }
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(data.dropFirst(3))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                return .failure(ReadFailure("文件标记为 UTF-16，但内容无法按 UTF-16 解码"))
            }
            return .success(Decoded(text: text, diagnostics: []))
        }
        if data.prefix(8192).withUnsafeBytes({ raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }) {  // memchr, not byte by byte
            return .failure(ReadFailure("不是文本文件（含二进制数据），也不是可识别的报告格式"))
        }
        return utf8(data)
    }

    private static func utf8(_ data: Data) -> Result<Decoded, ReadFailure> {
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ReadFailure("文本不是有效的 UTF-8 编码，无法读取"))
        }
        return .success(Decoded(text: text, diagnostics: []))
    }
}

/// Why a file produced no document.
public struct ReadFailure: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
