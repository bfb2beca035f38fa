import Analysis
import Foundation
import ReportModel

/// One file a download job makes, known before it is made: where it goes and how many rows it
/// holds (counted from the dataset, so a job the build memo skips still reports them).
public struct PlannedFile: Sendable, Equatable {
    public let path: String
    /// The kind's file name (`cells.csv`).
    public let kind: String
    public let year: Int?
    /// For a partition's files: its province code (nil: region unknown) and name.
    public let province: String?
    public let provinceName: String?
    /// Data rows (records, for JSON); nil for the database.
    public let rows: Int?
}

/// Every download of a dataset, as jobs that can each be made alone, memoized, and released:
/// per year the small whole-year files, and per year and province the large ones.
public struct DownloadPlan: Sendable {
    public let jobs: [DownloadJob]

    /// `recordDigests`: input path → digest of what its record was read from (the read cache's
    /// key). A partition holding a report without one is never taken from the memo.
    public init(_ dataset: Dataset, recordDigests: [String: ContentHash]) {
        var byInput = [ContentHash?](repeating: nil, count: dataset.reports.count)
        for report in dataset.reports { byInput[report.input] = recordDigests[report.record.source] }
        self.init(dataset, readKeys: byInput)
    }

    /// The same with the digests by each record's place among those the dataset was made from
    /// (`DatasetReport.input`), as a build has them.
    public init(_ dataset: Dataset, readKeys byInput: [ContentHash?]) {
        precondition(byInput.count == dataset.reports.count, "one read key per record")
        let partitions = DownloadPartition.all(dataset)
        var yearReports: [Int?: [Int]] = [:], yearRegions: [Int?: [Int]] = [:]
        for report in dataset.reports { yearReports[report.record.year, default: []].append(report.index) }
        for (i, region) in dataset.regions.enumerated() { yearRegions[region.year, default: []].append(i) }
        let years = yearReports.keys.sorted { ($0 ?? Int.min) > ($1 ?? Int.min) }
        // Names of provinces, from the region totals (else the reports' own words).
        var names: [String: String] = [:]
        for region in dataset.regions where region.level == .province { names[region.adcode] = region.name }
        // In the dataset's order: every job hashes its reports' keys on every build.
        let readKeys = dataset.reports.map { byInput[$0.input] }
        var jobs = years.map { year in
            DownloadJob(dataset: dataset, readKeys: readKeys,
                        work: .year(year: year, reports: yearReports[year]!, regions: yearRegions[year] ?? []))
        }
        for partition in partitions {
            let name = partition.province.map { code in
                names[code] ?? partition.reports.lazy.compactMap { dataset.reports[$0].record.region.province }.first ?? code
            } ?? DownloadCatalogue.unknownRegion
            jobs.append(DownloadJob(dataset: dataset, readKeys: readKeys, work: .partition(partition, name: name)))
        }
        self.jobs = jobs
    }
}

/// One memoizable unit of downloads: a year's small files, or one partition's large ones.
public struct DownloadJob: Sendable {
    enum Work: Sendable {
        case year(year: Int?, reports: [Int], regions: [Int])
        case partition(DownloadPartition, name: String)
    }

    let dataset: Dataset
    /// Each report's read key, by its index in the dataset.
    let readKeys: [ContentHash?]
    let work: Work

    /// The build memo's key: `downloads/2024` or `downloads/2024/110000`.
    public var key: String {
        switch work {
        case .year(let year, _, _): return "downloads/\(DownloadPartition.yearKey(year))"
        case .partition(let p, _): return "downloads/\(DownloadPartition.yearKey(p.year))/\(p.province ?? DownloadPartition.unknown)"
        }
    }

    /// Reports in the job, to schedule the largest first.
    public var weight: Int {
        switch work {
        case .year(_, let reports, _): return reports.count / 8
        case .partition(let p, _): return p.reports.count
        }
    }

    public var files: [PlannedFile] {
        switch work {
        case .year(let year, let reports, let regions):
            let folder = "data/\(DownloadPartition.yearKey(year))"
            return [
                PlannedFile(path: "\(folder)/reports.csv", kind: DownloadCatalogue.reports.name, year: year, province: nil, provinceName: nil, rows: reports.count),
                PlannedFile(path: "\(folder)/regions.csv", kind: DownloadCatalogue.regions.name, year: year, province: nil, provinceName: nil, rows: regions.count),
            ]
        case .partition(let p, let name):
            var cells = 0, findings = 0
            var cellCounts = CellCounts()
            for i in p.reports {
                let record = dataset.reports[i].record
                cells += cellCounts.count(record)
                findings += record.diagnostics.count
            }
            func file(_ kind: DownloadKind, _ rows: Int?) -> PlannedFile {
                PlannedFile(path: "\(p.folder)/\(kind.name)", kind: kind.name, year: p.year, province: p.province, provinceName: name, rows: rows)
            }
            return [file(DownloadCatalogue.cells, cells), file(DownloadCatalogue.findings, findings),
                    file(DownloadCatalogue.rankings, p.rankings.count), file(DownloadCatalogue.json, p.reports.count),
                    file(DownloadCatalogue.sqlite, nil)]
        }
    }

    /// The build memo's key for `inputsDigest`.
    public var inputsKey: String { key + "+inputs" }

    /// For a year's files: a digest of what their rows are made from, each report's read key (its
    /// record and all that follows from it alone, under the memo's salt) with what the dataset
    /// adds to its row (position, the report superseding it, its count of errors and warnings), and
    /// the region rows as they are. Equal, the rows are equal, and the rows need not be formatted
    /// to be hashed (two thirds of a national rebuild's downloads, for the years nothing changed
    /// in); unequal, the files are made again (the writer keeps those whose bytes come out the
    /// same). Nil for a partition (its `digest` is already of this kind) or a year with a report
    /// without a read key, whose files `digest` decides.
    public func inputsDigest() -> ContentHash? {
        guard case .year(_, let reports, let regions) = work else { return nil }
        var d = DigestBuilder("downloads-inputs/1")
        d.add(key)
        for i in reports {
            let report = dataset.reports[i]
            guard let read = readKeys[i] else { return nil }
            d.add(read)
            d.add(report.index)
            d.add(report.supersededBy)
            d.add(report.count(.error))
            d.add(report.count(.warning))
        }
        d.add(-1)
        for i in regions { d.add(row: DownloadTables.regionRow(dataset.regions[i], fractions: .exact)) }
        return d.digest
    }

    /// A digest of everything the job's files hold, for the build memo; nil when a report has no
    /// record digest (never reuse). Year files are hashed as the rows they hold (fractions as bits:
    /// formatting every fraction of a national site took a large share of a rebuild). A province's
    /// files hold every cell, so its reports are hashed by their read keys, which cover each
    /// record and all that follows from it alone (figures, labels, level and kind) under the
    /// memo's salt (the tool's version), plus what the dataset adds: position, duplicates, the
    /// findings of comparing reports with each other, and ranking places.
    public func digest() -> ContentHash? {
        var d = DigestBuilder("downloads/3")
        d.add(key)
        switch work {
        case .year(_, let reports, let regions):
            for i in reports { d.add(row: DownloadTables.reportRow(dataset.reports[i], fractions: .exact)) }
            d.add(-1)
            for i in regions { d.add(row: DownloadTables.regionRow(dataset.regions[i], fractions: .exact)) }
        case .partition(let p, let name):
            d.add(name)
            for i in p.reports {
                let report = dataset.reports[i]
                guard let read = readKeys[i] else { return nil }
                d.add(read)
                d.add(report.index)
                d.add(report.supersededBy)
                d.add(report.record.diagnostics.count)
                // The findings before these follow from the record alone: the read key covers them.
                d.add(report.crossReportFindings)
                for f in report.record.diagnostics.suffix(report.crossReportFindings) {
                    for part in [f.severity.rawValue, f.code, f.where ?? "", f.message, f.expected ?? "", f.found ?? ""] { d.add(part) }
                }
            }
            d.add(-1)
            for ref in p.rankings {
                // The figure and interval follow from the report's record (hashed above); the
                // rank from the dataset.
                let ranking = dataset.rankings[ref.ranking]
                // Not the slot: a report moving up shifts the slots of its ties, not their rows.
                d.add(ranking.group.id)
                d.add(ranking.metric.id)
                if ref.slot < ranking.entries.count {
                    let entry = ranking.entries[ref.slot]
                    d.add(entry.report)
                    d.add(entry.rank)
                } else {
                    d.add(ranking.insufficient[ref.slot - ranking.entries.count])
                    d.add(-1)
                }
            }
            d.add(-1)
            for i in p.regions { d.add(row: DownloadTables.regionRow(dataset.regions[i], fractions: .exact)) }
        }
        return d.digest
    }

    /// Makes the job's files one at a time, handing each to `write` and releasing it before the
    /// next. A partition's database is built in memory.
    public func make(write: (_ path: String, _ data: Data) throws -> Void) throws {
        let files = self.files
        switch work {
        case .year(_, let reports, let regions):
            var csv = CSVWriter(header: DownloadTables.reportsHeader)
            for i in reports { csv.append(DownloadTables.reportRow(dataset.reports[i])) }
            try write(files[0].path, csv.data)
            csv = CSVWriter(header: DownloadTables.regionsHeader)
            for i in regions { csv.append(DownloadTables.regionRow(dataset.regions[i])) }
            try write(files[1].path, csv.data)
        case .partition(let p, _):
            let reports = p.reports.map { dataset.reports[$0] }
            try write(files[0].path, {
                var csv = CellsCSV()
                for r in reports { csv.append(r) }
                return csv.data
            }())
            try write(files[1].path, {
                var csv = CSVWriter(header: DownloadTables.findingsHeader)
                for r in reports { DownloadTables.findingRows(r) { csv.append($0) } }
                return csv.data
            }())
            try write(files[2].path, {
                var csv = CSVWriter(header: DownloadTables.rankingsHeader)
                for ref in p.rankings { csv.append(DownloadTables.rankingRow(dataset, ref)) }
                return csv.data
            }())
            try write(files[3].path, try ReportsJSON.data(reports))
            try write(files[4].path, try SQLiteExport.data(p, of: dataset))
        }
    }
}

/// Cells per record without making them: the long form's length depends only on the record's
/// format version and which table 二 it has (see `ReportRecord.cells`), so it is counted once per shape.
struct CellCounts {
    private struct Shape: Hashable { let version: FormatVersion; let has2019: Bool }
    private var known: [Shape: Int] = [:]

    mutating func count(_ record: ReportRecord) -> Int {
        let shape = Shape(version: record.formatVersion, has2019: record.active2019 != nil)
        if let n = known[shape] { return n }
        let n = record.cells.count
        known[shape] = n
        return n
    }
}

private extension DigestBuilder {
    /// A row of a download: its length, then each field.
    mutating func add(row: [String]) {
        add(row.count)
        for field in row { add(field) }
    }
}
