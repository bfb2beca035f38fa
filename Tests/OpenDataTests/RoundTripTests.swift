import Analysis
import Foundation
import GRDB
import Ingest
import OpenData
import ReportModel
import Testing

/// Every cell of every shipped report is found again, with the same value, in the CSV long form and
/// in SQLite; a blank stays blank (empty field / NULL), never 0.
@Suite struct RoundTripTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Content")

    static let dataset: Dataset = {
        let files = try! FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".txt") }.sorted()
        let records = files.compactMap { path -> ReportRecord? in
            if case .report(let r) = ReportReader.read(contentsOf: content.appendingPathComponent(path), source: path) { return r }
            return nil
        }
        return Dataset(records: records)
    }()

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opendata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every download of `dataset`, made as a build makes them: path → bytes.
    static func files(_ dataset: Dataset) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for job in DownloadPlan(dataset, recordDigests: [:]).jobs {
            try job.make { path, data in
                #expect(out[path] == nil, "\(path) made twice")
                out[path] = data
            }
        }
        return out
    }

    /// Each partition's database, written to a file to query.
    static func databases(_ dataset: Dataset) throws -> [DatabaseQueue] {
        let dir = try scratch()
        return try files(dataset).filter { $0.key.hasSuffix("/reports.sqlite") }.sorted { $0.key < $1.key }.enumerated().map { i, file in
            let url = dir.appendingPathComponent("\(i).sqlite")
            try file.value.write(to: url)
            return try DatabaseQueue(path: url.path)
        }
    }

    @Test func everyCellSurvivesTheCSVLongForm() throws {
        var found: [String: String] = [:]
        var rowCount = 0
        for (path, data) in try Self.files(Self.dataset) where path.hasSuffix("/cells.csv") {
            let rows = CSVTable.parse(data)
            #expect(rows[0].prefix(6) == ["report_id", "source", "table", "row", "column", "value"])
            for row in rows.dropFirst() { found["\(row[1])|\(row[2])|\(row[3])|\(row[4])"] = row[5] }
            rowCount += rows.count - 1
        }
        var blanks = 0, checked = 0
        for report in Self.dataset.reports {
            for cell in report.record.cells {
                let key = "\(report.record.source)|\(cell.table)|\(cell.row)|\(cell.column)"
                let value = try #require(found[key], "missing \(key)")
                if let v = cell.value {
                    #expect(Double(value) == v, "\(key)")
                } else {
                    #expect(value == "", "\(key): blank must stay blank")
                    blanks += 1
                }
                checked += 1
            }
        }
        #expect(checked == Self.dataset.reports.count * (10 + 25 * 7 + 15))
        #expect(blanks > 180, "seed 000 is mostly blank")
        #expect(rowCount == checked, "no cell twice, none invented")
    }

    @Test func everyCellSurvivesSQLite() throws {
        let databases = try Self.databases(Self.dataset)
        var nulls = 0, zeroes = 0
        for report in Self.dataset.reports {
            // The report is in exactly one partition's database.
            let holding = try databases.filter { db in
                try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM reports WHERE report_id = ?", arguments: [report.index])! } == 1
            }
            #expect(holding.count == 1, "\(report.record.source)")
            guard let db = holding.first else { continue }
            try db.read { db in
                for cell in report.record.cells {
                    let row = try Row.fetchOne(db, sql: """
                        SELECT value FROM cells WHERE report_id = ? AND "table" = ? AND "row" = ? AND "column" = ?
                        """, arguments: [report.index, cell.table, cell.row, cell.column])
                    let stored: Double? = try #require(row)["value"]
                    #expect(stored == cell.value, "\(report.record.source) \(cell.table) \(cell.row) \(cell.column)")
                }
            }
        }
        for db in databases {
            try db.read { db in
                nulls += try Int.fetchOne(db, sql: "SELECT count(*) FROM cells WHERE value IS NULL")!
                zeroes += try Int.fetchOne(db, sql: "SELECT count(*) FROM cells c JOIN reports r USING (report_id) WHERE r.agency = '船营区政数局' AND value = 0")!
            }
        }
        #expect(nulls > 180 && zeroes == 0, "seed 000's blanks are NULL, not 0")
    }

    @Test func topOrgansByRequestsReceivedIn2024() throws {
        // Each province's database answers for its own organs; together they answer for the country.
        var top: [(String, Int)] = [], nullReceived = 0
        for db in try Self.databases(Self.dataset) {
            top += try db.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT agency, received FROM report_metrics WHERE year = 2024 AND received IS NOT NULL
                    """).map { ($0["agency"] as String, $0["received"] as Int) }
            }
            nullReceived += try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM reports WHERE received IS NULL")! }
        }
        top.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        #expect(top.map(\.0) == ["包头市昆都仑区", "瑶海区人民政府办公室", "前进区人民政府", "大榭街道"])
        #expect(top.map(\.1) == [109, 103, 1, 0])
        #expect(nullReceived == 1, "船营区政数局 left table 三 blank")
    }

    @Test func csvIsExcelFriendlyAndQuotesPerRFC4180() {
        let table = CSVTable(header: ["a", "b"], rows: [["含,逗号", "含\"引号\"\n换行"], ["", "0"]])
        let data = table.data
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"含,逗号\",\"含\"\"引号\"\"\n换行\"\r\n,0\r\n")
        #expect(CSVTable.parse(data) == [["a", "b"], ["含,逗号", "含\"引号\"\n换行"], ["", "0"]])
    }

    @Test func reportsJSONIsGovreportPlusMetrics() throws {
        var reports: [[String: Any]] = []
        for (path, data) in try Self.files(Self.dataset) where path.hasSuffix("/reports.json") {
            let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            #expect(json["schema"] as? String == "govreport-dataset/1")
            reports += json["reports"] as! [[String: Any]]
        }
        #expect(reports.count == 5)
        let yaohai = try #require(reports.first { $0["agency"] as? String == "瑶海区人民政府办公室" })
        #expect(yaohai["schema"] as? String == "govreport/1")
        let metrics = yaohai["metrics"] as! [String: Any]
        #expect(metrics["received"] as? Int == 103)
        let rate = metrics["disclosure_rate"] as! [String: Any]
        #expect(rate["numerator"] as? Int == 35 && rate["denominator"] as? Int == 106)
    }
}

/// A corrected re-publication: the superseded file sorts before the one that replaces it, so its
/// `superseded_by` names a row inserted later — the database must still be written.
@Suite struct DuplicateExportTests {
    @Test func supersededReportPointsToItsReplacementInSQLite() throws {
        var first = ReportRecord(source: "a/瑶海区人民政府-2024.txt", format: .textCells, agency: "瑶海区人民政府", year: 2024,
                                 region: Region(adcode: "340102", province: "安徽省", prefecture: "合肥市", county: "瑶海区"))
        first.requests[.new, .total] = 1
        var second = first
        second.source = "b/瑶海区人民政府-2024.txt"
        let dataset = Dataset(records: [second, first])
        let superseded = try #require(dataset.reports.first { $0.supersededBy != nil })
        let databases = try RoundTripTests.databases(dataset)
        #expect(databases.count == 1, "the same organ and year: one partition")
        let rows = try databases[0].read { db in
            try Row.fetchAll(db, sql: "SELECT source, superseded_by FROM reports ORDER BY source")
        }
        #expect(rows.count == 2)
        #expect(rows.filter { $0["superseded_by"] as Int? != nil }.count == 1)
        #expect(rows.contains { ($0["source"] as String) == superseded.record.source && $0["superseded_by"] as Int? != nil })
    }
}
