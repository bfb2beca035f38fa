import Foundation

// The JSON shape of docs/report-json.md. Every key is always present: optionals encode as null,
// never omitted, because tools outside this repository rely on the keys.

extension ReportRecord: Codable {
    enum CodingKeys: String, CodingKey {
        case schema, source, format, formatVersion = "format_version", scope, published, title, agency, year
        case region, active, active2019 = "active_2019", requests, reviewsAndLawsuits = "reviews_and_lawsuits"
        case diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaName, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(format, forKey: .format)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(scope, forKey: .scope)
        try c.encode(published, forKey: .published)
        try c.encode(title, forKey: .title)
        try c.encode(agency, forKey: .agency)
        try c.encode(year, forKey: .year)
        try c.encode(region, forKey: .region)
        try c.encode(active, forKey: .active)
        try c.encode(active2019, forKey: .active2019)
        try c.encode(requests, forKey: .requests)
        try c.encode(reviewsAndLawsuits, forKey: .reviewsAndLawsuits)
        try c.encode(diagnostics, forKey: .diagnostics)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try c.decodeIfPresent(String.self, forKey: .schema)
        guard schema == nil || schema == Self.schemaName else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: c, debugDescription: "unsupported schema \(schema ?? "")")
        }
        self.init(
            source: try c.decode(String.self, forKey: .source),
            format: try c.decodeIfPresent(SourceFormat.self, forKey: .format) ?? .text,
            formatVersion: try c.decodeIfPresent(FormatVersion.self, forKey: .formatVersion) ?? .v2021,
            scope: try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .organ,
            published: try c.decodeIfPresent(String.self, forKey: .published),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            agency: try c.decodeIfPresent(String.self, forKey: .agency),
            year: try c.decodeIfPresent(Int.self, forKey: .year),
            region: try c.decodeIfPresent(Region.self, forKey: .region) ?? .unknown,
            active: try c.decodeIfPresent(ActiveDisclosure.self, forKey: .active) ?? .init(),
            active2019: try c.decodeIfPresent(ActiveDisclosure2019.self, forKey: .active2019),
            requests: try c.decodeIfPresent(Requests.self, forKey: .requests) ?? .init(),
            reviewsAndLawsuits: try c.decodeIfPresent(ReviewsAndLawsuits.self, forKey: .reviewsAndLawsuits) ?? .init(),
            diagnostics: try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? [])
    }

    /// The record as pretty-printed JSON, keys sorted: what `JSONEncoder` with `.prettyPrinted`,
    /// `.sortedKeys` and `.withoutEscapingSlashes` makes of `encode(to:)`, written directly.
    public func jsonData() throws -> Data {
        var out = JSONOutput(pretty: true, capacity: 8192)
        try writeJSON(into: &out)
        return Data(out.bytes)
    }

    /// Several records as one JSON array.
    public static func jsonData(_ records: [ReportRecord]) throws -> Data {
        var out = JSONOutput(pretty: true)
        out.openArray()
        for record in records {
            out.item()
            try record.writeJSON(into: &out)
        }
        out.closeArray()
        return Data(out.bytes)
    }
}

/// A string-keyed container: the record nests groups whose keys come from the format definition.
struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Requests: Codable {
    /// The record's nesting of table 三's rows, worked out once: a key per top-level row or group,
    /// in the format's order, with each group's members and their leaf keys. Decoding every cached
    /// record split each row's name and rescanned its group's container per member.
    static let codingLayout: [(key: DynamicKey, row: RequestRow?, members: [(row: RequestRow, key: DynamicKey)])] = {
        var layout: [(key: DynamicKey, row: RequestRow?, members: [(row: RequestRow, key: DynamicKey)])] = []
        for row in RequestRow.allCases {
            let parts = row.rawValue.split(separator: ".").map(String.init)
            if parts.count == 1 {
                layout.append((DynamicKey(row.rawValue), row, []))
            } else if let i = layout.firstIndex(where: { $0.row == nil && $0.key.stringValue == parts[0] }) {
                layout[i].members.append((row, DynamicKey(parts[1])))
            } else {
                layout.append((DynamicKey(parts[0]), nil, [(row, DynamicKey(parts[1]))]))
            }
        }
        return layout
    }()

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        for entry in Self.codingLayout {
            if let row = entry.row {
                try c.encode(self[row], forKey: entry.key)
            } else {
                var nested = c.nestedContainer(keyedBy: DynamicKey.self, forKey: entry.key)
                for member in entry.members { try nested.encode(self[member.row], forKey: member.key) }
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: DynamicKey.self)
        for entry in Self.codingLayout {
            if let row = entry.row {
                try set(row, try c.decodeIfPresent(Row.self, forKey: entry.key), in: c)
            } else if c.contains(entry.key) {
                let nested = try c.nestedContainer(keyedBy: DynamicKey.self, forKey: entry.key)
                for member in entry.members { try set(member.row, try nested.decodeIfPresent(Row.self, forKey: member.key), in: c) }
            }
        }
    }

    private mutating func set(_ row: RequestRow, _ value: Row?, in c: KeyedDecodingContainer<DynamicKey>) throws {
        guard let value else { return }
        guard value.count == ApplicantColumn.allCases.count else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "\(row.rawValue) must hold seven values"))
        }
        self[row] = value
    }
}

extension ReviewsAndLawsuits: Codable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        for group in DisputeGroup.allCases {
            var nested = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey(group.key))
            for outcome in DisputeOutcome.allCases {
                try nested.encode(self[group, outcome], forKey: DynamicKey(outcome.key))
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: DynamicKey.self)
        for group in DisputeGroup.allCases where c.contains(DynamicKey(group.key)) {
            let nested = try c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey(group.key))
            for outcome in DisputeOutcome.allCases {
                self[group, outcome] = try nested.decodeIfPresent(Int.self, forKey: DynamicKey(outcome.key))
            }
        }
    }
}

extension ActiveDisclosure.Documents: Codable {
    enum CodingKeys: String, CodingKey { case issued, repealed, inForce = "in_force" }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(issued, forKey: .issued)
        try c.encode(repealed, forKey: .repealed)
        try c.encode(inForce, forKey: .inForce)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        issued = try c.decodeIfPresent(Int.self, forKey: .issued)
        repealed = try c.decodeIfPresent(Int.self, forKey: .repealed)
        inForce = try c.decodeIfPresent(Int.self, forKey: .inForce)
    }
}

extension ActiveDisclosure: Codable {
    enum CodingKeys: String, CodingKey {
        case rules, normativeDocuments = "normative_documents", licensing, punishment, coercion
        case fees10kYuan = "fees_10k_yuan"
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(normativeDocuments, forKey: .normativeDocuments)
        try c.encode(licensing, forKey: .licensing)
        try c.encode(punishment, forKey: .punishment)
        try c.encode(coercion, forKey: .coercion)
        try c.encode(fees10kYuan, forKey: .fees10kYuan)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rules = try c.decodeIfPresent(Documents.self, forKey: .rules) ?? .init()
        normativeDocuments = try c.decodeIfPresent(Documents.self, forKey: .normativeDocuments) ?? .init()
        licensing = try c.decodeIfPresent(Int.self, forKey: .licensing)
        punishment = try c.decodeIfPresent(Int.self, forKey: .punishment)
        coercion = try c.decodeIfPresent(Int.self, forKey: .coercion)
        fees10kYuan = try c.decodeIfPresent(Double.self, forKey: .fees10kYuan)
    }
}

extension ActiveDisclosure2019.Documents: Codable {
    enum CodingKeys: String, CodingKey { case made, published, publicTotal = "public_total" }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(made, forKey: .made)
        try c.encode(published, forKey: .published)
        try c.encode(publicTotal, forKey: .publicTotal)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        made = try c.decodeIfPresent(Int.self, forKey: .made)
        published = try c.decodeIfPresent(Int.self, forKey: .published)
        publicTotal = try c.decodeIfPresent(Int.self, forKey: .publicTotal)
    }
}

extension ActiveDisclosure2019.Items: Codable {
    enum CodingKeys: String, CodingKey { case itemsLastYear = "items_last_year", change, decisions }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(itemsLastYear, forKey: .itemsLastYear)
        try c.encode(change, forKey: .change)
        try c.encode(decisions, forKey: .decisions)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        itemsLastYear = try c.decodeIfPresent(Int.self, forKey: .itemsLastYear)
        change = try c.decodeIfPresent(Int.self, forKey: .change)
        decisions = try c.decodeIfPresent(Int.self, forKey: .decisions)
    }
}

extension ActiveDisclosure2019.Fees: Codable {
    enum CodingKeys: String, CodingKey { case itemsLastYear = "items_last_year", change }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(itemsLastYear, forKey: .itemsLastYear)
        try c.encode(change, forKey: .change)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        itemsLastYear = try c.decodeIfPresent(Int.self, forKey: .itemsLastYear)
        change = try c.decodeIfPresent(Int.self, forKey: .change)
    }
}

extension ActiveDisclosure2019.Procurement: Codable {
    enum CodingKeys: String, CodingKey { case projects, amount }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(projects, forKey: .projects)
        try c.encode(amount, forKey: .amount)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        projects = try c.decodeIfPresent(Int.self, forKey: .projects)
        amount = try c.decodeIfPresent(Double.self, forKey: .amount)
    }
}

extension ActiveDisclosure2019: Codable {
    enum CodingKeys: String, CodingKey {
        case rules, normativeDocuments = "normative_documents", licensing, otherServices = "other_services"
        case punishment, coercion, fees, procurement
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rules, forKey: .rules)
        try c.encode(normativeDocuments, forKey: .normativeDocuments)
        try c.encode(licensing, forKey: .licensing)
        try c.encode(otherServices, forKey: .otherServices)
        try c.encode(punishment, forKey: .punishment)
        try c.encode(coercion, forKey: .coercion)
        try c.encode(fees, forKey: .fees)
        try c.encode(procurement, forKey: .procurement)
    }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        rules = try c.decodeIfPresent(Documents.self, forKey: .rules) ?? .init()
        normativeDocuments = try c.decodeIfPresent(Documents.self, forKey: .normativeDocuments) ?? .init()
        licensing = try c.decodeIfPresent(Items.self, forKey: .licensing) ?? .init()
        otherServices = try c.decodeIfPresent(Items.self, forKey: .otherServices) ?? .init()
        punishment = try c.decodeIfPresent(Items.self, forKey: .punishment) ?? .init()
        coercion = try c.decodeIfPresent(Items.self, forKey: .coercion) ?? .init()
        fees = try c.decodeIfPresent(Fees.self, forKey: .fees) ?? .init()
        procurement = try c.decodeIfPresent(Procurement.self, forKey: .procurement) ?? .init()
    }
}
