import ReportModel

/// The identities of tables 三 and 四, applied wherever every operand is present. A broken identity
/// is a finding to publish (error), not a parse error; a blank operand makes it not assessable.
public enum ConsistencyRules {
    public static func evaluate(_ record: ReportRecord) -> [IdentityResult] {
        let r = record.requests
        var results: [IdentityResult] = []
        for column in ApplicantColumn.allCases {
            results.append(result(
                .balance, scope: column.label,
                left: sum([r[.new, column], r[.carriedOver, column]]),
                right: sum([r[.total, column], r[.carriedForward, column]])))
            let outcomes = outcomeRows(record.formatVersion).map { r[$0, column] }
            results.append(result(.outcomesSum, scope: column.label, left: sum(outcomes), right: r[.total, column]))
        }
        for row in RequestRow.allCases where outcomeRows(record.formatVersion).contains(row) || row.group == nil {
            let parts = ApplicantColumn.allCases.dropLast().map { r[row, $0] }
            results.append(result(.applicantsSum, scope: row.shortLabel, left: sum(parts), right: r[row, .total]))
        }
        let d = record.reviewsAndLawsuits
        for group in DisputeGroup.allCases {
            let parts = [DisputeOutcome.upheld, .corrected, .other, .pending].map { d[group, $0] }
            results.append(result(.disputesSum, scope: group.label, left: sum(parts), right: d[group, .total]))
        }
        return results
    }

    /// Findings for the failed identities, with the two sides and their difference.
    public static func findings(_ results: [IdentityResult]) -> [Diagnostic] {
        results.filter { $0.status == .failed }.map { result in
            let difference = result.difference!
            return Diagnostic(
                .error, "identity-\(result.identity.rawValue.replacingOccurrences(of: "_", with: "-"))",
                where: cellLocation(table: result.identity.table, row: result.identity.label, column: result.scope),
                "勾稽关系不成立：左边为\(result.left!)，右边为\(result.right!)，相差\(difference > 0 ? "+" : "")\(difference)",
                expected: String(result.left!), found: String(result.right!))
        }
    }

    /// The rows summed into 总计: in the 2019 format （六） is one row.
    static func outcomeRows(_ version: FormatVersion) -> [RequestRow] {
        version == .v2019 ? RequestRow.outcomes.filter { $0 != .otherNoCorrection && $0 != .otherNoFee } : RequestRow.outcomes
    }

    private static func result(_ identity: Identity, scope: String, left: Int?, right: Int?) -> IdentityResult {
        guard let left, let right else {
            return IdentityResult(identity: identity, scope: scope, status: .notAssessable, left: nil, right: nil)
        }
        return IdentityResult(identity: identity, scope: scope, status: left == right ? .passed : .failed, left: left, right: right)
    }
}
