#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportModel

/// A `LabelPattern` with its needle's UTF-8 kept and its plainness found once: recognition tries
/// every row and column pattern against every label cell, so the per-try work is one byte search.
struct CompiledPattern {
    let pattern: LabelPattern
    private let needle: [UInt8]
    private let exact: Bool
    /// Plain needle (see `PlainText`): byte comparison gives the String answer on a plain core.
    private let plain: Bool

    init(_ pattern: LabelPattern) {
        self.pattern = pattern
        let text: String
        switch pattern {
        case .contains(let s): text = s; exact = false
        case .exact(let s): text = s; exact = true
        }
        needle = Array(text.utf8)
        plain = !needle.isEmpty && PlainText.isPlain(text)
    }

    /// `pattern.matches(core)` when `core` is known to be plain (or not).
    @inline(__always)
    func matches(_ core: String, coreIsPlain: Bool) -> Bool {
        guard plain, coreIsPlain else { return pattern.matches(core) }
        return PlainText.withUTF8(core) { h in
            needle.withUnsafeBufferPointer { n in
                exact ? h.count == n.count && memcmpEqual(h, n) : PlainText.bytesContain(h, n)
            }
        }
    }

    func matches(_ core: String) -> Bool { matches(core, coreIsPlain: PlainText.isPlain(core)) }

    @inline(__always)
    private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    static func all(_ patterns: [LabelPattern]) -> [CompiledPattern] { patterns.map(CompiledPattern.init) }
}

/// The format's patterns, compiled once.
enum CompiledPatterns {
    static let requestRows: [(row: RequestRow, patterns: [CompiledPattern])] =
        RequestRow.allCases.map { ($0, CompiledPattern.all($0.patterns)) }
    static let newRequests = CompiledPattern.all(RequestRow.new.patterns)
    static let groupHeadings: [(group: RequestGroup, pattern: CompiledPattern)] =
        RequestGroup.allCases.compactMap { group in group.headingPattern.map { (group, CompiledPattern($0)) } }
    static let activeItems: [(item: ActiveItem, patterns: [CompiledPattern])] =
        ActiveItem.allCases.map { ($0, CompiledPattern.all($0.patterns)) }
    static let activeColumns: [(column: ActiveColumn, patterns: [CompiledPattern])] =
        ActiveColumn.allCases.map { ($0, CompiledPattern.all($0.patterns)) }
    static let requestTableAnchors = CompiledPattern.all(ReportFormat.requestTableAnchors)
    static let disputeTableAnchors = CompiledPattern.all(ReportFormat.disputeTableAnchors)
    /// `requestHeaderCores` membership as exact patterns (String equality, as the Set's).
    static let requestHeaderCores = ReportFormat.requestHeaderCores.sorted().map { CompiledPattern(.exact($0)) }
    static let activeBlockAnchor = CompiledPattern(ReportFormat.activeBlockAnchor)
    static let activeHeaderAnchor = CompiledPattern(ReportFormat.activeHeaderAnchor)
}
