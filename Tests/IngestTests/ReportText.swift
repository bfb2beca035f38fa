import ReportModel

/// Writes small hand-made reports in the layouts real files use, so each quirk can be tested
/// alone. Values are cell texts exactly as they would appear in the file.
struct ReportText {
    var title = "瑶海区人民政府办公室2024年政府信息公开工作年度报告"
    var opening = ["根据《中华人民共和国政府信息公开条例》，现公布本报告。", "一、总体情况", "本年度工作稳步推进。"]
    var closing = ["五、存在的主要问题及改进情况", "无", "六、其他需要报告的事项", "无"]
    /// Table 二 values by item: rules/normative 3 cells, others 1.
    var active: [ActiveItem: [String]] = [
        .rules: ["0", "0", "0"], .normativeDocuments: ["1", "0", "5"], .licensing: ["0"],
        .punishment: ["0"], .coercion: ["0"], .fees: ["0"],
    ]
    /// Table 三 values by row (7 cells each); rows not given are all "0".
    var requests: [RequestRow: [String]] = [:]
    /// Table 四's fifteen cells.
    var disputes = Array(repeating: "0", count: 15)

    func requestCells(_ row: RequestRow) -> [String] { requests[row] ?? Array(repeating: "0", count: 7) }

    // MARK: Cell-per-line (a Word table saved as text)

    func cellPerLine() -> String {
        var lines = [title, ""] + opening + ["二、主动公开政府信息情况"]
        func row(_ cells: [String]) { lines += cells.map { "\t" + $0 } + [""] }
        row(["第二十条第（一）项"])
        row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        row(["规章"] + active[.rules]!)
        row(["行政规范性文件"] + active[.normativeDocuments]!)
        row(["第二十条第（五）项"])
        row(["信息内容", "本年处理决定数量"])
        row(["行政许可"] + active[.licensing]!)
        row(["第二十条第（六）项"])
        row(["信息内容", "本年处理决定数量"])
        row(["行政处罚"] + active[.punishment]!)
        row(["行政强制"] + active[.coercion]!)
        row(["第二十条第（八）项"])
        row(["信息内容", "本年收费金额（单位：万元）"])
        row(["行政事业性收费"] + active[.fees]!)
        lines += ["", "三、收到和处理政府信息公开申请情况"]
        row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"])
        row(["", "自然人", "法人或其他组织", "总计"])
        row(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""])
        for key in RequestRow.allCases {
            row(Self.labelCells(key) + requestCells(key))
        }
        lines += ["", "四、政府信息公开行政复议、行政诉讼情况"]
        row(["行政复议", "行政诉讼"])
        row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"])
        row(["", "", "", "", ""] + Array(repeating: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], count: 2).flatMap { $0 })
        row(disputes)
        lines += [""] + closing
        return lines.joined(separator: "\n") + "\n"
    }

    /// The label cells of a table 三 row as a Word table has them: merged group cells are empty.
    static func labelCells(_ key: RequestRow) -> [String] {
        switch key {
        case .new, .carriedOver, .carriedForward: return [key.label]
        case .granted: return ["三、本年度办理结果", key.label]
        case .partiallyGranted, .total: return ["", key.label]
        default:
            let group = key.group!
            let isFirst = group.rows.first == key
            return ["", isFirst ? group.label : "", key.label]
        }
    }

    // MARK: Pipe rows (a web page saved as text)

    func pipeRows() -> String {
        var lines = [title] + opening + ["二、主动公开政府信息情况"]
        func row(_ cells: [String]) { lines.append(cells.joined(separator: " | ") + " |") }
        row(["第二十条第（一）项", "", "", ""])
        row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        row(["规章"] + active[.rules]!)
        row(["行政规范性文件"] + active[.normativeDocuments]!)
        row(["第二十条第（五）项", ""])
        row(["信息内容", "本年处理决定数量"])
        row(["行政许可"] + active[.licensing]!)
        row(["第二十条第（六）项", ""])
        row(["信息内容", "本年处理决定数量"])
        row(["行政处罚"] + active[.punishment]!)
        row(["行政强制"] + active[.coercion]!)
        row(["第二十条第（八）项", ""])
        row(["信息内容", "本年收费金额（单位：万元）"])
        row(["行政事业性收费"] + active[.fees]!)
        lines += ["?", "三、收到和处理政府信息公开申请情况"]
        row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "", "", "", "", ""])
        row(["自然人", "法人或其他组织", "总计", "", "", "", ""])
        row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "", ""])
        for key in RequestRow.allCases {
            row(Self.labelCells(key).filter { !$0.isEmpty } + requestCells(key))
        }
        lines += ["?", "四、政府信息公开行政复议、行政诉讼情况"]
        row(["行政复议", "行政诉讼"] + Array(repeating: "", count: 13))
        row(["结果维持", "结果", "其他", "尚未", "总计", "未经复议直接起诉", "复议后起诉"] + Array(repeating: "", count: 8))
        row(Array(repeating: ["结果", "结果", "其他", "尚未", "总计"], count: 2).flatMap { $0 } + Array(repeating: "", count: 5))
        row(disputes)
        lines += ["?"] + closing
        return lines.joined(separator: "\n") + "\n"
    }
}
