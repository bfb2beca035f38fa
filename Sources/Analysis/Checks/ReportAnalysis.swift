import ReportModel

/// What the checks learn from one report alone: the single-report checks' results and the sketch
/// of its narrative. A pure function of the record, so the site build works it out where the
/// report is read, keeps it in the read cache beside the record, and lets the narrative go: an
/// unchanged report is then neither checked nor sketched again, and no build holds a national
/// corpus's narratives.
public struct ReportAnalysis: Sendable, Equatable, Codable {
    public var checks: ReportChecks.Result
    public var sketch: TextSketch?

    public init(_ record: ReportRecord) {
        checks = ReportChecks.run(record)
        sketch = TextSketch.of(record)
    }
}
