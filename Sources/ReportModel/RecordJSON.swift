// The govreport/1 record (docs/report-json.md) written through `JSONOutput`: the same bytes as
// its `Encodable` form through `JSONEncoder` with sorted keys, which `RecordJSONTests` checks
// on every fixture. Members go in byte order of their keys; every key is always present.

extension ReportRecord {
    /// The record as one JSON object. `extra`: members to merge in (`reports.json` adds
    /// `metrics`, `report_id` and `superseded_by`), keys in byte order, each written by `write`
    /// at its sorted place among the record's own.
    public func writeJSON(
        into out: inout JSONOutput, extra: [String] = [],
        write: (_ key: String, _ out: inout JSONOutput) throws -> Void = { _, _ in }
    ) throws {
        out.openObject()
        var pending = extra[...]
        func flush(before key: String?, _ out: inout JSONOutput) throws {
            while let next = pending.first, key.map({ String.utf8Precedes(next, $0) }) ?? true {
                out.key(next)
                try write(next, &out)
                pending.removeFirst()
            }
        }
        for member in Member.allCases {
            try flush(before: member.key, &out)
            out.key(member.key)
            try writeValue(member, into: &out)
        }
        try flush(before: nil, &out)
        out.closeObject()
    }
}

private extension ReportRecord {
    /// The record's keys, in byte order.
    enum Member: String, CaseIterable {
        case active, active2019 = "active_2019", agency, diagnostics, format, formatVersion = "format_version"
        case published, region, requests, reviewsAndLawsuits = "reviews_and_lawsuits", schema, scope, source
        case title, year

        var key: String { rawValue }
    }

    func writeValue(_ member: Member, into out: inout JSONOutput) throws {
        switch member {
        case .active: try active.writeJSON(into: &out)
        case .active2019:
            if let a = active2019 { try a.writeJSON(into: &out) } else { out.null() }
        case .agency: out.string(agency)
        case .diagnostics:
            out.openArray()
            for d in diagnostics {
                out.item()
                d.writeJSON(into: &out)
            }
            out.closeArray()
        case .format: out.string(format.rawValue)
        case .formatVersion: out.string(formatVersion.rawValue)
        case .published: out.string(published)
        case .region: region.writeJSON(into: &out)
        case .requests: requests.writeJSON(into: &out)
        case .reviewsAndLawsuits: reviewsAndLawsuits.writeJSON(into: &out)
        case .schema: out.string(Self.schemaName)
        case .scope: out.string(scope.rawValue)
        case .source: out.string(source)
        case .title: out.string(title)
        case .year: out.int(year)
        }
    }
}

private extension JSONOutput {
    /// `[1, 2, null, …]`
    mutating func ints(_ values: some Sequence<Int?>) {
        openArray()
        for v in values {
            item()
            int(v)
        }
        closeArray()
    }

    mutating func member(_ name: String, _ value: Int?) {
        key(name)
        int(value)
    }

    /// An object of strings, members given in byte order of their keys.
    mutating func texts(_ members: KeyValuePairs<String, String?>) {
        openObject()
        for (name, value) in members {
            key(name)
            string(value)
        }
        closeObject()
    }

    /// An object of counts, members given in byte order of their keys.
    mutating func counts(_ members: KeyValuePairs<String, Int?>) {
        openObject()
        for (name, value) in members { member(name, value) }
        closeObject()
    }

    mutating func member(_ name: String, _ value: Double?) throws {
        key(name)
        try number(value)
    }
}

private extension Diagnostic {
    func writeJSON(into out: inout JSONOutput) {
        out.texts(["code": code, "expected": expected, "found": found, "message": message,
                   "severity": severity.rawValue, "where": self.where])
    }
}

private extension Region {
    func writeJSON(into out: inout JSONOutput) {
        out.texts(["adcode": adcode, "county": county, "prefecture": prefecture, "province": province])
    }
}

private extension ActiveDisclosure {
    func writeJSON(into out: inout JSONOutput) throws {
        out.openObject()
        out.member("coercion", coercion)
        try out.member("fees_10k_yuan", fees10kYuan)
        out.member("licensing", licensing)
        out.key("normative_documents"); normativeDocuments.writeJSON(into: &out)
        out.member("punishment", punishment)
        out.key("rules"); rules.writeJSON(into: &out)
        out.closeObject()
    }
}

private extension ActiveDisclosure.Documents {
    func writeJSON(into out: inout JSONOutput) {
        out.counts(["in_force": inForce, "issued": issued, "repealed": repealed])
    }
}

private extension ActiveDisclosure2019 {
    func writeJSON(into out: inout JSONOutput) throws {
        out.openObject()
        out.key("coercion"); coercion.writeJSON(into: &out)
        out.key("fees"); out.counts(["change": fees.change, "items_last_year": fees.itemsLastYear])
        out.key("licensing"); licensing.writeJSON(into: &out)
        out.key("normative_documents"); normativeDocuments.writeJSON(into: &out)
        out.key("other_services"); otherServices.writeJSON(into: &out)
        out.key("procurement")
        out.openObject()
        try out.member("amount", procurement.amount)
        out.member("projects", procurement.projects)
        out.closeObject()
        out.key("punishment"); punishment.writeJSON(into: &out)
        out.key("rules"); rules.writeJSON(into: &out)
        out.closeObject()
    }
}

private extension ActiveDisclosure2019.Documents {
    func writeJSON(into out: inout JSONOutput) {
        out.counts(["made": made, "public_total": publicTotal, "published": published])
    }
}

private extension ActiveDisclosure2019.Items {
    func writeJSON(into out: inout JSONOutput) {
        out.counts(["change": change, "decisions": decisions, "items_last_year": itemsLastYear])
    }
}

private extension Requests {
    /// `codingLayout` (table 三's rows nested as the record has them, `denied.state_secret`
    /// under `denied`) with each level in byte order of its keys.
    static let jsonLayout: [(key: String, row: RequestRow?, members: [(key: String, row: RequestRow)])] =
        codingLayout.map { entry in
            (entry.key.stringValue, entry.row,
             entry.members.map { ($0.key.stringValue, $0.row) }.sorted { String.utf8Precedes($0.0, $1.0) })
        }
        .sorted { String.utf8Precedes($0.key, $1.key) }

    func writeJSON(into out: inout JSONOutput) {
        out.openObject()
        for entry in Self.jsonLayout {
            out.key(entry.key)
            if let row = entry.row {
                out.ints(ApplicantColumn.allCases.lazy.map { self[row, $0] })
            } else {
                out.openObject()
                for member in entry.members {
                    out.key(member.key)
                    out.ints(ApplicantColumn.allCases.lazy.map { self[member.row, $0] })
                }
                out.closeObject()
            }
        }
        out.closeObject()
    }
}

private extension ReviewsAndLawsuits {
    static let groupsInKeyOrder = DisputeGroup.allCases.sorted { String.utf8Precedes($0.key, $1.key) }
    static let outcomesInKeyOrder = DisputeOutcome.allCases.sorted { String.utf8Precedes($0.key, $1.key) }

    func writeJSON(into out: inout JSONOutput) {
        out.openObject()
        for group in Self.groupsInKeyOrder {
            out.key(group.key)
            out.openObject()
            for outcome in Self.outcomesInKeyOrder { out.member(outcome.key, self[group, outcome]) }
            out.closeObject()
        }
        out.closeObject()
    }
}
