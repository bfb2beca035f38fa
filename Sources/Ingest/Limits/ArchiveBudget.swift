import Foundation

/// A zip container (.docx) is measured from its central directory before any reader opens it:
/// a few kilobytes can declare gigabytes (a zip bomb), and inflating them would exhaust memory,
/// which no time limit can undo. Readers that inflate must still stop at the declared size.
///
/// The directory is read here by hand, not through ZIPFoundation, because a damaged directory
/// can point past the end of the data, and ZIPFoundation's in-memory reader then traps (a
/// negative length in `Archive.MemoryFile.readData`). So every offset a reader will seek to —
/// the directory and each entry's local header — is checked to lie inside the data first.
enum ArchiveBudget {
    static func check(_ data: Data, limits: ReadLimits) -> String? {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        switch ZipDirectory.read(data) {
        case .failure(let problem): return "Word 文件（.docx）已损坏或不完整：\(problem.reason)"
        case .success(let entries):
            var total: UInt64 = 0
            for entry in entries {
                let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
                total = overflow ? .max : sum
                if total > UInt64(limits.maxUnpackedBytes) { return LimitReason.unpacked(total, limits) }
            }
            return nil
        }
    }
}

/// The entries a zip's central directory declares, with every offset checked against the data.
enum ZipDirectory {
    struct Entry: Equatable {
        var uncompressedSize: UInt64
        var compressedSize: UInt64
        var localHeaderOffset: Int
    }

    struct Problem: Error, Equatable {
        var reason: String
    }

    static func read(_ data: Data) -> Result<[Entry], Problem> {
        data.withUnsafeBytes { raw in read(Array(raw.bindMemory(to: UInt8.self))) }
    }

    private static func read(_ bytes: [UInt8]) -> Result<[Entry], Problem> {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt64 { UInt64(u16(at)) | UInt64(u16(at + 2)) << 16 }
        let count = bytes.count
        // End of central directory: 22 bytes plus a comment of up to 65,535, at the very end.
        guard count >= 22 else { return .failure(Problem(reason: "文件过短，找不到 ZIP 目录（文件可能被截断）")) }
        let earliest = max(0, count - 22 - 0xFFFF)
        guard let end = stride(from: count - 22, through: earliest, by: -1).first(where: {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x05 && bytes[$0 + 3] == 0x06
        }) else { return .failure(Problem(reason: "找不到 ZIP 目录（文件可能被截断）")) }
        let entryCount = u16(end + 10)
        let directorySize = u32(end + 12), directoryOffset = u32(end + 16)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            return .failure(Problem(reason: "ZIP64 格式的文件不是 Word 文档的常见形式，未打开"))
        }
        guard directoryOffset + directorySize <= UInt64(end) else {
            return .failure(Problem(reason: "ZIP 目录指向文件之外"))
        }
        var entries: [Entry] = []
        var at = Int(directoryOffset)
        for _ in 0..<entryCount {
            guard at + 46 <= end, bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x01, bytes[at + 3] == 0x02 else {
                return .failure(Problem(reason: "ZIP 目录的条目不完整"))
            }
            let nameLength = u16(at + 28), extraLength = u16(at + 30), commentLength = u16(at + 32)
            let local = Int(u32(at + 42))
            // The local header (30 bytes, then its own name and extra field) must lie inside the data.
            guard local + 30 <= count, bytes[local] == 0x50, bytes[local + 1] == 0x4B, bytes[local + 2] == 0x03, bytes[local + 3] == 0x04,
                  local + 30 + u16(local + 26) + u16(local + 28) <= count
            else { return .failure(Problem(reason: "ZIP 条目指向文件之外或已损坏")) }
            entries.append(Entry(uncompressedSize: u32(at + 24), compressedSize: u32(at + 20), localHeaderOffset: local))
            at += 46 + nameLength + extraLength + commentLength
        }
        return .success(entries)
    }
}
