import Analysis
import ReportModel
import Testing

/// Each check fires where it should and stays quiet where it should not.
@Suite struct CheckRuleTests {
    /// A report whose tables satisfy every identity (all applicants natural persons).
    static func consistent(agency: String = "瑶海区人民政府办公室", year: Int = 2024) -> ReportRecord {
        var r = ReportRecord(source: "\(agency)-\(year).txt", format: .textCells, agency: agency, year: year,
                             region: Region(adcode: "340102", province: "安徽省", prefecture: "合肥市", county: "瑶海区"))
        let totals: [RequestRow: Int] = [
            .new: 103, .carriedOver: 5, .granted: 12, .partiallyGranted: 23, .deniedStateSecret: 4,
            .unableNotHeld: 25, .unableNeedsCreation: 42, .total: 106, .carriedForward: 2,
        ]
        for row in RequestRow.allCases {
            let v = totals[row] ?? 0
            r.requests[row] = [v, 0, 0, 0, 0, 0, v]
        }
        r.reviewsAndLawsuits.cells = [6, 8, 1, 1, 16, 0, 0, 0, 0, 0, 3, 0, 1, 1, 5]
        r.active.rules = .init(issued: 0, repealed: 0, inForce: 0)
        r.active.normativeDocuments = .init(issued: 1, repealed: 0, inForce: 5)
        return r
    }

    static func codes(_ r: ReportRecord) -> [String] { ReportChecks.run(r).findings.map(\.code) }

    @Test func consistentReportHasNoFindings() {
        let result = ReportChecks.run(Self.consistent())
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.identities.allSatisfy { $0.status == .passed })
    }

    @Test func balanceIdentityNamesColumnAndDifference() {
        var r = Self.consistent()
        r.requests[.carriedForward, .naturalPerson] = 4
        r.requests[.carriedForward, .total] = 4
        let findings = ReportChecks.run(r).findings.filter { $0.code == "identity-balance" }
        #expect(findings.count == 2)
        let natural = findings.first { $0.where?.hasSuffix("自然人") == true }
        #expect(natural?.expected == "108" && natural?.found == "110")
        #expect(natural?.message.contains("相差-2") == true)
        #expect(natural?.severity == .error)
    }

    @Test func outcomesSumIdentity() {
        var r = Self.consistent()
        r.requests[.granted] = [13, 0, 0, 0, 0, 0, 13]
        #expect(Self.codes(r).contains("identity-outcomes-sum"))
        #expect(!Self.codes(Self.consistent()).contains("identity-outcomes-sum"))
    }

    @Test func applicantsSumIdentity() {
        var r = Self.consistent()
        r.requests[.granted] = [12, 1, 0, 0, 0, 0, 12]
        let finding = ReportChecks.run(r).findings.first { $0.code == "identity-applicants-sum" }
        #expect(finding?.where == "table 三, 各类申请人之和 = 总计列, 予以公开")
    }

    @Test func disputesSumIdentity() {
        var r = Self.consistent()
        r.reviewsAndLawsuits[.review, .total] = 17
        #expect(ReportChecks.run(r).findings.contains { $0.code == "identity-disputes-sum" && $0.where?.hasSuffix("行政复议") == true })
    }

    @Test func blankOperandIsNotAssessableNeverFailed() {
        var r = Self.consistent()
        r.requests[.carriedOver, .naturalPerson] = nil
        let result = ReportChecks.run(r)
        let balance = result.identities.first { $0.identity == .balance && $0.scope == "自然人" }
        #expect(balance?.status == .notAssessable)
        #expect(!result.findings.contains { $0.code == "identity-balance" })
        #expect(result.findings.contains { $0.code == "identity-not-assessable" && $0.severity == .info })
    }

    @Test func negativeValue() {
        var r = Self.consistent()
        r.active.punishment = -3
        #expect(Self.codes(r).contains("negative-value"))
        #expect(!Self.codes(Self.consistent()).contains("negative-value"))
    }

    @Test func rateAboveHundredPercent() {
        var r = Self.consistent()
        r.reviewsAndLawsuits.cells = [0, 9, 0, 1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        // 9 corrected out of 4 concluded reviews.
        #expect(Self.codes(r).contains("rate-above-100"))
        #expect(!Self.codes(Self.consistent()).contains("rate-above-100"))
    }

    @Test func carriedForwardAboveWorkload() {
        var r = Self.consistent()
        r.requests[.carriedForward] = [200, 0, 0, 0, 0, 0, 200]
        #expect(Self.codes(r).contains("carried-forward-above-workload"))
        #expect(!Self.codes(Self.consistent()).contains("carried-forward-above-workload"))
    }

    @Test func rulesFromAnOrganThatCannotMakeThem() {
        var county = Self.consistent()
        county.active.rules = .init(issued: 1, repealed: nil, inForce: 5)
        #expect(Self.codes(county).filter { $0 == "rules-below-level" }.count == 2)

        var city = county
        city.region = Region(adcode: "340100", province: "安徽省", prefecture: "合肥市")
        #expect(!Self.codes(city).contains("rules-below-level"), "a city may make 规章")
    }

    @Test func totalsWithoutPartsAndPartsWithoutTotals() {
        var r = Self.consistent()
        r.requests[.deniedThirdParty, .commercial] = nil
        #expect(ReportChecks.run(r).findings.contains { $0.code == "total-without-parts" && $0.where?.hasSuffix("商业企业") == true })
        var s = Self.consistent()
        s.reviewsAndLawsuits[.lawsuitDirect, .total] = nil
        #expect(ReportChecks.run(s).findings.contains { $0.code == "parts-without-total" })
        #expect(!Self.codes(Self.consistent()).contains { $0.hasSuffix("without-parts") || $0.hasSuffix("without-total") })
    }

    @Test func narrativeAgainstTables() {
        var r = Self.consistent()
        r.narrative.statedCounts = [
            StatedCount(subject: .requestsReceived, value: 103, quote: "新受理政府信息公开申请103件"),
            StatedCount(subject: .reviews, value: 15, quote: "行政复议15件"),
            StatedCount(subject: .lawsuits, value: 5, quote: "行政诉讼5件"),
        ]
        let findings = ReportChecks.run(r).findings.filter { $0.code == "narrative-mismatch" }
        #expect(findings.count == 1)
        #expect(findings.first?.expected == "16" && findings.first?.found == "15")
    }

    @Test func publicationDeadlines() {
        var department = Self.consistent()
        department.published = "2025-02-10"
        #expect(ReportChecks.run(department).findings.first { $0.code == "published-late" }?.expected == "≤2025-01-31")
        department.published = "2025-01-08"
        #expect(!Self.codes(department).contains("published-late"))

        var government = Self.consistent(agency: "瑶海区人民政府")
        government.published = "2025-03-20"
        #expect(!Self.codes(government).contains("published-late"), "a government's report is due by 31 March")
        government.published = "2025-04-02"
        #expect(Self.codes(government).contains("published-late"))
    }

    @Test func carriedOverAgainstLastYearsCarriedForward() {
        let last = Self.consistent(year: 2023)
        var now = Self.consistent(year: 2024)
        #expect(CrossYearRules.findings(current: now, previous: last).filter { $0.code == "carry-over-mismatch" }.count == 2,
                "5 carried over, but 2 carried forward last year (natural person and total columns)")
        now.requests[.carriedOver] = [2, 0, 0, 0, 0, 0, 2]
        now.requests[.new] = [106, 0, 0, 0, 0, 0, 106]
        now.active.normativeDocuments = .init(issued: 1, repealed: 0, inForce: 6)
        #expect(CrossYearRules.findings(current: now, previous: last).isEmpty)
    }

    @Test func inForceAgainstLastYear() {
        let last = Self.consistent(year: 2023)
        var now = Self.consistent(year: 2024)
        now.requests[.carriedOver] = [2, 0, 0, 0, 0, 0, 2]
        now.active.normativeDocuments = .init(issued: 1, repealed: 0, inForce: 6)
        #expect(CrossYearRules.findings(current: now, previous: last).isEmpty)
        now.active.normativeDocuments = .init(issued: 1, repealed: 0, inForce: 9)
        let finding = CrossYearRules.findings(current: now, previous: last).first
        #expect(finding?.code == "in-force-mismatch" && finding?.severity == .warning && finding?.expected == "6")
    }

    static let narrativeA = String(repeating: "区政府办公室认真贯彻落实政务公开工作要点，坚持以公开为常态、不公开为例外，持续深化决策执行管理服务结果公开。", count: 3)
    static let narrativeB = "街道通过召开党工委会议和政务公开领导小组会议研究部署相关工作，及时调整公开指南和公开目录，明确有关科室公开事项和责任人，严格按照规定的公开类别和公开程序发布信息。"

    @Test func copiedNarrativeAcrossOrgansAndYears() {
        var a = Self.consistent(agency: "甲区人民政府办公室")
        a.narrative.overview = Self.narrativeA
        var b = Self.consistent(agency: "乙区人民政府办公室")
        b.narrative.overview = Self.narrativeA + "本年度无其他情况。"
        var c = Self.consistent(agency: "丙街道办事处")
        c.narrative.overview = Self.narrativeB
        var lastYear = Self.consistent(agency: "丙街道办事处", year: 2023)
        lastYear.narrative.overview = Self.narrativeB

        let result = DatasetChecks.run([a, b, c, lastYear])
        #expect(result.findings[0].contains { $0.code == "copied-text-same-year" })
        #expect(result.findings[1].contains { $0.code == "copied-text-same-year" })
        #expect((result.similarity[0].sameYear ?? 0) >= 0.8)
        #expect(result.similarity[0].sameYearSource == b.source)
        #expect(!result.findings[2].contains { $0.code == "copied-text-same-year" }, "丙's text is its own")
        #expect(result.findings[2].contains { $0.code == "copied-text-previous-year" }, "丙 copied last year's report")
        #expect(result.similarity[2].previousYear == 1.0)
    }

    @Test func sketchEstimatesSimilarity() {
        let a = TextSketch(Self.narrativeA)!, b = TextSketch(Self.narrativeB)!
        #expect(a.similarity(to: a) == 1.0)
        #expect(a.similarity(to: b) < 0.2)
        #expect(TextSketch("无") == nil, "too short to judge")
    }
}
