import ReportModel

/// What the checks learn from one report alone: the single-report checks' results and the sketch
/// of its narrative. A pure function of the record, so the site build works it out where the
/// report is read, keeps it in the read cache beside the record, and lets the narrative go: an
/// unchanged report is then neither checked nor sketched again, and no build holds a national
/// corpus's narratives.
public struct ReportAnalysis: Sendable, Equatable {
    public var checks: ReportChecks.Result
    public var sketch: TextSketch?

    public init(_ record: ReportRecord) {
        checks = ReportChecks.run(record)
        sketch = TextSketch.of(record)
    }

    /// An analysis given back from a cache that kept only the findings and the sketch: the
    /// identities are worked out again from the record's tables, which is cheap, where storing
    /// them (some fifty per report) made the cache twice the size of the records.
    public init(record: ReportRecord, findings: [Diagnostic], sketch: TextSketch?) {
        checks = ReportChecks.Result(identities: ConsistencyRules.evaluate(record), findings: findings)
        self.sketch = sketch
    }
}
