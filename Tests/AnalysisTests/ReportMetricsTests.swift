import Analysis
import ReportModel
import Testing

@Suite struct ReportMetricsTests {
    /// Rows are stored, hashed and compared by position (not by their raw strings): each row has
    /// its own slot, in the format's order, and no two rows are taken for one.
    @Test func requestRowsHaveOneSlotEachInTheFormatsOrder() {
        #expect(RequestRow.allCases.map(\.index) == Array(0..<25))
        #expect(Set(RequestRow.allCases).count == 25)
        var requests = Requests()
        for (i, row) in RequestRow.allCases.enumerated() { requests[row, .total] = i * 10 }
        #expect(RequestRow.allCases.map { requests[$0, .total] } == (0..<25).map { $0 * 10 })
        #expect(RequestRow.deniedStateSecret.group == .denied && RequestRow.new.group == nil && RequestRow.granted.group == .granted)
    }

    /// Seed 004's table 三 and 四 totals (瑶海区人民政府办公室 2024).
    static var yaohai: ReportRecord {
        var r = ReportRecord(source: "t.txt", format: .textCells)
        func set(_ row: RequestRow, _ total: Int, naturalPerson: Int? = nil) {
            var cells: [Int?] = [0, 0, 0, 0, 0, 0, total]
            cells[0] = naturalPerson ?? total
            r.requests[row] = cells
        }
        for row in RequestRow.allCases { set(row, 0) }
        set(.new, 103, naturalPerson: 41)
        set(.carriedOver, 5)
        set(.granted, 12)
        set(.partiallyGranted, 23)
        set(.deniedStateSecret, 1)
        set(.deniedProcessInformation, 1)
        set(.deniedLawEnforcementFile, 1)
        set(.deniedAdministrativeInquiry, 1)
        set(.unableNotHeld, 25)
        set(.unableNeedsCreation, 42)
        set(.total, 106)
        set(.carriedForward, 2)
        r.reviewsAndLawsuits.cells = [6, 8, 1, 1, 16, 0, 0, 0, 0, 0, 3, 0, 1, 1, 5]
        return r
    }

    @Test func requestRatesFollowTheDefinitions() {
        let m = ReportMetrics(Self.yaohai)
        #expect(m.received == 103 && m.workload == 108 && m.handled == 106)
        #expect(m.disclosureRate == Rate(35, over: 106))
        #expect(m.disclosureRate.formatted == "33.02%")
        #expect(m.releaseRate == Rate(35, over: 39), "(R1+R2)/(R1+R2+R3)")
        #expect(m.denialRate == Rate(4, over: 106))
        #expect(m.unavailableRate == Rate(67, over: 106))
        #expect(m.notHeldRate == Rate(25, over: 106))
        #expect(m.backlogRate == Rate(2, over: 108))
        #expect(m.clearanceRatio == Rate(106, over: 108))
        #expect(m.organisationShare == Rate(62, over: 103))
    }

    @Test func disputeRatesFollowTheDefinitions() {
        let m = ReportMetrics(Self.yaohai)
        #expect(m.reviews == 16 && m.lawsuits == 5)
        #expect(m.disputeRate == Rate(16, over: 103, scale: 100), "LA is left out: those cases went through review")
        #expect(m.disputeRate.formatted == "15.53")
        #expect(m.reviewCorrectionRate == Rate(8, over: 15), "over concluded cases")
        #expect(m.lawsuitCorrectionRate == Rate(0, over: 4))
        #expect(m.correctionRate == Rate(8, over: 19))
    }

    @Test func zeroDenominatorIsADashNotZeroOrHundred() {
        var r = Self.yaohai
        for row in RequestRow.allCases { r.requests[row] = [0, 0, 0, 0, 0, 0, 0] }
        let m = ReportMetrics(r)
        #expect(m.disclosureRate.value == nil)
        #expect(m.disclosureRate.formatted == "—")
        #expect(m.disclosureRate.reason == "分母为0")
    }

    @Test func blankOperandIsADashWithItsReason() {
        var r = Self.yaohai
        r.requests[.deniedThirdParty] = Requests.blankRow
        let m = ReportMetrics(r)
        #expect(m.denialRate.value == nil)
        #expect(m.denialRate.reason == "有空白数据，无法计算")
        #expect(m.disclosureRate.value != nil, "a blank denial row does not touch (R1+R2)/T")
    }
}
