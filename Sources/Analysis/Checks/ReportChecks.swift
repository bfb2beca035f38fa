import ReportModel

/// Every check that needs only one report: its identities, plausibility, narrative against
/// tables, and timeliness. Findings are diagnostics, so they travel in the JSON record.
public enum ReportChecks {
    public struct Result: Sendable, Equatable {
        public var identities: [IdentityResult]
        public var findings: [Diagnostic]
    }

    public static func run(_ record: ReportRecord) -> Result {
        let identities = ConsistencyRules.evaluate(record)
        var findings = ConsistencyRules.findings(identities)
        findings += notAssessable(identities)
        findings += PlausibilityRules.findings(record)
        findings += NarrativeRules.findings(record)
        findings += TimelinessRules.findings(record)
        return Result(identities: identities, findings: findings)
    }

    /// One note per identity that could not be assessed anywhere, naming where.
    private static func notAssessable(_ identities: [IdentityResult]) -> [Diagnostic] {
        Identity.allCases.compactMap { identity in
            let open = identities.filter { $0.identity == identity && $0.status == .notAssessable }
            guard !open.isEmpty else { return nil }
            return Diagnostic(
                .info, "identity-not-assessable", where: cellLocation(table: identity.table, row: identity.label),
                "有空白数据，无法核对（\(open.count)处：\(open.prefix(8).map(\.scope).joined(separator: "、"))\(open.count > 8 ? "等" : "")）")
        }
    }
}
