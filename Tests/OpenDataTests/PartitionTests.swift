import Analysis
import Foundation
import GRDB
@testable import OpenData
import ReportModel
import Testing

/// The large downloads split by year and province, read back as a researcher would: every report
/// in exactly one partition, of its own year and province; the files' rows add up to the whole;
/// each file holds its reports' data; and a partition's digest changes only with what it holds.
@Suite struct PartitionTests {
    /// Organs in three provinces over two years, and a report without a region, one with a code
    /// that is not one, and one without a year.
    static func records(receivedBy change: (String) -> Int? = { _ in nil }, fee: Double = 1.5) -> [ReportRecord] {
        var out: [ReportRecord] = []
        let places = [("110105", "北京市", nil, "朝阳区"), ("110108", "北京市", nil, "海淀区"),
                      ("340102", "安徽省", "合肥市", "瑶海区"), ("440305", "广东省", "深圳市", "南山区")]
        for year in [2023, 2024] {
            for (i, place) in places.enumerated() {
                for (j, organ) in ["人民政府", "财政局", "教育局"].enumerated() {
                    let source = "\(place.1)/\(place.3)\(organ)-\(year).txt"
                    var r = ReportRecord(source: source, format: .textCells, agency: place.3 + organ, year: year,
                                         region: Region(adcode: place.0, province: place.1, prefecture: place.2, county: place.3))
                    r.requests[.new, .total] = change(source) ?? (40 + 10 * i + 100 * j + year % 7)
                    r.requests[.granted, .total] = 20 + i
                    r.active.fees10kYuan = fee
                    out.append(r)
                }
            }
        }
        out.append(ReportRecord(source: "无地区-2024.txt", format: .textCells, agency: "某局", year: 2024))
        out.append(ReportRecord(source: "坏代码-2024.txt", format: .textCells, agency: "某委", year: 2024,
                                region: Region(adcode: "../../x", province: "某省")))
        out.append(ReportRecord(source: "无年度.txt", format: .textCells, agency: "瑶海区人民政府", region: Region(adcode: "340102", province: "安徽省")))
        return out
    }

    static let dataset = Dataset(records: records(), options: .init(minimumRequests: 1))

    static func digests(_ records: [ReportRecord]) -> [String: ContentHash] {
        Dictionary(uniqueKeysWithValues: records.map { ($0.source, ContentHash("\($0.source) \($0.requests[.new, .total] ?? -1) \($0.active.fees10kYuan ?? -1)")) })
    }

    @Test func everyReportIsInExactlyOnePartitionOfItsYearAndProvince() {
        let partitions = DownloadPartition.all(Self.dataset)
        #expect(partitions.map(\.folder) == [
            "data/2024/110000", "data/2024/340000", "data/2024/440000", "data/2024/unknown",
            "data/2023/110000", "data/2023/340000", "data/2023/440000", "data/unknown/340000",
        ])
        let all = partitions.flatMap(\.reports)
        #expect(all.sorted() == Array(Self.dataset.reports.indices), "every report once")
        for p in partitions {
            for i in p.reports {
                let record = Self.dataset.reports[i].record
                #expect(record.year == p.year)
                #expect(p.province == record.region.adcode.flatMap { $0.allSatisfy(\.isNumber) ? String($0.prefix(2)) + "0000" : nil })
            }
            for ref in p.rankings {
                let ranking = Self.dataset.rankings[ref.ranking]
                let report = ref.slot < ranking.entries.count ? ranking.entries[ref.slot].report : ranking.insufficient[ref.slot - ranking.entries.count]
                #expect(p.reports.contains(report), "a ranking place is filed with its report")
            }
            // The province's regions; regions made from codes that are not codes stay with their reports.
            for i in p.regions {
                let region = Self.dataset.regions[i]
                #expect(region.year == p.year)
                #expect(p.province == nil ? DownloadPartition.province(of: region.adcode) == nil : region.adcode.prefix(2) == p.province!.prefix(2))
            }
        }
        let rankingRows = Self.dataset.rankings.reduce(0) { $0 + $1.entries.count + $1.insufficient.count }
        #expect(rankingRows > 0 && partitions.reduce(0) { $0 + $1.rankings.count } == rankingRows)
        let regional = Self.dataset.regions.filter { $0.level != .national }.count
        #expect(regional > 0 && partitions.reduce(0) { $0 + $1.regions.count } == regional)
    }

    @Test func plannedRowsAreTheFilesRowsAndAddUpToTheWhole() throws {
        let made = try RoundTripTests.files(Self.dataset)
        let planned = DownloadPlan(Self.dataset, recordDigests: [:]).jobs.flatMap(\.files)
        #expect(Set(planned.map(\.path)) == Set(made.keys), "the plan names exactly the files made")
        var totals: [String: Int] = [:]
        for file in planned {
            let data = try #require(made[file.path])
            if file.kind.hasSuffix(".csv") {
                #expect(CSVTable.parse(data).count - 1 == file.rows, "\(file.path)")
            } else if file.kind == "reports.json" {
                let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
                #expect((json["reports"] as! [Any]).count == file.rows, "\(file.path)")
            }
            totals[file.kind, default: 0] += file.rows ?? 0
        }
        let reports = Self.dataset.reports
        #expect(totals["reports.csv"] == reports.count)
        #expect(totals["reports.json"] == reports.count)
        #expect(totals["cells.csv"] == reports.reduce(0) { $0 + $1.record.cells.count })
        #expect(totals["findings.csv"] == reports.reduce(0) { $0 + $1.record.diagnostics.count })
        #expect(totals["rankings.csv"] == Self.dataset.rankings.reduce(0) { $0 + $1.entries.count + $1.insufficient.count })
        #expect(totals["regions.csv"] == Self.dataset.regions.count)
    }

    @Test func aPartitionsFilesHoldItsReports() throws {
        let made = try RoundTripTests.files(Self.dataset)
        let beijing = try #require(DownloadPartition.all(Self.dataset).first { $0.folder == "data/2024/110000" })
        let records = beijing.reports.map { Self.dataset.reports[$0].record }
        #expect(records.count == 6)

        let cells = CSVTable.parse(made["data/2024/110000/cells.csv"]!).dropFirst()
        #expect(cells.map { [$0[1], $0[2], $0[3], $0[4], $0[5]] } == records.flatMap { r in
            r.cells.map { [r.source, $0.table, $0.row, $0.column, $0.value.map { $0.rounded() == $0 ? String(Int($0)) : String($0) } ?? ""] }
        })

        let json = try JSONSerialization.jsonObject(with: made["data/2024/110000/reports.json"]!) as! [String: Any]
        let entries = json["reports"] as! [[String: Any]]
        let decoded = try entries.map { try JSONDecoder().decode(ReportRecord.self, from: JSONSerialization.data(withJSONObject: $0)) }
        #expect(decoded.map(\.source) == records.map(\.source))
        #expect(decoded.map(\.cells) == records.map(\.cells))
        #expect(decoded.map(\.diagnostics) == records.map(\.diagnostics))
        #expect(entries.map { $0["report_id"] as? Int } == beijing.reports)

        let url = try RoundTripTests.scratch().appendingPathComponent("b.sqlite")
        try made["data/2024/110000/reports.sqlite"]!.write(to: url)
        let db = try DatabaseQueue(path: url.path)
        func all(_ sql: String) throws -> [String] { try db.read { try String.fetchAll($0, sql: sql) } }
        func count(_ sql: String) throws -> Int? { try db.read { try Int.fetchOne($0, sql: sql) } }
        #expect(try all("SELECT source FROM reports ORDER BY report_id") == records.map(\.source))
        #expect(try count("SELECT count(*) FROM cells") == records.reduce(0) { $0 + $1.cells.count })
        #expect(try count("SELECT count(*) FROM rankings") == beijing.rankings.count)
        #expect(try count("SELECT count(*) FROM rankings WHERE report_id NOT IN (SELECT report_id FROM reports)") == 0)
        #expect(try all("SELECT DISTINCT substr(adcode, 1, 2) FROM regions") == ["11"])
        #expect(try count("SELECT sum(received) FROM report_metrics") == records.reduce(0) { $0 + ($1.requests[.new, .total] ?? 0) })
        // The year's summary lists every report of the year, whichever partition holds it.
        let year = CSVTable.parse(made["data/2024/reports.csv"]!)
        #expect(year.count - 1 == Self.dataset.reports.filter { $0.record.year == 2024 }.count)
    }

    @Test func aPartitionsJSONIsTheWholeFileEncodingOfItsReports() throws {
        struct File: Encodable {
            let schema = "govreport-dataset/1"
            let reports: [ReportsJSON.Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let whole = try encoder.encode(File(reports: Self.dataset.reports.map(ReportsJSON.Entry.init)))
        #expect(try ReportsJSON.data(Self.dataset.reports) == whole)
        #expect(try ReportsJSON.data([]) == encoder.encode(File(reports: [])))
    }

    static func digestsByKey(_ records: [ReportRecord], digests: [String: ContentHash]? = nil) -> [String: ContentHash?] {
        let dataset = Dataset(records: records, options: .init(minimumRequests: 1))
        return Dictionary(uniqueKeysWithValues: DownloadPlan(dataset, recordDigests: digests ?? Self.digests(records)).jobs.map { ($0.key, $0.digest()) })
    }

    @Test func aPartitionsDigestChangesOnlyWithWhatItHolds() {
        let before = Self.digestsByKey(Self.records())
        #expect(before == Self.digestsByKey(Self.records()), "the same inputs, the same digests")
        #expect(before.values.allSatisfy { $0 != nil })
        func changed(_ after: [String: ContentHash?]) -> [String] { before.keys.filter { before[$0]! != after[$0]! }.sorted() }

        // A cell no figure reads (the fee) changes in one report: only its partition's files change.
        let fee = Self.records().map { r -> ReportRecord in
            var r = r
            if r.source == "安徽省/瑶海区财政局-2024.txt" { r.active.fees10kYuan = 9 }
            return r
        }
        #expect(changed(Self.digestsByKey(fee)) == ["downloads/2024/340000"])

        // Requests received move a report past its peers in other provinces: their ranking places
        // change, so do their partitions and the year's summary.
        let moved = Self.digestsByKey(Self.records(receivedBy: { $0 == "北京市/朝阳区人民政府-2024.txt" ? 10_000 : nil }))
        let moves = changed(moved)
        #expect(moves.contains("downloads/2024/110000") && moves.contains("downloads/2024") && moves.contains("downloads/2024/440000"))
        #expect(!moves.contains { $0.hasPrefix("downloads/2023") })

        // Two reports in different provinces share their narrative (the same-year 雷同 check names
        // each on the other), then one is partly rewritten: their read keys stay, and so does the
        // number of findings, but the similarity they state changes, and so do both partitions.
        let words = Array("政府信息公开工作年度报告本机关认真贯彻落实条例要求主动依申请办理答复复议诉讼监督保障平台建设规范")
        let sentences = (0..<40).map { i in String((0..<14).map { words[(i * 7 + $0 * 13 + i * $0) % words.count] }) + "。" }
        func copied(rewriting n: Int) -> [ReportRecord] {
            Self.records().map { r in
                var r = r
                if r.source == "安徽省/瑶海区财政局-2024.txt" { r.narrative.overview = sentences.joined() }
                if r.source == "广东省/南山区教育局-2024.txt" {
                    r.narrative.overview = (sentences.dropLast(n) + (0..<n).map { "本年度共受理申请\($0 * 7)件，均在法定期限内答复。" }).joined()
                }
                return r
            }
        }
        func finding(_ records: [ReportRecord]) -> Diagnostic? {
            let report = Dataset(records: records, options: .init(minimumRequests: 1)).reports.first { $0.record.source == "安徽省/瑶海区财政局-2024.txt" }!
            return report.crossReportFindings == 1 ? report.record.diagnostics.last : nil
        }
        let (whole, part) = (finding(copied(rewriting: 0)), finding(copied(rewriting: 1)))
        #expect(whole?.code == "copied-text-same-year" && part?.code == "copied-text-same-year")
        #expect(whole?.message != part?.message)
        let (a, b) = (Self.digestsByKey(copied(rewriting: 0)), Self.digestsByKey(copied(rewriting: 1)))
        let rewrites = Set(a.keys.filter { a[$0]! != b[$0]! })
        #expect(rewrites.isSuperset(of: ["downloads/2024/340000", "downloads/2024/440000"]), "\(rewrites.sorted())")
        #expect(!rewrites.contains("downloads/2024/110000"))

        // A report without a record digest: its partition is never taken from the memo.
        var digests = Self.digests(Self.records())
        digests["无地区-2024.txt"] = nil
        let missing = Self.digestsByKey(Self.records(), digests: digests)
        #expect(missing["downloads/2024/unknown"]! == nil)
        #expect(missing["downloads/2024/110000"]! == before["downloads/2024/110000"]!)
    }
}
