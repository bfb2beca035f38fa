/// Records in the byte form of the build's read cache (see `ByteWriter`): every field the JSON
/// record has, plus the sidecar's annotations; the narrative is never cached. The field order here
/// is the format: the read cache's layout version must change with it.
extension ReportRecord {
    public func write(to out: inout ByteWriter) {
        out.write(source)
        out.write(format.rawValue)
        out.write(formatVersion.rawValue)
        out.write(scope.rawValue)
        out.write(published)
        out.write(title)
        out.write(agency)
        out.write(year)
        region.write(to: &out)
        active.write(to: &out)
        out.write(active2019 != nil)
        active2019?.write(to: &out)
        requests.write(to: &out)
        let disputes = reviewsAndLawsuits.cells
        out.write(disputes.count)
        for cell in disputes { out.write(cell) }
        Diagnostic.write(diagnostics, to: &out)
        out.write(annotations.level?.rawValue)
        out.write(annotations.kind?.rawValue)
        out.write(annotations.sourceURL)
    }

    public init(reading reader: inout ByteReader) throws {
        self.init(source: try reader.readString(), format: try reader.read(SourceFormat.self))
        formatVersion = try reader.read(FormatVersion.self)
        scope = try reader.read(Scope.self)
        published = try reader.readOptionalString()
        title = try reader.readOptionalString()
        agency = try reader.readOptionalString()
        year = try reader.readOptionalInt()
        region = try Region(reading: &reader)
        active = try ActiveDisclosure(reading: &reader)
        active2019 = try reader.readBool() ? try ActiveDisclosure2019(reading: &reader) : nil
        requests = try Requests(reading: &reader)
        let count = try reader.readCount()
        guard count == reviewsAndLawsuits.cells.count else { throw ByteReader.Failure() }
        reviewsAndLawsuits.cells = try (0..<count).map { _ in try reader.readOptionalInt() }
        diagnostics = try Diagnostic.read(from: &reader)
        annotations = ReportAnnotations(level: try reader.readOptional(OrganLevel.self), kind: try reader.readOptional(OrganKind.self),
                                        sourceURL: try reader.readOptionalString())
    }
}

extension Diagnostic {
    public static func write(_ diagnostics: [Diagnostic], to out: inout ByteWriter) {
        out.write(diagnostics.count)
        for d in diagnostics {
            out.write(d.severity.rawValue)
            out.write(d.code)
            out.write(d.where)
            out.write(d.message)
            out.write(d.expected)
            out.write(d.found)
        }
    }

    public static func read(from reader: inout ByteReader) throws -> [Diagnostic] {
        let count = try reader.readCount()
        var out: [Diagnostic] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let severity = try reader.read(Severity.self), code = try reader.readString(), location = try reader.readOptionalString()
            out.append(Diagnostic(severity, code, where: location, try reader.readString(),
                                  expected: try reader.readOptionalString(), found: try reader.readOptionalString()))
        }
        return out
    }
}

private extension Region {
    func write(to out: inout ByteWriter) {
        out.write(adcode)
        out.write(province)
        out.write(prefecture)
        out.write(county)
    }

    init(reading reader: inout ByteReader) throws {
        self.init(adcode: try reader.readOptionalString(), province: try reader.readOptionalString(),
                  prefecture: try reader.readOptionalString(), county: try reader.readOptionalString())
    }
}

private extension ActiveDisclosure {
    func write(to out: inout ByteWriter) {
        for documents in [rules, normativeDocuments] {
            out.write(documents.issued)
            out.write(documents.repealed)
            out.write(documents.inForce)
        }
        out.write(licensing)
        out.write(punishment)
        out.write(coercion)
        out.write(fees10kYuan)
    }

    init(reading reader: inout ByteReader) throws {
        self.init()
        rules = Documents(issued: try reader.readOptionalInt(), repealed: try reader.readOptionalInt(), inForce: try reader.readOptionalInt())
        normativeDocuments = Documents(issued: try reader.readOptionalInt(), repealed: try reader.readOptionalInt(),
                                       inForce: try reader.readOptionalInt())
        licensing = try reader.readOptionalInt()
        punishment = try reader.readOptionalInt()
        coercion = try reader.readOptionalInt()
        fees10kYuan = try reader.readOptionalDouble()
    }
}

private extension ActiveDisclosure2019 {
    func write(to out: inout ByteWriter) {
        for documents in [rules, normativeDocuments] {
            out.write(documents.made)
            out.write(documents.published)
            out.write(documents.publicTotal)
        }
        for items in [licensing, otherServices, punishment, coercion] {
            out.write(items.itemsLastYear)
            out.write(items.change)
            out.write(items.decisions)
        }
        out.write(fees.itemsLastYear)
        out.write(fees.change)
        out.write(procurement.projects)
        out.write(procurement.amount)
    }

    init(reading reader: inout ByteReader) throws {
        self.init()
        func documents() throws -> Documents {
            var d = Documents()
            d.made = try reader.readOptionalInt()
            d.published = try reader.readOptionalInt()
            d.publicTotal = try reader.readOptionalInt()
            return d
        }
        func items() throws -> Items {
            var i = Items()
            i.itemsLastYear = try reader.readOptionalInt()
            i.change = try reader.readOptionalInt()
            i.decisions = try reader.readOptionalInt()
            return i
        }
        rules = try documents()
        normativeDocuments = try documents()
        licensing = try items()
        otherServices = try items()
        punishment = try items()
        coercion = try items()
        fees.itemsLastYear = try reader.readOptionalInt()
        fees.change = try reader.readOptionalInt()
        procurement.projects = try reader.readOptionalInt()
        procurement.amount = try reader.readOptionalDouble()
    }
}
