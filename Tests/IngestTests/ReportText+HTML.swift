import ReportModel

/// The hand-made report as a web page, its tables with the merged cells of the printed format.
extension ReportText {
    /// How the spanned labels are written.
    enum SpannedLabels {
        /// `rowspan`/`colspan` as the format prints them (第二十条… across the block's columns).
        case spans
        /// 第二十条… as a label spanning its block's rows on the left, as some portals lay table 二 out.
        case blockLabelOnTheLeft
        /// No spans: each covered row repeats the label (三、本年度办理结果, （三）不予公开, 第二十条…).
        case repeated
    }

    struct HTMLCell {
        var text: String
        var colspan = 1
        var rowspan = 1
        init(_ text: String, colspan: Int = 1, rowspan: Int = 1) {
            self.text = text
            self.colspan = colspan
            self.rowspan = rowspan
        }
    }

    func htmlTables(_ labels: SpannedLabels = .spans) -> [[[HTMLCell]]] {
        [htmlTable2(labels), htmlTable3(labels), htmlTable4()]
    }

    func htmlTable2(_ labels: SpannedLabels) -> [[HTMLCell]] {
        let blocks: [(String, [String], [ActiveItem])] = [
            ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], [.rules, .normativeDocuments]),
            ("第二十条第（五）项", ["本年处理决定数量"], [.licensing]),
            ("第二十条第（六）项", ["本年处理决定数量"], [.punishment, .coercion]),
            ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [.fees]),
        ]
        var rows: [[HTMLCell]] = []
        for (anchor, columns, items) in blocks {
            func spread(_ cells: [String]) -> [HTMLCell] {
                cells.count == 3 ? cells.map { HTMLCell($0) } : [HTMLCell(cells[0], colspan: 3)]
            }
            let body = [[HTMLCell("信息内容")] + spread(columns)] + items.map { [HTMLCell($0.label)] + spread(active[$0]!) }
            switch labels {
            case .spans:
                rows.append([HTMLCell(anchor, colspan: 4)])
                rows += body
            case .blockLabelOnTheLeft:
                rows.append([HTMLCell(anchor, rowspan: body.count)] + body[0])
                rows += body.dropFirst()
            case .repeated:
                rows += body.map { [HTMLCell(anchor)] + $0 }
            }
        }
        return rows
    }

    func htmlTable3(_ labels: SpannedLabels) -> [[HTMLCell]] {
        var rows: [[HTMLCell]] = [
            [HTMLCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan: 3, rowspan: 3),
             HTMLCell("申请人情况", colspan: 7)],
            [HTMLCell("自然人", rowspan: 2), HTMLCell("法人或其他组织", colspan: 5), HTMLCell("总计", rowspan: 2)],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { HTMLCell($0) },
        ]
        let results = RequestRow.allCases.filter { ![.new, .carriedOver, .carriedForward].contains($0) }
        for key in RequestRow.allCases {
            let values = requestCells(key).map { HTMLCell($0) }
            var label: [HTMLCell]
            switch key {
            case .new, .carriedOver, .carriedForward:
                label = [HTMLCell(key.label, colspan: 3)]
            case .granted, .partiallyGranted, .total:
                label = [HTMLCell(key.label, colspan: 2)]
            default:
                let group = key.group!
                label = labels == .repeated || group.rows.first == key
                    ? [HTMLCell(group.label, rowspan: labels == .repeated ? 1 : group.rows.count), HTMLCell(key.label)]
                    : [HTMLCell(key.label)]
            }
            if results.contains(key), labels == .repeated || key == .granted {
                label.insert(HTMLCell("三、本年度办理结果", rowspan: labels == .repeated ? 1 : results.count), at: 0)
            }
            rows.append(label + values)
        }
        return rows
    }

    func htmlTable4() -> [[HTMLCell]] {
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        return [
            [HTMLCell("行政复议", colspan: 5), HTMLCell("行政诉讼", colspan: 10)],
            outcomes.map { HTMLCell($0, rowspan: 2) } + [HTMLCell("未经复议直接起诉", colspan: 5), HTMLCell("复议后起诉", colspan: 5)],
            (outcomes + outcomes).map { HTMLCell($0) },
            disputes.map { HTMLCell($0) },
        ]
    }

    /// A table as a CMS editor writes it; `cell` renders each cell's text (default: escaped, `&nbsp;` when blank).
    static func html(table rows: [[HTMLCell]], cell: (String) -> String = ReportText.cellHTML) -> String {
        var out = "<table border=\"1\" cellspacing=\"0\"><tbody>\n"
        for row in rows {
            out += "<tr>"
            for c in row {
                out += "<td"
                if c.colspan > 1 { out += " colspan=\"\(c.colspan)\"" }
                if c.rowspan > 1 { out += " rowspan=\"\(c.rowspan)\"" }
                out += ">\(cell(c.text))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    static func cellHTML(_ text: String) -> String { text.isEmpty ? "&nbsp;" : escape(text) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The report as the content of a page: paragraphs and the three tables in order.
    func htmlContent(_ labels: SpannedLabels = .spans, cell: (String) -> String = ReportText.cellHTML) -> String {
        let tables = htmlTables(labels).map { Self.html(table: $0, cell: cell) }
        let paragraphs = { (lines: [String]) in lines.map { "<p>\(Self.escape($0))</p>\n" }.joined() }
        return "<h1>\(Self.escape(title))</h1>\n" + paragraphs(opening) + "<p>二、主动公开政府信息情况</p>\n" + tables[0]
            + "<p>三、收到和处理政府信息公开申请情况</p>\n" + tables[1] + "<p>四、政府信息公开行政复议、行政诉讼情况</p>\n" + tables[2]
            + paragraphs(closing)
    }

    func htmlPage(_ labels: SpannedLabels = .spans, head: String = "<meta charset=\"utf-8\">") -> String {
        "<!DOCTYPE html>\n<html><head>\(head)<title>\(Self.escape(title))</title></head><body>\n\(htmlContent(labels))</body></html>\n"
    }
}
