/// Table 四: administrative reviews and lawsuits, fifteen numbers in three groups of five.
public struct ReviewsAndLawsuits: Sendable, Equatable, Hashable {
    private var values: [Int?] = Array(repeating: nil, count: 15)

    public init() {}

    public subscript(group: DisputeGroup, outcome: DisputeOutcome) -> Int? {
        get { values[group.rawValue * 5 + outcome.rawValue] }
        set { values[group.rawValue * 5 + outcome.rawValue] = newValue }
    }

    /// The fifteen cells in the format's column order.
    public var cells: [Int?] {
        get { values }
        set {
            precondition(newValue.count == 15, "table 四 has fifteen cells")
            values = newValue
        }
    }

    public var isEntirelyBlank: Bool { values.allSatisfy { $0 == nil } }
}

public enum DisputeGroup: Int, Sendable, CaseIterable, Hashable {
    case review, lawsuitDirect, lawsuitAfterReview
    public var key: String { Self.keys[rawValue] }
    private static let keys = ["review", "lawsuit_direct", "lawsuit_after_review"]
}

public enum DisputeOutcome: Int, Sendable, CaseIterable, Hashable {
    case upheld, corrected, other, pending, total
    public var key: String { Self.keys[rawValue] }
    private static let keys = ["upheld", "corrected", "other", "pending", "total"]
}
