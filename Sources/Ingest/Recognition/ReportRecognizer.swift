import ReportModel

/// Document → report record: finds the three tables wherever they sit, reads their cells
/// against the format definition, and reads the organ, year and region from the text.
/// It never guesses silently: what it cannot read is nil with a diagnostic.
public enum ReportRecognizer {
    public static func recognize(_ document: Document, source: String, gazetteer: Gazetteer = .shared) -> ReportRecord {
        var record = ReportRecord(source: source, format: document.format)
        var diagnostics = document.diagnostics

        let rows = document.rows
        let normaliser = TextNormaliser(forTexts: document.paragraphs + rows.joined().map(\.text))
        let paragraphs = document.paragraphs.map(normaliser.normalise)
        let folders = source.split(separator: "/").dropLast().map(String.init)
        let meta = MetadataExtractor(gazetteer: gazetteer).extract(paragraphs: paragraphs, folders: folders)
        record.title = meta.title
        record.agency = meta.agency
        record.year = meta.year
        record.published = meta.published
        record.scope = meta.scope
        record.region = meta.region
        diagnostics += meta.diagnostics
        record.narrative = NarrativeExtractor.extract(paragraphs: paragraphs)

        let located = TableLocator.locate(rows.map { RowView($0, normaliser: normaliser) })
        let active = Table2Parser.parse(located[.active] ?? [])
        let requests = Table3Parser.parse(located[.requests] ?? [])
        let disputes = Table4Parser.parse(located[.disputes] ?? [])

        record.formatVersion = version(active: active, requests: requests, diagnostics: &diagnostics)
        if record.formatVersion == .v2019 {
            record.active2019 = active.active2019
            var trial = requests.requests
            // The trial format has one （六）其他处理 row: its parts do not exist.
            trial[.otherNoCorrection] = Requests.blankRow
            trial[.otherNoFee] = Requests.blankRow
            record.requests = trial
        } else {
            record.active = active.active
            record.requests = requests.requests
        }
        record.reviewsAndLawsuits = disputes.disputes

        diagnostics += BlankCellReport.table2(active, version: record.formatVersion)
        diagnostics += active.diagnostics
        diagnostics += BlankCellReport.table3(requests, version: record.formatVersion)
        diagnostics += requests.diagnostics
        diagnostics += BlankCellReport.table4(disputes)
        diagnostics += disputes.diagnostics
        record.diagnostics = diagnostics
        return record
    }

    private static func version(
        active: Table2Parser.Result, requests: Table3Parser.Result, diagnostics: inout [Diagnostic]
    ) -> FormatVersion {
        let fromTable2 = active.version
        let fromTable3: FormatVersion? = requests.otherIsSingleRow ? .v2019
            : requests.found.contains(.otherNoCorrection) ? .v2021 : nil
        if let a = fromTable2, let b = fromTable3, a != b {
            diagnostics.append(Diagnostic(
                .warning, "format-version-conflict",
                "表二的列（\(a.rawValue)版）与表三（六）其他处理的行（\(b.rawValue)版）属于不同版本的格式，按表二认定为\(a.rawValue)版"))
        }
        return fromTable2 ?? fromTable3 ?? .v2021
    }
}
