/// Table 三: requests received and how each was answered. Every row holds seven numbers,
/// one per applicant column; `nil` is a blank or unreadable cell, never zero.
public struct Requests: Sendable, Equatable, Hashable {
    public typealias Row = [Int?]

    /// Row-major: `RequestRow.allCases` order, `ApplicantColumn.allCases.count` cells each. One
    /// flat array and a bit per cell for "holds a number" (a blank cell keeps 0 here, so equal
    /// tables compare equal): 25 arrays of optionals cost 3.8 KB a report, this 1.5 KB, which is
    /// hundreds of MB on a national corpus.
    private var values: [Int]
    private var filled = CellBits()

    private static let width = ApplicantColumn.allCases.count

    public init() {
        values = Array(repeating: 0, count: RequestRow.allCases.count * Self.width)
    }

    public static let blankRow: Row = Array(repeating: nil, count: ApplicantColumn.allCases.count)

    public subscript(row: RequestRow) -> Row {
        get { ApplicantColumn.allCases.map { self[row, $0] } }
        set {
            precondition(newValue.count == Self.width, "a table 三 row has seven columns")
            for (column, value) in zip(ApplicantColumn.allCases, newValue) { self[row, column] = value }
        }
    }

    public subscript(row: RequestRow, column: ApplicantColumn) -> Int? {
        get {
            let i = row.index * Self.width + column.rawValue
            return filled[i] ? values[i] : nil
        }
        set {
            let i = row.index * Self.width + column.rawValue
            values[i] = newValue ?? 0
            filled[i] = newValue != nil
        }
    }

    /// Adds `other` cell by cell, a blank cell counting 0, into this table, every cell of which
    /// must hold a number (a region's sums). One pass over the flat values: summing a national
    /// corpus into every region cell by cell through the subscripts was seconds.
    public mutating func add(_ other: Requests) {
        precondition(filled == CellBits.all, "sums start from a table of zeros")
        // A blank cell keeps 0 in `values`.
        for i in values.indices { values[i] += other.values[i] }
    }

    /// True when not one cell of the table holds a number.
    public var isEntirelyBlank: Bool { filled == CellBits() }
}

extension Requests {
    /// The cache's byte form (see `ByteWriter`): every cell in row-major order. Here, beside the
    /// flat layout, so reading a cached table sets the cells directly.
    public func write(to out: inout ByteWriter) {
        out.write(values.count)
        for i in values.indices { out.write(filled[i] ? values[i] : nil) }
    }

    public init(reading reader: inout ByteReader) throws {
        self.init()
        guard try reader.readCount() == values.count else { throw ByteReader.Failure() }
        for i in values.indices {
            if let value = try reader.readOptionalInt() {
                values[i] = value
                filled[i] = true
            }
        }
    }
}

/// One bit per cell of table 三 (175 cells), stored inline.
private struct CellBits: Sendable, Hashable {
    private var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0

    /// Every cell of the table filled.
    static let all: CellBits = {
        var bits = CellBits()
        for i in 0..<RequestRow.allCases.count * ApplicantColumn.allCases.count { bits[i] = true }
        return bits
    }()

    subscript(i: Int) -> Bool {
        get { word(i) & (1 << UInt64(i & 63)) != 0 }
        set {
            let bit: UInt64 = 1 << UInt64(i & 63)
            switch i >> 6 {
            case 0: low = newValue ? low | bit : low & ~bit
            case 1: middle = newValue ? middle | bit : middle & ~bit
            default:
                precondition(i < 192, "table 三 has 175 cells")
                high = newValue ? high | bit : high & ~bit
            }
        }
    }

    private func word(_ i: Int) -> UInt64 {
        switch i >> 6 {
        case 0: low
        case 1: middle
        default: high
        }
    }
}

/// The applicant columns of table 三, in the format's order.
public enum ApplicantColumn: Int, Sendable, CaseIterable, Hashable, Codable {
    case naturalPerson, commercial, research, socialWelfare, legalService, otherOrganisation, total
}

/// The 25 rows of table 三. The raw value is the dotted key of the JSON record (`denied.state_secret`).
public enum RequestRow: String, Sendable, CaseIterable, Hashable, Codable {
    case new = "new"
    case carriedOver = "carried_over"
    case granted = "granted"
    case partiallyGranted = "partially_granted"
    case deniedStateSecret = "denied.state_secret"
    case deniedProhibitedByLaw = "denied.prohibited_by_law"
    case deniedThreeSafeties = "denied.three_safeties"
    case deniedThirdParty = "denied.third_party"
    case deniedInternalAffairs = "denied.internal_affairs"
    case deniedProcessInformation = "denied.process_information"
    case deniedLawEnforcementFile = "denied.law_enforcement_file"
    case deniedAdministrativeInquiry = "denied.administrative_inquiry"
    case unableNotHeld = "unable.not_held"
    case unableNeedsCreation = "unable.needs_creation"
    case unableUnclearAfterCorrection = "unable.unclear_after_correction"
    case notProcessedComplaintPetition = "not_processed.complaint_petition"
    case notProcessedDuplicate = "not_processed.duplicate"
    case notProcessedPublication = "not_processed.publication"
    case notProcessedExcessive = "not_processed.excessive"
    case notProcessedConfirmation = "not_processed.confirmation"
    case otherNoCorrection = "other.no_correction"
    case otherNoFee = "other.no_fee"
    case otherOther = "other.other"
    case total = "total"
    case carriedForward = "carried_forward"

    /// Position in `allCases`. A switch, not a dictionary: a String-backed enum hashes its raw
    /// string, and every cell read of every report goes through here.
    public var index: Int {
        switch self {
        case .new: 0
        case .carriedOver: 1
        case .granted: 2
        case .partiallyGranted: 3
        case .deniedStateSecret: 4
        case .deniedProhibitedByLaw: 5
        case .deniedThreeSafeties: 6
        case .deniedThirdParty: 7
        case .deniedInternalAffairs: 8
        case .deniedProcessInformation: 9
        case .deniedLawEnforcementFile: 10
        case .deniedAdministrativeInquiry: 11
        case .unableNotHeld: 12
        case .unableNeedsCreation: 13
        case .unableUnclearAfterCorrection: 14
        case .notProcessedComplaintPetition: 15
        case .notProcessedDuplicate: 16
        case .notProcessedPublication: 17
        case .notProcessedExcessive: 18
        case .notProcessedConfirmation: 19
        case .otherNoCorrection: 20
        case .otherNoFee: 21
        case .otherOther: 22
        case .total: 23
        case .carriedForward: 24
        }
    }

    // Hashed and compared by position, for the same reason (the default hashes the raw string).
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
    public static func == (a: RequestRow, b: RequestRow) -> Bool { a.index == b.index }

    /// The outcome group a row belongs to, or nil for the rows outside 三、本年度办理结果.
    public var group: RequestGroup? { Self.groups[index] }
    private static let groups = allCases.map { $0.makeGroup() }

    private func makeGroup() -> RequestGroup? {
        let prefix = rawValue.split(separator: ".").first.map(String.init) ?? rawValue
        switch self {
        case .granted: return .granted
        case .partiallyGranted: return .partiallyGranted
        default: return RequestGroup(rawValue: prefix)
        }
    }

    /// The key inside its group (`state_secret`), or the whole key for top-level rows.
    public var leafKey: String { String(rawValue.split(separator: ".").last!) }

    /// Rows that are summed into `total` (the 办理结果 outcomes).
    public static let outcomes: [RequestRow] = allCases.filter { $0.group != nil }
}

/// The outcome groups of 三、本年度办理结果, keyed as in the JSON record.
public enum RequestGroup: String, Sendable, CaseIterable, Hashable, Codable {
    case granted, partiallyGranted = "partially_granted", denied, unable
    case notProcessed = "not_processed", other

    public var rows: [RequestRow] { RequestRow.allCases.filter { $0.group == self } }
}
