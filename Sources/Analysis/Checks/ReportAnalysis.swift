import ReportModel

/// What the checks learn from one report alone: the single-report checks' findings, how its
/// identities came out, and the sketch of its narrative. A pure function of the record, so the
/// site build works it out where the report is read, keeps it in the read cache beside the
/// record, and lets the narrative go: an unchanged report is then neither checked nor sketched
/// again, and no build holds a national corpus's narratives. The identity results themselves
/// are not kept (see `DatasetReport.identities`). The organ's profile is kept too: matching its
/// name against the endings of every kind was a tenth of a rebuild after one change.
public struct ReportAnalysis: Sendable, Equatable {
    public var findings: [Diagnostic]
    public var identityCounts: IdentityCounts
    public var sketch: TextSketch?
    /// `OrganProfiler`'s reading of the organ's name, region and sidecar.
    public var level: OrganLevel?
    public var kind: OrganKind

    public init(_ record: ReportRecord) {
        let checks = ReportChecks.run(record)
        findings = checks.findings
        identityCounts = IdentityCounts(checks.identities)
        sketch = TextSketch.of(record)
        level = OrganProfiler.level(of: record)
        kind = OrganProfiler.kind(of: record)
    }

    /// An analysis given back from a cache.
    public init(findings: [Diagnostic], identityCounts: IdentityCounts, sketch: TextSketch?, level: OrganLevel?, kind: OrganKind) {
        self.findings = findings
        self.identityCounts = identityCounts
        self.sketch = sketch
        self.level = level
        self.kind = kind
    }
}
