/// A finding about one input: something the reader could not read, guessed, or found odd.
/// `where` names the table, row and column in the format's own words so a person can find the cell.
public struct Diagnostic: Sendable, Equatable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error

        private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// Stable, machine-readable code (`blank-cell`, `unreadable-cell`, `table-missing`…).
    public var code: String
    /// "table 二, 规章, 本年废止件数"; nil when the finding concerns the whole file.
    public var `where`: String?
    /// Plain-language explanation, in Chinese where it is shown to readers.
    public var message: String
    /// For a check that compares: the value the rule expects and the value the report has
    /// ("109", "2025-01-31"); nil for findings that compare nothing.
    public var expected: String?
    public var found: String?

    public init(
        _ severity: Severity, _ code: String, where location: String? = nil, _ message: String,
        expected: String? = nil, found: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.where = location
        self.message = message
        self.expected = expected
        self.found = found
    }

    enum CodingKeys: String, CodingKey { case severity, code, `where`, message, expected, found }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(self.where, forKey: .where)
        try c.encode(message, forKey: .message)
        try c.encode(expected, forKey: .expected)
        try c.encode(found, forKey: .found)
    }
}

/// Builds the `where` of a diagnostic from its parts: "table 三, （七）总计, 自然人".
public func cellLocation(table: String, row: String? = nil, column: String? = nil) -> String {
    ["table \(table)", row, column].compactMap { $0 }.joined(separator: ", ")
}
