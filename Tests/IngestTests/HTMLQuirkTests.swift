import Foundation
@testable import Ingest
import ReportModel
import Testing

/// Small hand-made web pages, one per quirk of real ones.
@Suite struct HTMLQuirkTests {
    static let sample = LayoutQuirkTests.sample

    static func record(_ html: String, source: String = "case.html") -> ReportRecord {
        switch ReportReader.read(data: Data(html.utf8), source: source) {
        case .report(let record): return record
        case .unread(let file): fatalError("unexpected unread: \(file.reason)")
        }
    }

    static func document(_ html: String) -> Document { HTMLReader.read(html) }

    @Test func mergedCellsAsTheFormatPrintsThem() {
        let record = Self.record(Self.sample.htmlPage())
        #expect(record.format == .html)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func rowspanBecomesAnEmptyCellAtItsPlaceAndColspanNoPadding() {
        let rows = Self.document(Self.sample.htmlPage()).tables[1].rows
        // 申请人情况's header: 勾稽 spans three rows and columns; 自然人 and 总计 two rows.
        #expect(rows[1].map(\.text) == ["", "自然人", "法人或其他组织", "总计"])
        #expect(rows[2].map(\.text) == ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        // 一、本年新收 spans three columns: its values follow it directly.
        #expect(rows[3].map(\.text) == ["一、本年新收政府信息公开申请数量", "41", "1", "0", "0", "61", "0", "103"])
        // 2. under （三）不予公开 (8 rows) under 三、本年度办理结果 (22 rows).
        #expect(rows[8].map(\.text).prefix(4) == ["", "", "2.其他法律行政法规禁止公开", "0"])
        #expect(rows[8].count == 10)
    }

    @Test func labelsRepeatedOnEveryCoveredRowInsteadOfSpans() {
        let record = Self.record(Self.sample.htmlPage(.repeated))
        LayoutQuirkTests.assertSampleValues(record)
        #expect(record.requests[.deniedStateSecret] == [0, 0, 0, 0, 0, 0, 0])
        #expect(record.requests[.unableNotHeld] == [9, 0, 0, 0, 16, 0, 25])
        #expect(record.active.licensing == 0 && record.active.fees10kYuan == 0)
        #expect(!record.diagnostics.contains { $0.code == "duplicate-row" || $0.code == "unknown-row" }, "\(record.diagnostics)")
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func blockLabelSpanningItsRowsOnTheLeft() {
        var sample = Self.sample
        sample.active[.licensing] = ["7"]
        sample.active[.fees] = ["12.5"]
        let document = Self.document(sample.htmlPage(.blockLabelOnTheLeft))
        #expect(document.tables[0].rows[0].map(\.text) == ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(document.tables[0].rows[1].map(\.text) == ["", "规章", "0", "0", "0"])
        let record = Self.record(sample.htmlPage(.blockLabelOnTheLeft))
        #expect(record.active.normativeDocuments == .init(issued: 1, repealed: 0, inForce: 5))
        #expect(record.active.licensing == 7)
        #expect(record.active.fees10kYuan == 12.5)
        #expect(record.formatVersion == .v2021)
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func lineBreaksParagraphsAndSpacesInsideCells() {
        // Word writes every cell as <p class=MsoNormal>; editors break numbers and labels with <br>.
        let page = Self.sample.htmlPage()
            .replacingOccurrences(of: "<td>103</td>", with: "<td><p class=MsoNormal><span lang=EN-US>&nbsp;</span></p><p class=MsoNormal><span lang=EN-US>103<o:p></o:p></span></p></td>")
            .replacingOccurrences(of: "<td>23</td>", with: "<td><br>23</td>")
            .replacingOccurrences(of: "<td>106</td>", with: "<td>&nbsp;106&nbsp;<br/></td>")
            .replacingOccurrences(of: "<td>商业企业</td>", with: "<td>商业<br>企业</td>")
        let record = Self.record(page)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
        let header = Self.document(page).tables[1].rows[2]
        #expect(header[2].text == "商业\n企业")
    }

    @Test func blankCellIsNullNeverZero() {
        var sample = Self.sample
        sample.requests[.new] = ["", "1", "0", "0", "61", "0", "103"]
        let record = Self.record(sample.htmlPage())
        #expect(record.requests[.new] == [nil, 1, 0, 0, 61, 0, 103])
        #expect(record.diagnostics.contains { $0.code == "blank-cell" && $0.where == "table 三, 本年新收, 自然人" })
    }

    @Test func dataTablesNestedInALayoutTable() {
        let page = """
            <html><body><table width="1000"><tr>
            <td class="left_menu"><table><tr><td><a>政府信息公开指南</a></td></tr><tr><td><a>政府信息公开年报</a></td></tr></table></td>
            <td><table width="100%"><tr><td class="dqwz">您现在的位置：首页 &gt;&gt; 政务公开</td></tr>
            <tr><td>\(Self.sample.htmlContent())</td></tr></table></td>
            </tr></table></body></html>
            """
        let document = Self.document(page)
        #expect(document.tables.count == 3, "only the innermost data tables are tables")
        #expect(document.paragraphs.first == Self.sample.title, "\(document.paragraphs.prefix(3))")
        #expect(!document.paragraphs.contains { $0.contains("政府信息公开指南") || $0.contains("您现在的位置") })
        LayoutQuirkTests.assertSampleValues(Self.record(page))
    }

    @Test func portalChromeIsNotReportText() {
        let page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>门户网站</title>
            <script>document.write("脚本里的2023年年度报告")</script><style>p { color: red }</style></head><body>
            <header><div class="logo">合肥市瑶海区人民政府</div></header>
            <nav><a>首页</a><a>政务公开</a></nav>
            <div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>
            <div class="wrapper"><article>
            <header><h1>\(Self.sample.title)</h1></header>
            <div class="info">发布时间：2025-01-20</div>
            <div id="zoom">\(Self.sample.htmlContent())</div>
            <div class="share">分享到：微信</div><div style="display:none">隐藏的文字</div>
            <footer>本文附件：无</footer></article>
            <aside>相关链接</aside></div>
            <footer class="footer">主办：合肥市瑶海区人民政府办公室 2025年1月1日</footer>
            <script>var counter = "浏览次数";</script>
            </body></html>
            """
        let document = Self.document(page)
        let text = document.paragraphs.joined(separator: "\n")
        for chrome in ["脚本", "color", "合肥市瑶海区人民政府\n", "首页", "当前位置", "分享到", "隐藏的文字", "相关链接", "主办", "浏览次数", "门户网站"] {
            #expect(!text.contains(chrome), "\(chrome) leaked into the text")
        }
        #expect(document.paragraphs.first == Self.sample.title, "the article's own <header> is kept")
        #expect(text.contains("本文附件：无"), "the article's own <footer> is kept")
        let record = Self.record(page)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(record.published == nil, "the footer's date is not the report's")
    }

    @Test func textOutsideTablesIsParagraphsInReadingOrder() {
        let page = "<body><div>总体情况<p>第一段</p>第二段<br>第三段<ul><li>第四段</li></ul><span>第五</span><b>段</b></div></body>"
        #expect(Self.document(page).paragraphs == ["总体情况", "第一段", "第二段", "第三段", "第四段", "第五段"])
    }

    @Test func sourceLineBreaksInsideChineseTextVanish() {
        // Word wraps its HTML source at ~76 columns, also between two Chinese characters.
        let page = "<p>瑶海区人民\n政府办公室  2024年\n度报告 <span lang=EN-US>Word\nHTML</span>&nbsp;&nbsp;完</p>"
        #expect(Self.document(page).paragraphs == ["瑶海区人民政府办公室 2024年度报告 Word HTML  完"])
    }

    @Test func wordConditionalsAndDataIslandsAreNotText() {
        let page = """
            <html><head><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>某人</o:Author></o:DocumentProperties></xml><![endif]--></head>
            <body><p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p>
            <p class=MsoNormal>正文<span style='display:none;mso-hide:all'>隐藏</span></p></body></html>
            """
        #expect(Self.document(page).paragraphs == ["正文"])
    }

    @Test func aPageWithoutTablesSaysSo() {
        let record = Self.record("<html><body><h1>\(Self.sample.title)</h1><p>本年度未制作表格。</p></body></html>")
        #expect(record.format == .html)
        #expect(record.agency == "瑶海区人民政府办公室")
        #expect(record.diagnostics.contains { $0.code == "no-tables" && $0.severity == .error })
    }

    @Test func brokenMarkupIsStillRead() {
        // Unclosed cells and rows, a stray </div>, unquoted attributes: libxml2 recovers as browsers do.
        let page = Self.sample.htmlPage().replacingOccurrences(of: "</td>", with: "").replacingOccurrences(of: "</tr>", with: "</div>")
        LayoutQuirkTests.assertSampleValues(Self.record(page))
    }

    @Test func spansBeyondTheTableAreClamped() {
        let document = Self.document("<table><tr><td rowspan=99999 colspan=0>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>")
        #expect(document.tables.first?.rows.map { $0.map(\.text) } == [["甲", "乙"], ["", "丙"]])
    }
}
