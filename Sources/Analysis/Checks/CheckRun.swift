import Foundation
import ReportModel

/// A report with everything the checks found: the reader's diagnostics and the checks' findings
/// together in `record.diagnostics`, plus how its identities came out and narrative similarity.
public struct CheckedReport: Sendable {
    public var record: ReportRecord
    public var identityCounts: IdentityCounts
    public var similarity: SimilarityScore
    /// How many of the record's last diagnostics come from comparing it with other reports (the
    /// rest follow from the record alone).
    public var crossReportFindings: Int

    /// The identity results, worked out again from the tables (they are a pure function of them).
    public var identities: [IdentityResult] { ConsistencyRules.evaluate(record) }

    public func count(_ severity: Diagnostic.Severity) -> Int { record.diagnostics.filter { $0.severity == severity }.count }
}

public enum CheckRun {
    /// The single-report checks on all cores, then the checks across reports.
    public static func run(_ records: [ReportRecord]) -> [CheckedReport] {
        run(records, analyses: ParallelMap.map(records) { ReportAnalysis($0) })
    }

    /// The checks across reports, given each record's own analysis (by the records' index) and,
    /// if the caller has them, their organ keys.
    public static func run(_ records: [ReportRecord], analyses: [ReportAnalysis], organs: [OrganKey?]? = nil) -> [CheckedReport] {
        run(records, analyses: analyses, organs: organs, reusing: nil).reports
    }

    /// The same, taking `previous` as the same-year matches if they were worked out from the same
    /// inputs, and giving back the matches used.
    public static func run(_ records: [ReportRecord], analyses: [ReportAnalysis], organs: [OrganKey?]?,
                           reusing previous: SameYearMatches?) -> (reports: [CheckedReport], matches: SameYearMatches) {
        precondition(records.count == analyses.count, "one analysis per record")
        let dataset = DatasetChecks.run(records, sketches: analyses.map(\.sketch), organs: organs ?? OrganKey.of(records), reusing: previous)
        // On all cores: each record is copied with its findings added (a national corpus's worth).
        let reports = ParallelMap.map(Array(records.indices)) { i in
            var record = records[i]
            record.diagnostics += analyses[i].findings + dataset.findings[i]
            return CheckedReport(record: record, identityCounts: analyses[i].identityCounts, similarity: dataset.similarity[i],
                                 crossReportFindings: dataset.findings[i].count)
        }
        return (reports, dataset.matches)
    }
}

/// Order-keeping map on all cores.
public enum ParallelMap {
    /// Two pieces of work side by side: serial steps that would otherwise leave a core idle.
    public static func pair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        nonisolated(unsafe) var first: A?
        nonisolated(unsafe) var second: B?
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { first = a() } else { second = b() }
        }
        return (first!, second!)
    }

    public static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        // Each slot is written by exactly one iteration, so no lock and no optional per item
        // (locking and unwrapping a hundred thousand results was a visible share of a rebuild).
        Array(unsafeUninitializedCapacity: items.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: items.count) { (slots.baseAddress! + $0).initialize(to: transform(items[$0])) }
            count = items.count
        }
    }

    /// The same map on `threads` threads, more than there are cores: for work that mostly waits
    /// (a file read from a cold disk, then parsed on a watchdog's thread), so that one item's
    /// wait overlaps another's work. Each thread takes the next item as it finishes one.
    public static func map<T: Sendable, U: Sendable>(_ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> U) -> [U] {
        let width = min(max(1, threads), items.count)
        guard width > 1 else { return items.map(transform) }
        let next = Counter()
        return Array(unsafeUninitializedCapacity: items.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            let work: @Sendable () -> Void = {
                while let i = next.take(below: items.count) { (slots.baseAddress! + i).initialize(to: transform(items[i])) }
            }
            let group = DispatchGroup()
            for _ in 1..<width {
                group.enter()
                let thread = Thread {
                    work()
                    group.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            work()
            group.wait()
            count = items.count
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }
}
