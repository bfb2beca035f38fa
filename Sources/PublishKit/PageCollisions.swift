import Foundation
import Ingest
import Site

/// Inputs that would share an output page with an earlier one: the same page id (a hash
/// collision of `SitePaths.reportID`), or a path that Swift compares equal to another's though its
/// bytes differ (the same name in composed and decomposed Unicode, NFC/NFD). The first in sorted
/// order keeps the page; each later one is listed as unread with the reason, and nothing is
/// written for it, so no page or copy is silently overwritten.
enum PageCollisions {
    /// Input index → the reason it is not published.
    static func find(_ inputs: [InputDiscovery.Input]) -> [Int: String] {
        var byID: [String: String] = [:], bySource: [String: String] = [:]
        var collisions: [Int: String] = [:]
        byID.reserveCapacity(inputs.count)
        bySource.reserveCapacity(inputs.count)
        let ids = inputs.concurrentMap { SitePaths.reportID(source: $0.source) }
        for (index, input) in inputs.enumerated() {
            let id = ids[index]
            if let first = byID[id] {
                collisions[index] = "页面标识 \(id) 与 \(first) 相同（路径哈希冲突），为免覆盖未发布；请重命名其中一个文件"
            } else if let first = bySource[input.source] {
                collisions[index] = "文件名与 \(first) 只在 Unicode 组合方式上不同（NFC/NFD），为免覆盖未发布；请重命名其中一个文件"
            } else {
                byID[id] = input.source
                bySource[input.source] = input.source
            }
        }
        return collisions
    }
}
