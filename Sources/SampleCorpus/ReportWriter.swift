import Foundation
import ReportModel

/// Writes a report record in the layouts real files use, the way publishers produce them, so a
/// generated corpus exercises the readers exactly as downloaded files do.
public struct ReportWriter: Sendable {
    /// Every input layout and format the readers support; `publish sample` writes all of them,
    /// in the shares of `FormatMix.standard` unless told otherwise.
    ///
    /// Extension point for new formats: add a case with its `fileExtension`, make its bytes in
    /// `data(_:)` (binary formats there; the text layouts go through `text(_:)`), give it a share
    /// in `FormatMix.standard`, and `SampleCorpusTests` reads it back.
    public enum Layout: String, Sendable, CaseIterable {
        /// A Word table saved as text: a cell per line opening with TAB.
        case textCells = "text-cells"
        /// A web page saved as text: `label | v | v |`.
        case textPipes = "text-pipes"
        /// A portal page: HTML tables with rowspan/colspan.
        case html
        /// Markdown with GFM pipe tables.
        case markdown
        /// A Word file: tables as `w:tbl` with merged cells (DocxWriter).
        case docx
        /// A PDF as Word prints it: positioned text and ruled tables (PDFReportWriter).
        case pdf

        public var fileExtension: String {
            switch self {
            case .textCells, .textPipes: return "txt"
            case .html: return "html"
            case .markdown: return "md"
            case .docx: return "docx"
            case .pdf: return "pdf"
            }
        }

        /// True for the formats whose bytes are not text.
        public var isBinary: Bool { self == .docx || self == .pdf }
    }

    public let record: ReportRecord
    /// Paragraphs before the tables (section 一) and after them (sections 五 and 六, signature).
    public let opening: [String]
    public let closing: [String]

    public init(record: ReportRecord, opening: [String], closing: [String]) {
        self.record = record
        self.opening = opening
        self.closing = closing
    }

    public var title: String { record.title ?? "\(record.agency ?? "")\(record.year.map { "\($0)年" } ?? "")政府信息公开工作年度报告" }

    /// The file's bytes in `layout`.
    public func data(_ layout: Layout) -> Data {
        switch layout {
        case .docx: return DocxWriter(writer: self).data()
        case .pdf: return PDFReportWriter(writer: self).data()
        case .textCells, .textPipes, .html, .markdown: return Data(text(layout)!.utf8)
        }
    }

    /// The text of a text layout; nil for the binary formats.
    public func text(_ layout: Layout) -> String? {
        switch layout {
        case .textCells: return cellPerLine()
        case .textPipes: return pipeRows()
        case .html: return html()
        case .markdown: return markdown()
        case .docx, .pdf: return nil
        }
    }

    // MARK: The tables as rows of cell texts, merged cells as empty strings

    static func text(_ v: Int?) -> String { v.map(String.init) ?? "" }
    static func text(_ v: Double?) -> String {
        guard let v else { return "" }
        return v.rounded() == v ? String(Int(v)) : String(v)
    }

    /// Table 二: (anchor row, header row, item rows) per Article 20 block.
    var activeBlocks: [(String, [String], [[String]])] {
        let a = record.active
        return [
            (ActiveItem.rules.article20Item, ["信息内容", ActiveColumn.issued.label, ActiveColumn.repealed.label, ActiveColumn.inForce.label], [
                [ActiveItem.rules.label, Self.text(a.rules.issued), Self.text(a.rules.repealed), Self.text(a.rules.inForce)],
                [ActiveItem.normativeDocuments.label, Self.text(a.normativeDocuments.issued), Self.text(a.normativeDocuments.repealed),
                 Self.text(a.normativeDocuments.inForce)],
            ]),
            (ActiveItem.licensing.article20Item, ["信息内容", ActiveColumn.decisions.label], [[ActiveItem.licensing.label, Self.text(a.licensing)]]),
            (ActiveItem.punishment.article20Item, ["信息内容", ActiveColumn.decisions.label], [
                [ActiveItem.punishment.label, Self.text(a.punishment)], [ActiveItem.coercion.label, Self.text(a.coercion)],
            ]),
            (ActiveItem.fees.article20Item, ["信息内容", ActiveColumn.feeAmount.label], [[ActiveItem.fees.label, Self.text(a.fees10kYuan)]]),
        ]
    }

    /// The label cells of a table 三 row as a Word table has them: merged group cells are empty.
    static func requestLabelCells(_ key: RequestRow) -> [String] {
        switch key {
        case .new, .carriedOver, .carriedForward: return [key.label]
        case .granted: return ["三、本年度办理结果", key.label]
        case .partiallyGranted, .total: return ["", key.label]
        default:
            let group = key.group!
            return ["", group.rows.first == key ? group.label : "", key.label]
        }
    }

    var requestRows: [(RequestRow, [String])] {
        RequestRow.allCases.map { row in (row, record.requests[row].map(Self.text)) }
    }

    var disputeValues: [String] { record.reviewsAndLawsuits.cells.map(Self.text) }

    static let identityNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    // MARK: Layouts

    func cellPerLine() -> String {
        var lines = [title, ""] + opening + ["二、主动公开政府信息情况"]
        func row(_ cells: [String]) { lines += cells.map { "\t" + $0 } + [""] }
        for (anchor, header, items) in activeBlocks {
            row([anchor])
            row(header)
            items.forEach(row)
        }
        lines += ["", "三、收到和处理政府信息公开申请情况"]
        row([Self.identityNote, "申请人情况"])
        row(["", ApplicantColumn.naturalPerson.label, ApplicantColumn.organisationsLabel, ApplicantColumn.total.label])
        row(["", ""] + ApplicantColumn.allCases.dropFirst().dropLast().map { $0.label.count == 4 ? String($0.label.prefix(2)) + "\n" + $0.label.dropFirst(2) : $0.label } + [""])
        for (key, values) in requestRows { row(Self.requestLabelCells(key) + values) }
        lines += ["", "四、政府信息公开行政复议、行政诉讼情况"]
        row(["行政复议", "行政诉讼"])
        row(DisputeOutcome.allCases.map(\.label) + ["未经复议直接起诉", "复议后起诉"])
        row(Array(repeating: "", count: 5) + Array(repeating: DisputeOutcome.allCases.map(\.label), count: 2).flatMap { $0 })
        row(disputeValues)
        lines += [""] + closing
        return lines.joined(separator: "\n") + "\n"
    }

    func pipeRows() -> String {
        var lines = [title] + opening + ["二、主动公开政府信息情况"]
        func row(_ cells: [String]) { lines.append(cells.joined(separator: " | ") + " |") }
        for (anchor, header, items) in activeBlocks {
            row([anchor] + Array(repeating: "", count: header.count - 1))
            row(header)
            items.forEach(row)
        }
        lines += ["?", "三、收到和处理政府信息公开申请情况"]
        row([Self.identityNote, "申请人情况", "", "", "", "", ""])
        row([ApplicantColumn.naturalPerson.label, ApplicantColumn.organisationsLabel, ApplicantColumn.total.label, "", "", "", ""])
        row(ApplicantColumn.allCases.dropFirst().dropLast().map(\.label) + ["", ""])
        for (key, values) in requestRows { row(Self.requestLabelCells(key).filter { !$0.isEmpty } + values) }
        lines += ["?", "四、政府信息公开行政复议、行政诉讼情况"]
        row(["行政复议", "行政诉讼"] + Array(repeating: "", count: 13))
        row(["结果维持", "结果", "其他", "尚未", "总计", "未经复议直接起诉", "复议后起诉"] + Array(repeating: "", count: 8))
        row(Array(repeating: ["结果", "结果", "其他", "尚未", "总计"], count: 2).flatMap { $0 } + Array(repeating: "", count: 5))
        row(disputeValues)
        lines += ["?"] + closing
        return lines.joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        var out = ["# " + Self.markdownEscape(title), ""] + opening.map { Self.markdownEscape($0) + "\n" } + ["## 二、主动公开政府信息情况", ""]
        func table(_ rows: [[String]]) {
            let width = rows.map(\.count).max() ?? 1
            let padded = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
            out.append("| " + padded[0].map(Self.cellEscape).joined(separator: " | ") + " |")
            out.append("|" + Array(repeating: " --- |", count: width).joined())
            for r in padded.dropFirst() { out.append("| " + r.map(Self.cellEscape).joined(separator: " | ") + " |") }
            out.append("")
        }
        var active: [[String]] = []
        for (anchor, header, items) in activeBlocks { active += [[anchor], header] + items }
        table([["项目", "", "", ""]] + active)
        out += ["## 三、收到和处理政府信息公开申请情况", ""]
        table([[Self.identityNote, "申请人情况"], ["", "", ApplicantColumn.naturalPerson.label, ApplicantColumn.organisationsLabel, ApplicantColumn.total.label],
               ["", ""] + ApplicantColumn.allCases.dropFirst().dropLast().map(\.label)]
              + requestRows.map { key, values in
                  let labels = Self.requestLabelCells(key)
                  return Array(repeating: "", count: 3 - labels.count) + labels + values
              })
        out += ["## 四、政府信息公开行政复议、行政诉讼情况", ""]
        table([["行政复议", "", "", "", "", "行政诉讼"],
               DisputeOutcome.allCases.map(\.label) + ["未经复议直接起诉", "", "", "", "", "复议后起诉"],
               Array(repeating: "", count: 5) + Array(repeating: DisputeOutcome.allCases.map(\.label), count: 2).flatMap { $0 },
               disputeValues])
        out += closing.map { Self.markdownEscape($0) + "\n" }
        return out.joined(separator: "\n")
    }

    func html() -> String {
        var body = ["<h1>\(Self.htmlEscape(title))</h1>"] + opening.map { "<p>\(Self.htmlEscape($0))</p>" }
        body.append("<h2>二、主动公开政府信息情况</h2><table border=\"1\">")
        for (anchor, header, items) in activeBlocks {
            body.append("<tr><td colspan=\"\(header.count)\">\(anchor)</td></tr>")
            body.append("<tr>" + header.map { "<td>\($0)</td>" }.joined() + "</tr>")
            for item in items { body.append("<tr>" + item.map { "<td>\($0.isEmpty ? "&nbsp;" : $0)</td>" }.joined() + "</tr>") }
        }
        body.append("</table><h2>三、收到和处理政府信息公开申请情况</h2><table border=\"1\">")
        body.append("<tr><td rowspan=\"3\" colspan=\"3\">\(Self.identityNote)</td><td colspan=\"7\">申请人情况</td></tr>")
        body.append("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>")
        body.append("<tr>" + ApplicantColumn.allCases.dropFirst().dropLast().map { "<td>\($0.label)</td>" }.joined() + "</tr>")
        for (key, values) in requestRows {
            let cells = values.map { "<td>\($0.isEmpty ? "&nbsp;" : $0)</td>" }.joined()
            switch key {
            case .new, .carriedOver, .carriedForward:
                body.append("<tr><td colspan=\"3\">\(key.label)</td>\(cells)</tr>")
            case .granted:
                body.append("<tr><td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">\(key.label)</td>\(cells)</tr>")
            case .partiallyGranted, .total:
                body.append("<tr><td colspan=\"2\">\(key.label)</td>\(cells)</tr>")
            default:
                let group = key.group!
                let head = group.rows.first == key ? "<td rowspan=\"\(group.rows.count)\">\(group.label)</td>" : ""
                body.append("<tr>\(head)<td>\(key.label)</td>\(cells)</tr>")
            }
        }
        body.append("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><table border=\"1\">")
        body.append("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>")
        body.append("<tr>" + DisputeOutcome.allCases.map { "<td rowspan=\"2\">\($0.label)</td>" }.joined()
                    + "<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>")
        body.append("<tr>" + Array(repeating: DisputeOutcome.allCases.map { "<td>\($0.label)</td>" }, count: 2).flatMap { $0 }.joined() + "</tr>")
        body.append("<tr>" + disputeValues.map { "<td>\($0.isEmpty ? "&nbsp;" : $0)</td>" }.joined() + "</tr></table>")
        body += closing.map { "<p>\(Self.htmlEscape($0))</p>" }
        return """
            <!DOCTYPE html>
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>\(Self.htmlEscape(title))</title>
            <script>var nav = "portal";</script><style>td{border:1px solid #000}</style></head>
            <body><div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a></div>
            <div class="article">
            \(body.joined(separator: "\n"))
            </div></body></html>
            """
    }

    static func htmlEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func markdownEscape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_{}[]<>()#+-.!|~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func cellEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "")
    }
}
