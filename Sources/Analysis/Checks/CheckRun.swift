import Foundation
import ReportModel

/// A report with everything the checks found: the reader's diagnostics and the checks' findings
/// together in `record.diagnostics`, plus the identity results and narrative similarity.
public struct CheckedReport: Sendable {
    public var record: ReportRecord
    public var identities: [IdentityResult]
    public var similarity: SimilarityScore

    public func count(_ severity: Diagnostic.Severity) -> Int { record.diagnostics.filter { $0.severity == severity }.count }
}

public enum CheckRun {
    /// The single-report checks on all cores, then the checks across reports.
    public static func run(_ records: [ReportRecord]) -> [CheckedReport] {
        let single = ParallelMap.map(records) { ReportChecks.run($0) }
        let dataset = DatasetChecks.run(records)
        return records.indices.map { i in
            var record = records[i]
            record.diagnostics += single[i].findings + dataset.findings[i]
            return CheckedReport(record: record, identities: single[i].identities, similarity: dataset.similarity[i])
        }
    }
}

/// Order-keeping map on all cores.
public enum ParallelMap {
    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let slots = Slots<U>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { slots.set($0, transform(items[$0])) }
        return slots.values
    }

    private final class Slots<U>: @unchecked Sendable {
        private var values_: [U?]
        private let lock = NSLock()
        init(count: Int) { values_ = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: U) { lock.withLock { values_[i] = v } }
        var values: [U] { lock.withLock { values_.map { $0! } } }
    }
}
