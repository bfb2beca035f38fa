import Foundation
import Ingest
import ReportModel
import Testing
import ZIPFoundation

/// Word markup the way Word writes it, one feature at a time, read into the Document model.
@Suite struct DocxReaderTests {
    /// A .docx holding `body` (the inside of w:body), built in memory.
    static func docx(body: String, parts: [String: String] = [:]) throws -> Data {
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
        var files = [
            "[Content_Types].xml": """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """,
            "_rels/.rels": """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """,
            "word/document.xml": document,
        ]
        files.merge(parts) { $1 }
        return try zip(files)
    }

    /// A ZIP archive of text files, built in memory.
    static func zip(_ files: [String: String]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func read(_ body: String) throws -> Document {
        try DocumentReader.read(data: docx(body: body), fileName: "case.docx").get()
    }

    static func p(_ runs: String) -> String { "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(runs)</w:p>" }
    static func r(_ text: String) -> String { "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

    @Test func runsSplitMidWordAreJoined() throws {
        let body = Self.p(Self.r("瑶海区人民") + "<w:proofErr w:type=\"spellStart\"/>" + Self.r("政府办")
            + "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>" + Self.r("公室"))
        #expect(try Self.read(body).paragraphs == ["瑶海区人民政府办公室"])
    }

    @Test func tabsAndLineBreaks() throws {
        let body = Self.p(Self.r("瑶海区人民政府办公室") + "<w:r><w:tab/></w:r>" + Self.r("2024年报告")
            + "<w:r><w:br/></w:r>" + Self.r("第二行"))
        #expect(try Self.read(body).paragraphs == ["瑶海区人民政府办公室\t2024年报告", "第二行"])
    }

    @Test func fieldShowsItsResultNotItsInstruction() throws {
        let field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"yyyy年M月d日\" </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + Self.r("2025年1月8日") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        let simple = "<w:fldSimple w:instr=\" PAGE \">" + Self.r("3") + "</w:fldSimple>"
        #expect(try Self.read(Self.p(field) + Self.p(Self.r("第") + simple + Self.r("页"))).paragraphs == ["2025年1月8日", "第3页"])
    }

    @Test func trackedChangesShowTheTextAsItNowIs() throws {
        let body = Self.p(Self.r("本年新收") + "<w:del w:id=\"1\"><w:r><w:delText>102</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\">" + Self.r("103") + "</w:ins>" + Self.r("件"))
        #expect(try Self.read(body).paragraphs == ["本年新收103件"])
    }

    @Test func contentControlsAndHyperlinksAreReadThrough() throws {
        let body = "<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent>" + Self.p(Self.r("标题")) + "</w:sdtContent></w:sdt>"
            + Self.p("<w:hyperlink r:id=\"rId9\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + Self.r("网站") + "</w:hyperlink><w:sdt><w:sdtContent>" + Self.r("链接") + "</w:sdtContent></w:sdt>")
        #expect(try Self.read(body).paragraphs == ["标题", "网站链接"])
    }

    @Test func alternateContentIsReadOnce() throws {
        let body = Self.p("<mc:AlternateContent><mc:Choice Requires=\"wps\">" + Self.r("甲") + "</mc:Choice><mc:Fallback>"
            + Self.r("甲") + "</mc:Fallback></mc:AlternateContent>")
        #expect(try Self.read(body).paragraphs == ["甲"])
    }

    static func tc(_ text: String, _ properties: String = "") -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>\(properties)</w:tcPr>" + (text.isEmpty ? "<w:p/>" : p(r(text))) + "</w:tc>"
    }

    @Test func mergedCellsCoverTheirPositionsWithEmptyCells() throws {
        // 勾稽关系 spans 3 columns and 2 rows; 申请人情况 spans 2 columns; the row below continues.
        let table = "<w:tbl><w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"1000\"/>", count: 5) + "</w:tblGrid>"
            + "<w:tr>" + Self.tc("勾稽关系", "<w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/>")
            + Self.tc("申请人情况", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "<w:tr>" + Self.tc("", "<w:gridSpan w:val=\"3\"/><w:vMerge/>") + Self.tc("自然人") + Self.tc("总计") + "</w:tr>"
            + "<w:tr>" + Self.tc("一、本年新收", "<w:gridSpan w:val=\"3\"/>") + Self.tc("4") + Self.tc("") + "</w:tr></w:tbl>"
        let document = try Self.read(table)
        let rows = try #require(document.tables.first).rows
        #expect(rows.map { $0.map(\.text) } == [
            ["勾稽关系", "", "", "申请人情况", ""],
            ["", "", "", "自然人", "总计"],
            ["一、本年新收", "", "", "4", ""],
        ])
        #expect(rows.map { $0.map(\.coveredFromLeft) } == [
            [false, true, true, false, true],
            [false, true, true, false, false],
            [false, true, true, false, false],
        ], "positions a gridSpan covers are marked; the vMerge continuation and a blank cell are not")
    }

    @Test func cellParagraphsAndBreaksBecomeLinesOfTheCell() throws {
        let cell = "<w:tc><w:p>" + Self.r("商业") + "<w:r><w:br/></w:r>" + Self.r("企业") + "</w:p><w:p>" + Self.r("（单位）") + "</w:p></w:tc>"
        let document = try Self.read("<w:tbl><w:tr>\(cell)</w:tr></w:tbl>")
        #expect(document.tables.first?.rows.first?.first?.text == "商业\n企业\n（单位）")
    }

    @Test func rowsInContentControlsAndDeletedRows() throws {
        let table = "<w:tbl><w:sdt><w:sdtContent><w:tr>" + Self.tc("甲") + "</w:tr></w:sdtContent></w:sdt>"
            + "<w:tr><w:trPr><w:del w:id=\"3\"/></w:trPr>" + Self.tc("已删除") + "</w:tr>"
            + "<w:tr><w:sdt><w:sdtContent>" + Self.tc("乙") + "</w:sdtContent></w:sdt></w:tr></w:tbl>"
        #expect(try Self.read(table).tables.first?.rows.map { $0.map(\.text) } == [["甲"], ["乙"]])
    }

    @Test func aTableHoldingTablesIsALayoutFrame() throws {
        let inner = "<w:tbl><w:tr>" + Self.tc("规章") + Self.tc("0") + "</w:tr></w:tbl>"
        let frame = "<w:tbl><w:tr><w:tc>" + Self.p(Self.r("二、主动公开政府信息情况")) + inner + "</w:tc></w:tr></w:tbl>"
        let document = try Self.read(frame)
        #expect(document.paragraphs == ["二、主动公开政府信息情况"])
        #expect(document.tables.map { $0.rows.map { $0.map(\.text) } } == [[["规章", "0"]]])
        #expect(document.diagnostics.contains { $0.code == "docx-nested-table" })
    }

    @Test func theMainPartIsFoundThroughThePackageRelationships() throws {
        var data = try Self.docx(body: Self.p(Self.r("旧的")), parts: [
            "_rels/.rels": """
            <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>
            """,
            "word/main.xml": """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>
            """,
        ])
        #expect(try DocumentReader.read(data: data, fileName: "x.docx").get().paragraphs == ["正文"])
        data = try Self.docx(body: Self.p(Self.r("正文")))
        #expect(try DocumentReader.read(data: data, fileName: "no-extension").get().format == .docx, "detected by content")
    }

    @Test func aWordTableReadsLikeWordsTextExport() throws {
        // The 2021 tables as Word writes them (merged label cells) give the same record as the
        // cell-per-line text of the same report.
        let sample = LayoutQuirkTests.sample
        let text = Fixtures.record(text: sample.cellPerLine())
        let record = ReportRecognizer.recognize(try Self.read(WordTables.body(sample)), source: "case.docx")
        #expect(record.format == .docx)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(record.requests == text.requests)
        #expect(record.active == text.active)
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
    }
}

/// The national tables in WordprocessingML, with the merges of the official template.
enum WordTables {
    static func body(_ r: ReportText) -> String {
        var out = ([r.title] + r.opening + ["二、主动公开政府信息情况"]).map { DocxReaderTests.p(DocxReaderTests.r($0)) }.joined()
        func row(_ cells: [(String, Int)], vMerge: [Int: Bool] = [:]) -> String {
            "<w:tr>" + cells.enumerated().map { i, cell in
                var pr = cell.1 > 1 ? "<w:gridSpan w:val=\"\(cell.1)\"/>" : ""
                if let restart = vMerge[i] { pr += restart ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>" }
                return DocxReaderTests.tc(cell.0, pr)
            }.joined() + "</w:tr>"
        }
        func one(_ s: [String]) -> [(String, Int)] { s.map { ($0, 1) } }
        var t2 = "<w:tbl>"
        let blocks: [(String, [String], [(String, [String])])] = [
            ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], [("规章", r.active[.rules]!), ("行政规范性文件", r.active[.normativeDocuments]!)]),
            ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", r.active[.licensing]!)]),
            ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", r.active[.punishment]!), ("行政强制", r.active[.coercion]!)]),
            ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", r.active[.fees]!)]),
        ]
        for (title, header, rows) in blocks {
            t2 += row([(title, 4)])
            t2 += row([("信息内容", 1)] + (header.count == 1 ? [(header[0], 3)] : one(header)))
            for (label, values) in rows { t2 += row([(label, 1)] + (values.count == 1 ? [(values[0], 3)] : one(values))) }
        }
        out += t2 + "</w:tbl>" + DocxReaderTests.p(DocxReaderTests.r("三、收到和处理政府信息公开申请情况"))
        var t3 = "<w:tbl>"
        t3 += row([("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), ("申请人情况", 7)], vMerge: [0: true])
        t3 += row([("", 3), ("自然人", 1), ("法人或其他组织", 5), ("总计", 1)], vMerge: [0: false, 1: true, 3: true])
        t3 += row([("", 3), ("", 1)] + one(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + [("", 1)],
                  vMerge: [0: false, 1: false, 7: false])
        for key in RequestRow.allCases {
            let values = one(r.requestCells(key))
            switch key {
            case .new, .carriedOver, .carriedForward:
                t3 += row([(key.label, 3)] + values)
            case .granted:
                t3 += row([("三、本年度办理结果", 1), (key.label, 2)] + values, vMerge: [0: true])
            case .partiallyGranted, .total:
                t3 += row([("", 1), (key.label, 2)] + values, vMerge: [0: false])
            default:
                let first = key.group!.rows.first == key
                t3 += row([("", 1), (first ? key.group!.label : "", 1), (key.label, 1)] + values, vMerge: [0: false, 1: first])
            }
        }
        out += t3 + "</w:tbl>" + DocxReaderTests.p(DocxReaderTests.r("四、政府信息公开行政复议、行政诉讼情况"))
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        var t4 = "<w:tbl>" + row([("行政复议", 5), ("行政诉讼", 10)])
        t4 += row(one(outcomes) + [("未经复议直接起诉", 5), ("复议后起诉", 5)], vMerge: [0: true, 1: true, 2: true, 3: true, 4: true])
        t4 += row(one(["", "", "", "", ""]) + one(outcomes + outcomes), vMerge: [0: false, 1: false, 2: false, 3: false, 4: false])
        t4 += row(one(r.disputes)) + "</w:tbl>"
        out += t4 + r.closing.map { DocxReaderTests.p(DocxReaderTests.r($0)) }.joined()
        return out
    }
}
