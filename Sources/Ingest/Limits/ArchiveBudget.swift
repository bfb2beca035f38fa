import Foundation
import ZIPFoundation

/// A zip container (.docx) is measured from its central directory before any reader inflates it:
/// a few kilobytes can declare gigabytes (a zip bomb), and inflating them would exhaust memory,
/// which no time limit can undo. Readers that inflate must still stop at the declared size.
enum ArchiveBudget {
    static func check(_ data: Data, limits: ReadLimits) -> String? {
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return nil }
        var total: UInt64 = 0
        for entry in archive {
            let (sum, overflow) = total.addingReportingOverflow(entry.uncompressedSize)
            total = overflow ? .max : sum
            if total > UInt64(limits.maxUnpackedBytes) { return LimitReason.unpacked(total, limits) }
        }
        return nil
    }
}
