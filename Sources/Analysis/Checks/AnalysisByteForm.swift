import ReportModel

/// A report's own analysis in the byte form of the build's read cache (see `ByteWriter`), kept
/// beside its record so a cached report is neither checked nor sketched again.
extension ReportAnalysis {
    public func write(to out: inout ByteWriter) {
        Diagnostic.write(findings, to: &out)
        out.write(identityCounts.passed)
        out.write(identityCounts.failed)
        out.write(identityCounts.notAssessable)
        out.write(sketch != nil)
        // Hashes: eight bytes each, as they are.
        for bin in sketch?.bins ?? [] { out.writeFixed(bin) }
        out.write(level?.rawValue)
        out.write(kind.rawValue)
    }

    public init(reading reader: inout ByteReader) throws {
        let findings = try Diagnostic.read(from: &reader)
        let counts = IdentityCounts(passed: try reader.readInt(), failed: try reader.readInt(), notAssessable: try reader.readInt())
        var sketch: TextSketch?
        if try reader.readBool() {
            var bins = [UInt64](repeating: 0, count: TextSketch.binCount)
            for i in bins.indices { bins[i] = try reader.readFixed() }
            sketch = TextSketch(bins: bins)
        }
        self.init(findings: findings, identityCounts: counts, sketch: sketch,
                  level: try reader.readOptional(OrganLevel.self), kind: try reader.read(OrganKind.self))
    }
}
