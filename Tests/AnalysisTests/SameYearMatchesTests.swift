import Analysis
import ReportModel
import Testing

/// The same-year matches (the pair scoring of the 雷同 check) are taken from an earlier run only
/// when nothing they are worked out from changed, and then give exactly what working them out does.
@Suite struct SameYearMatchesTests {
    /// Four organs of one year, two of which share their narrative, and one organ's previous year.
    static func records() -> [ReportRecord] {
        let narratives = [CheckRuleTests.narrativeA, CheckRuleTests.narrativeA + "本年度无其他情况。", CheckRuleTests.narrativeB,
                          CheckRuleTests.narrativeB + CheckRuleTests.narrativeA]
        var records = ["甲区人民政府办公室", "乙区人民政府办公室", "丙街道办事处", "丁区教育局"].enumerated().map { i, agency in
            var r = CheckRuleTests.consistent(agency: agency)
            r.narrative.overview = narratives[i]
            return r
        }
        var lastYear = CheckRuleTests.consistent(agency: "丙街道办事处", year: 2023)
        lastYear.narrative.overview = CheckRuleTests.narrativeB
        records.append(lastYear)
        return records
    }

    /// What a user sees of the checks: every report's findings and similarity figures.
    static func seen(_ dataset: Dataset) -> [[String]] {
        dataset.reports.map { report in
            report.record.diagnostics.map { "\($0.code) \($0.message)" } + [
                "\(report.similarity.sameYear.map { "\($0)" } ?? "-") \(report.similarity.sameYearSource ?? "-")",
                "\(report.similarity.previousYear.map { "\($0)" } ?? "-") \(report.similarity.previousYearSource ?? "-")",
            ]
        }
    }

    @Test func aCorrectedTableOrARenamedOrganReusesTheMatches() {
        let first = Dataset(records: Self.records())
        #expect(!first.sameYearMatches.reused)
        #expect(first.reports.contains { $0.record.diagnostics.contains { $0.code == "copied-text-same-year" } })
        var corrected = Self.records()
        corrected[0].requests[.new] = [104, 0, 0, 0, 0, 0, 104]
        corrected[1].agency = "戊区人民政府办公室"
        let again = Dataset(records: corrected, matches: first.sameYearMatches)
        #expect(again.sameYearMatches.reused)
        #expect(again.sameYearMatches.key == first.sameYearMatches.key)
        let fresh = Dataset(records: corrected)
        #expect(Self.seen(again) == Self.seen(fresh))
        // The correction shows: the reused matches are not a stale dataset.
        #expect(again.reports.contains { $0.record.diagnostics.contains { $0.code.hasPrefix("identity") || $0.severity == .error } }
            == fresh.reports.contains { $0.record.diagnostics.contains { $0.code.hasPrefix("identity") || $0.severity == .error } })
    }

    @Test(arguments: ["narrative", "organ", "source", "year", "removed"])
    func anythingTheMatchesReadWorksThemOutAgain(_ change: String) {
        let first = Dataset(records: Self.records())
        var changed = Self.records()
        switch change {
        case "narrative": changed[3].narrative.overview = CheckRuleTests.narrativeA
        // Two organs become one (only which reports are one organ counts, not what it is called).
        case "organ": changed[1].agency = changed[0].agency
        case "source": changed[2].source = "改名/丙街道办事处-2024.txt"
        case "year": changed[3].year = 2023
        default: changed.remove(at: 2)
        }
        let again = Dataset(records: changed, matches: first.sameYearMatches)
        #expect(!again.sameYearMatches.reused)
        #expect(again.sameYearMatches.key != first.sameYearMatches.key)
        #expect(Self.seen(again) == Self.seen(Dataset(records: changed)))
    }

    @Test func byteFormRoundTripsAndRefusesDamage() throws {
        let matches = Dataset(records: Self.records()).sameYearMatches
        var out = ByteWriter()
        matches.write(to: &out)
        let bytes = out.bytes
        let back = try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return try SameYearMatches(reading: &reader)
        }
        #expect(back.key == matches.key && back.other == matches.other && back.score == matches.score)
        #expect(matches.other.contains { $0 >= 0 })
        for cut in [1, 17, bytes.count - 1] {
            #expect(throws: (any Error).self) {
                try Array(bytes.prefix(cut)).withUnsafeBytes { raw in
                    var reader = ByteReader(raw)
                    _ = try SameYearMatches(reading: &reader)
                }
            }
        }
    }
}
