import Ingest
import ReportModel
import Testing

@Suite struct NarrativeTests {
    @Test func countsStatedInTheTextOfSeed004() throws {
        let narrative = try Fixtures.record(seed: "004_26e628ebac378d18").narrative
        let stated = Dictionary(narrative.statedCounts.map { ($0.subject, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(stated[.requestsReceived] == 103)
        #expect(stated[.reviews] == 16)
        #expect(stated[.lawsuits] == 5)
    }

    @Test func countsStatedInTheTextOfSeed003() throws {
        let stated = try Fixtures.record(seed: "003_27ef94279877d414").narrative.statedCounts
        #expect(stated.contains { $0.subject == .requestsReceived && $0.value == 1 && $0.quote.contains("收到依申请公开1个") })
        #expect(stated.contains { $0.subject == .normativeIssued && $0.value == 0 })
    }

    @Test func sectionsAreTheTextUnderTheirHeadings() throws {
        let narrative = try Fixtures.record(seed: "002_d0051cf01b0f959b").narrative
        #expect(narrative.overview.hasPrefix("(一)提高认识,加强组织领导") || narrative.overview.hasPrefix("（一）提高认识"))
        #expect(narrative.overview.contains("2024年度,我街道共公开政务信息209条") || narrative.overview.contains("共公开政务信息209条"))
        #expect(!narrative.overview.contains("第二十条"), "table cells are not narrative")
        #expect(narrative.problems.contains("改进措施"))
        #expect(!narrative.problems.contains("信息处理费"), "section 六 is not part of section 五")
    }

    @Test func statedZeroForReviewsAndLawsuits() {
        var text = LayoutQuirkTests.sample
        text.opening.append("本年度未发生政府信息公开行政复议、行政诉讼案件。")
        let stated = Fixtures.record(text: text.cellPerLine()).narrative.statedCounts
        #expect(stated.contains { $0.subject == .reviews && $0.value == 0 })
        #expect(stated.contains { $0.subject == .lawsuits && $0.value == 0 })
    }
}
