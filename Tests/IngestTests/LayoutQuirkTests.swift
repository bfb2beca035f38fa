import Foundation
import Ingest
import ReportModel
import Testing

/// One small hand-made case for each layout quirk of docs/report-format.md ("What real files look like").
@Suite struct LayoutQuirkTests {
    /// A report whose cells are all distinct enough to tell apart.
    static var sample: ReportText {
        var r = ReportText()
        r.requests[.new] = ["41", "1", "0", "0", "61", "0", "103"]
        r.requests[.carriedOver] = ["5", "0", "0", "0", "0", "0", "5"]
        r.requests[.granted] = ["8", "0", "0", "0", "4", "0", "12"]
        r.requests[.partiallyGranted] = ["8", "0", "0", "0", "15", "0", "23"]
        r.requests[.unableNotHeld] = ["9", "0", "0", "0", "16", "0", "25"]
        r.requests[.otherNoFee] = ["0", "0", "0", "0", "0", "0", "0"]
        r.requests[.otherOther] = ["3", "0", "0", "0", "0", "0", "3"]
        r.requests[.total] = ["44", "1", "0", "0", "61", "0", "106"]
        r.requests[.carriedForward] = ["2", "0", "0", "0", "0", "0", "2"]
        r.disputes = ["6", "8", "1", "1", "16", "0", "0", "0", "0", "0", "3", "0", "1", "1", "5"]
        return r
    }

    static func assertSampleValues(_ record: ReportRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(record.requests[.new] == [41, 1, 0, 0, 61, 0, 103], sourceLocation: sourceLocation)
        #expect(record.requests[.partiallyGranted] == [8, 0, 0, 0, 15, 0, 23], sourceLocation: sourceLocation)
        #expect(record.requests[.otherOther] == [3, 0, 0, 0, 0, 0, 3], sourceLocation: sourceLocation)
        #expect(record.requests[.total] == [44, 1, 0, 0, 61, 0, 106], sourceLocation: sourceLocation)
        #expect(record.requests[.carriedForward] == [2, 0, 0, 0, 0, 0, 2], sourceLocation: sourceLocation)
        #expect(record.reviewsAndLawsuits.cells == [6, 8, 1, 1, 16, 0, 0, 0, 0, 0, 3, 0, 1, 1, 5], sourceLocation: sourceLocation)
        #expect(record.active.normativeDocuments == .init(issued: 1, repealed: 0, inForce: 5), sourceLocation: sourceLocation)
        #expect(record.agency == "瑶海区人民政府办公室", sourceLocation: sourceLocation)
        #expect(record.year == 2024, sourceLocation: sourceLocation)
        #expect(record.region.adcode == "340102", sourceLocation: sourceLocation)
    }

    static func warnings(_ record: ReportRecord) -> [Diagnostic] { record.diagnostics.filter { $0.severity >= .warning } }

    @Test func cellPerLineWithMergedCellsAsLeadingEmpties() {
        let record = Fixtures.record(text: Self.sample.cellPerLine())
        #expect(record.format == .textCells)
        Self.assertSampleValues(record)
        #expect(Self.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func pipeRowsWithHeaderCellsCutShort() {
        let record = Fixtures.record(text: Self.sample.pipeRows())
        #expect(record.format == .textPipes)
        Self.assertSampleValues(record)
        #expect(Self.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func wrappedCellTextJoinsItsLines() {
        // `商业\n企业` in a header, and a value on the line after its TAB (`\t\n23`).
        let text = Self.sample.cellPerLine()
            .replacingOccurrences(of: "\t商业企业\n", with: "\t商业\n企业\n")
            .replacingOccurrences(of: "\t23\n", with: "\t\n23\n")
        Self.assertSampleValues(Fixtures.record(text: text))
    }

    @Test func valueAfterABlankLineBelongsToTheEmptyCellBeforeIt() {
        var sample = Self.sample
        sample.requests[.otherNoFee] = ["0", "0", "0", "0", "0", "0", "77"]
        let text = sample.cellPerLine().replacingOccurrences(of: "\t77\n\n", with: "\t\n\n77\n\n")
        #expect(text.contains("\t\n\n77\n\n"))
        let record = Fixtures.record(text: text)
        #expect(record.requests[.otherNoFee] == [0, 0, 0, 0, 0, 0, 77])
        #expect(record.requests[.otherOther] == [3, 0, 0, 0, 0, 0, 3], "the next row is not shifted")
        #expect(record.diagnostics.contains { $0.code == "cell-after-blank-line" })
    }

    @Test func headingBetweenRowsDoesNotBreakTheTable() {
        let text = Self.sample.cellPerLine().replacingOccurrences(
            of: "\t三、本年度办理结果\n\t（一）予以公开", with: "\t\n\n\n三、本年度办理结果\n\t（一）予以公开")
        let record = Fixtures.record(text: text)
        Self.assertSampleValues(record)
        #expect(record.requests[.granted] == [8, 0, 0, 0, 4, 0, 12])
    }

    @Test func numbersWithSpacesThousandsSeparatorsAndFullWidthDigits() {
        var sample = Self.sample
        sample.requests[.partiallyGranted] = ["8", "0", "0", "0", "15", "0", "  23"]
        sample.active[.licensing] = ["61,950"]
        sample.active[.punishment] = ["８４９５"]
        sample.active[.coercion] = ["1 7"]
        sample.active[.fees] = ["2096.132"]
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.requests[.partiallyGranted][6] == 23)
        #expect(record.active.licensing == 61950)
        #expect(record.active.punishment == 8495)
        #expect(record.active.coercion == 17)
        #expect(record.active.fees10kYuan == 2096.132)
    }

    @Test func malformedThousandsSeparatorIsNotGuessed() {
        var sample = Self.sample
        sample.active[.licensing] = ["6,19,50"]
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.active.licensing == nil)
        #expect(record.diagnostics.contains { $0.code == "unreadable-cell" && $0.where == "table 二, 行政许可, 本年处理决定数量" })
    }

    @Test func blankCellIsNullWithADiagnosticNotZero() {
        var sample = Self.sample
        sample.active[.rules] = ["1", "", "5"]
        sample.requests[.granted] = ["8", "", "0", "0", "4", "0", "12"]
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.active.rules == .init(issued: 1, repealed: nil, inForce: 5))
        #expect(record.requests[.granted] == [8, nil, 0, 0, 4, 0, 12])
        #expect(record.diagnostics.contains { $0.code == "blank-cell" && $0.where == "table 二, 规章, 本年废止件数" })
        #expect(record.diagnostics.contains { $0.code == "blank-cell" && $0.where == "table 三, 予以公开, 商业企业" })
    }

    @Test func notApplicableMarksAreNullNotZero() {
        var sample = Self.sample
        sample.active[.licensing] = ["/"]
        sample.active[.punishment] = ["—"]
        sample.active[.coercion] = ["-"]
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.active.licensing == nil && record.active.punishment == nil && record.active.coercion == nil)
        #expect(record.diagnostics.filter { $0.code == "not-applicable" }.count == 3)
    }

    @Test func textInAValueCellIsUnreadableAndNamed() {
        var sample = Self.sample
        sample.requests[.deniedStateSecret] = ["无", "0", "0", "0", "0", "0", "0"]
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.requests[.deniedStateSecret] == [nil, 0, 0, 0, 0, 0, 0])
        let finding = record.diagnostics.first { $0.code == "unreadable-cell" }
        #expect(finding?.where == "table 三, 不予公开·属于国家秘密, 自然人")
        #expect(finding?.message.contains("无") == true)
    }

    @Test func traditionalCharactersPinyinGlossesAndQuestionMarkDebris() {
        var sample = Self.sample
        sample.title = "瑶海區(qū)人民政府辦公室"
        sample.opening = ["2024年政府信息公開工作年度報告", "?", "?一、總體情況", "本年度工作穩(wěn)步推進。"]
        let text = sample.pipeRows()
            .replacingOccurrences(of: "规章", with: "規(guī)章")
            .replacingOccurrences(of: "总计", with: "總計")
            .replacingOccurrences(of: "结转", with: "結轉")
            .replacingOccurrences(of: "行政复议", with: "行政復議")
            .replacingOccurrences(of: "危及“三安全一稳定”", with: "危及“三安全一穩(wěn)定”")
            .replacingOccurrences(of: "信息内容", with: "信息內容")
            .replacingOccurrences(of: "二、主动公开政府信息情况", with: "二、主動公開政府信息情況?")
        let record = Fixtures.record(text: text)
        Self.assertSampleValues(record)
        #expect(record.title == "瑶海区人民政府办公室2024年政府信息公开工作年度报告")
        #expect(Self.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func conversionDebrisBookmarkAndStrayPageNumber() {
        var sample = Self.sample
        sample.opening[2] = "[bookmark: _GoBack]本年度工作稳步推进。"
        sample.closing += ["2"]
        sample.title = "[bookmark: _GoBack]" + sample.title
        let record = Fixtures.record(text: sample.cellPerLine())
        Self.assertSampleValues(record)
        #expect(record.published == nil, "a page number is not a date")
    }

    @Test func signatureAndDateLineAfterSectionSix() {
        var sample = Self.sample
        sample.closing += ["", "                   合肥市瑶海区人民政府办公室", "                             2025年1月8日"]
        #expect(Fixtures.record(text: sample.cellPerLine()).published == "2025-01-08")
        sample.closing[sample.closing.count - 1] = "二〇二五年一月二十日"
        #expect(Fixtures.record(text: sample.cellPerLine()).published == "2025-01-20")
    }

    @Test func missingAndMisnumberedHeadings() {
        let text = Self.sample.cellPerLine()
            .replacingOccurrences(of: "二、主动公开政府信息情况\n", with: "")
            .replacingOccurrences(of: "三、收到和处理", with: "3、收到和处理")
            .replacingOccurrences(of: "四、政府信息公开行政复议", with: "   政府信息公开行政复议")
        Self.assertSampleValues(Fixtures.record(text: text))
    }

    @Test func carriedRowsUnderTheirOtherSpelling() {
        let text = Self.sample.cellPerLine()
            .replacingOccurrences(of: "二、上年结转", with: "二、上年转结")
            .replacingOccurrences(of: "四、结转下年度", with: "四、转结下年度")
        Self.assertSampleValues(Fixtures.record(text: text))
    }

    @Test func extraRowOfALocalVariantIsReportedNotFatal() {
        let text = Self.sample.cellPerLine().replacingOccurrences(
            of: "\t行政强制\n\t0\n\n", with: "\t行政强制\n\t0\n\n\t行政确认\n\t9\n\n")
        let record = Fixtures.record(text: text)
        Self.assertSampleValues(record)
        #expect(record.diagnostics.contains { $0.code == "unknown-row" && $0.where?.contains("行政确认") == true })
    }

    @Test func titleSplitAcrossTwoLines() {
        var sample = Self.sample
        sample.title = "2024年前进区人民政府"
        sample.opening.insert("政府信息公开工作年度报告", at: 0)
        let record = Fixtures.record(text: sample.cellPerLine())
        #expect(record.agency == "前进区人民政府")
        #expect(record.region.adcode == "230804")
    }

    @Test func sharedCountyNameIsAmbiguousUnlessTheTextSettlesIt() {
        var sample = Self.sample
        sample.title = "鼓楼区人民政府办公室2024年政府信息公开工作年度报告"
        let ambiguous = Fixtures.record(text: sample.cellPerLine())
        #expect(ambiguous.region.adcode == nil)
        #expect(ambiguous.region.county == nil)
        #expect(ambiguous.diagnostics.contains { $0.code == "region-ambiguous" })

        sample.opening[0] = "根据《条例》要求，南京市鼓楼区人民政府办公室编制本报告。"
        let settled = Fixtures.record(text: sample.cellPerLine())
        #expect(settled.region == Region(adcode: "320106", province: "江苏省", prefecture: "南京市", county: "鼓楼区"))
        #expect(!settled.diagnostics.contains { $0.code == "region-ambiguous" })
    }

    @Test func missingTableIsNullWithAnError() {
        let full = Self.sample.cellPerLine()
        let cut = String(full[..<full.range(of: "四、政府信息公开行政复议")!.lowerBound])
        let record = Fixtures.record(text: cut)
        #expect(record.reviewsAndLawsuits.isEntirelyBlank)
        #expect(record.diagnostics.contains { $0.code == "table-missing" && $0.where == "table 四" && $0.severity == .error })
        #expect(record.requests[.total] == [44, 1, 0, 0, 61, 0, 106], "the other tables are still read")
    }

    @Test func fileThatIsNotTextIsUnreadWithAReason() {
        // An executable's header (a ZIP header would be read as a damaged Word file instead).
        let binary = Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFE, 0x00])
        guard case .unread(let file) = ReportReader.read(data: binary, source: "x.txt") else {
            Issue.record("binary data must not be read as a report")
            return
        }
        #expect(file.source == "x.txt")
        #expect(file.reason.contains("二进制"))
        guard case .unread(let empty) = ReportReader.read(data: Data(), source: "empty.txt") else {
            Issue.record("an empty file is not a report")
            return
        }
        #expect(empty.reason.contains("空"))
    }
}
