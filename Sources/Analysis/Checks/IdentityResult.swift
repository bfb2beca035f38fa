import ReportModel

/// The outcome of one identity (勾稽关系) on one column or group: passed, failed by how much,
/// or not assessable because an operand is blank — never passed or failed on a guess.
public struct IdentityResult: Sendable, Equatable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case passed, failed
        case notAssessable = "not_assessable"
    }

    public let identity: Identity
    /// The column (table 三) or group (table 四) or row the identity was applied to.
    public let scope: String
    public let status: Status
    /// Left and right sides; nil when not assessable.
    public let left: Int?
    public let right: Int?

    public var difference: Int? {
        guard let left, let right else { return nil }
        return left - right
    }
}

/// How many of a report's identity results passed, failed, or could not be assessed: what lists
/// and summaries show, kept per report where the results themselves (some fifty per report) are
/// worked out again only for the page that lists them.
public struct IdentityCounts: Sendable, Equatable, Hashable {
    public var passed = 0
    public var failed = 0
    public var notAssessable = 0
    public var total: Int { passed + failed + notAssessable }

    public init(passed: Int = 0, failed: Int = 0, notAssessable: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.notAssessable = notAssessable
    }

    public init(_ results: [IdentityResult]) {
        for result in results {
            switch result.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .notAssessable: notAssessable += 1
            }
        }
    }
}

/// The identities the format states (docs/report-format.md, 勾稽关系).
public enum Identity: String, Sendable, CaseIterable, Codable, Hashable {
    /// 1. new + carried_over = total + carried_forward, per column of table 三.
    case balance
    /// 2. total = sum of the outcome rows, per column of table 三.
    case outcomesSum = "outcomes_sum"
    /// 3. the six applicant columns add up to the total column, per row of table 三.
    case applicantsSum = "applicants_sum"
    /// 4. upheld + corrected + other + pending = total, per group of table 四.
    case disputesSum = "disputes_sum"

    public var label: String {
        switch self {
        case .balance: return "本年新收+上年结转 = 办理结果总计+结转下年度"
        case .outcomesSum: return "办理结果各项之和 = 总计"
        case .applicantsSum: return "各类申请人之和 = 总计列"
        case .disputesSum: return "维持+纠正+其他+尚未审结 = 总计"
        }
    }

    public var table: String { self == .disputesSum ? "四" : "三" }
}
