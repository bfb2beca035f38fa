// The national report format (国办公开办函〔2021〕30号 and the 2019 trial format) in one place:
// every Chinese label the code shows or matches lives here, beside its canonical key.
//
// `label` is the wording the format prints (used on the site); `matches` are label cores —
// the text after normalisation (simplified, half-width, no enumerator like 一、/（三）/1., no
// punctuation or spaces) — that identify the row or column. A core matches when it contains
// one of them, or equals it where the pattern is marked exact.

/// How a label core is recognised.
public enum LabelPattern: Sendable, Hashable {
    case contains(String)
    case exact(String)

    public func matches(_ core: String) -> Bool {
        switch self {
        // Byte-wise when both texts are plain (see PlainText); the same answer, many times faster.
        case .contains(let s): return PlainText.contains(core, s) ?? core.contains(s)
        case .exact(let s): return PlainText.equals(core, s) ?? (core == s)
        }
    }

    /// `matches` for a core already known to be plain text (see `PlainText`).
    public func matches(plainCore core: String) -> Bool {
        switch self {
        case .contains(let s): return PlainText.contains(plain: core, s) ?? core.contains(s)
        case .exact(let s): return PlainText.equals(core, s) ?? (core == s)
        }
    }
}

public enum ReportFormat {
    public enum Table: String, Sendable, CaseIterable {
        case active = "二", requests = "三", disputes = "四"

        public var title: String {
            switch self {
            case .active: return "主动公开政府信息情况"
            case .requests: return "收到和处理政府信息公开申请情况"
            case .disputes: return "政府信息公开行政复议、行政诉讼情况"
            }
        }
    }

    /// The six sections, in order, with the wording of their headings.
    public static let sections = [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项",
    ]

    /// Words in a title that are not part of the organ's name.
    public static let titleSuffixes = [
        "政府信息公开工作年度报告", "政府信息公开年度工作报告", "政府信息公开年度报告",
        "政府信息公开工作报告", "信息公开工作年度报告", "信息公开年度报告", "年度报告",
    ]

    /// Cells that mark the header rows of table 三 (applicant columns).
    public static let requestHeaderCores: Set<String> = [
        "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
    ]

    /// A row holding this opens table 三 (the identity note above the applicant columns).
    public static let requestTableAnchors: [LabelPattern] = [.contains("勾稽关系"), .contains("申请人情况")]

    /// A row holding both opens table 四.
    public static let disputeTableAnchors: [LabelPattern] = [.contains("行政复议"), .contains("行政诉讼")]

    /// A row holding this opens a block of table 二.
    public static let activeBlockAnchor = LabelPattern.contains("第二十条")
    /// The first cell of a table 二 header row.
    public static let activeHeaderAnchor = LabelPattern.exact("信息内容")

    /// Text in a 2019-format table 二 header that never occurs in the 2021 one.
    public static let activeColumns2019Markers: [LabelPattern] = [.contains("对外公开总数量"), .contains("上一年项目数量")]

    /// Marks of "not applicable" written in a value cell.
    public static let notApplicableMarks: Set<String> = ["/", "-", "—", "－", "--", "——", "／", "无此项", "不适用"]

    /// Unit words a count may carry in its cell (5件).
    public static let countUnits = ["件", "条", "个", "项", "次", "宗"]
}

// MARK: - Table 三

extension ApplicantColumn {
    public var key: String {
        ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"][rawValue]
    }

    public var label: String {
        ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"][rawValue]
    }

    /// The header above the five organisation columns.
    public static let organisationsLabel = "法人或其他组织"
}

extension RequestGroup {
    /// The group heading as the format prints it.
    public var label: String {
        switch self {
        case .granted: return "（一）予以公开"
        case .partiallyGranted: return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .denied: return "（三）不予公开"
        case .unable: return "（四）无法提供"
        case .notProcessed: return "（五）不予处理"
        case .other: return "（六）其他处理"
        }
    }

    /// Recognises the heading cell of a group that has sub-rows.
    public var headingPattern: LabelPattern? {
        switch self {
        case .denied: return .exact("不予公开")
        case .unable: return .exact("无法提供")
        case .notProcessed: return .exact("不予处理")
        case .other: return .exact("其他处理")
        case .granted, .partiallyGranted: return nil
        }
    }
}

extension RequestRow {
    /// The row's own label as the format prints it.
    public var label: String {
        switch self {
        case .new: return "一、本年新收政府信息公开申请数量"
        case .carriedOver: return "二、上年结转政府信息公开申请数量"
        case .granted: return "（一）予以公开"
        case .partiallyGranted: return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        case .deniedStateSecret: return "1.属于国家秘密"
        case .deniedProhibitedByLaw: return "2.其他法律行政法规禁止公开"
        case .deniedThreeSafeties: return "3.危及“三安全一稳定”"
        case .deniedThirdParty: return "4.保护第三方合法权益"
        case .deniedInternalAffairs: return "5.属于三类内部事务信息"
        case .deniedProcessInformation: return "6.属于四类过程性信息"
        case .deniedLawEnforcementFile: return "7.属于行政执法案卷"
        case .deniedAdministrativeInquiry: return "8.属于行政查询事项"
        case .unableNotHeld: return "1.本机关不掌握相关政府信息"
        case .unableNeedsCreation: return "2.没有现成信息需要另行制作"
        case .unableUnclearAfterCorrection: return "3.补正后申请内容仍不明确"
        case .notProcessedComplaintPetition: return "1.信访举报投诉类申请"
        case .notProcessedDuplicate: return "2.重复申请"
        case .notProcessedPublication: return "3.要求提供公开出版物"
        case .notProcessedExcessive: return "4.无正当理由大量反复申请"
        case .notProcessedConfirmation: return "5.要求行政机关确认或重新出具已获取信息"
        case .otherNoCorrection: return "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        case .otherNoFee: return "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        case .otherOther: return "3.其他"
        case .total: return "（七）总计"
        case .carriedForward: return "四、结转下年度继续办理"
        }
    }

    /// A short name for tables and diagnostics: the label with its group ("不予公开·属于国家秘密").
    public var shortLabel: String { Self.shortLabels[self]! }
    private static let shortLabels = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeShortLabel()) })

    private func makeShortLabel() -> String {
        switch self {
        case .new: return "本年新收"
        case .carriedOver: return "上年结转"
        case .granted: return "予以公开"
        case .partiallyGranted: return "部分公开"
        case .total: return "总计"
        case .carriedForward: return "结转下年度"
        default:
            let item = String(label.drop(while: { $0.isNumber || $0 == "." }))
            let group = String(self.group!.label.drop(while: { $0 != "）" }).dropFirst())
            return "\(group)·\(item)"
        }
    }

    /// Patterns that identify this row from its label core. `3.其他` is only itself inside （六）.
    /// Computed once: recognition asks for them for every label cell.
    public var patterns: [LabelPattern] { Self.allPatterns[self]! }
    private static let allPatterns = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makePatterns()) })

    private func makePatterns() -> [LabelPattern] {
        switch self {
        case .new: return [.contains("本年新收")]
        case .carriedOver: return [.contains("上年结转"), .contains("上年转结")]
        case .granted: return [.exact("予以公开")]
        case .partiallyGranted: return [.contains("部分公开")]
        case .deniedStateSecret: return [.contains("国家秘密")]
        case .deniedProhibitedByLaw: return [.contains("法律行政法规禁止公开")]
        case .deniedThreeSafeties: return [.contains("三安全一稳定")]
        case .deniedThirdParty: return [.contains("第三方合法权益")]
        case .deniedInternalAffairs: return [.contains("三类内部事务")]
        case .deniedProcessInformation: return [.contains("四类过程性信息")]
        case .deniedLawEnforcementFile: return [.contains("行政执法案卷")]
        case .deniedAdministrativeInquiry: return [.contains("行政查询事项")]
        case .unableNotHeld: return [.contains("不掌握相关政府信息")]
        case .unableNeedsCreation: return [.contains("另行制作")]
        case .unableUnclearAfterCorrection: return [.contains("补正后申请内容仍不明确")]
        case .notProcessedComplaintPetition: return [.contains("信访举报投诉")]
        case .notProcessedDuplicate: return [.exact("重复申请")]
        case .notProcessedPublication: return [.contains("公开出版物")]
        case .notProcessedExcessive: return [.contains("大量反复申请")]
        case .notProcessedConfirmation: return [.contains("重新出具已获取信息")]
        case .otherNoCorrection: return [.contains("逾期不补正")]
        case .otherNoFee: return [.contains("收费通知"), .contains("缴纳费用")]
        case .otherOther: return [.exact("其他")]
        case .total: return [.exact("总计"), .exact("合计")]
        case .carriedForward: return [.contains("结转下年度"), .contains("转结下年度")]
        }
    }
}

// MARK: - Table 四

extension DisputeGroup {
    public var label: String {
        switch self {
        case .review: return "行政复议"
        case .lawsuitDirect: return "行政诉讼（未经复议直接起诉）"
        case .lawsuitAfterReview: return "行政诉讼（复议后起诉）"
        }
    }
}

extension DisputeOutcome {
    public var label: String { ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"][rawValue] }
}

// MARK: - Table 二

/// The rows of table 二 in both versions of the format.
public enum ActiveItem: String, Sendable, CaseIterable, Hashable {
    case rules, normativeDocuments, licensing, otherServices, punishment, coercion, fees, procurement

    public var label: String {
        switch self {
        case .rules: return "规章"
        case .normativeDocuments: return "行政规范性文件"
        case .licensing: return "行政许可"
        case .otherServices: return "其他对外管理服务事项"
        case .punishment: return "行政处罚"
        case .coercion: return "行政强制"
        case .fees: return "行政事业性收费"
        case .procurement: return "政府集中采购"
        }
    }

    /// The label as the given version of the format prints it (2019: 规范性文件).
    public func label(in version: FormatVersion) -> String {
        version == .v2019 && self == .normativeDocuments ? "规范性文件" : label
    }

    public var patterns: [LabelPattern] {
        switch self {
        case .rules: return [.exact("规章")]
        case .normativeDocuments: return [.exact("行政规范性文件"), .exact("规范性文件")]
        case .licensing: return [.exact("行政许可")]
        case .otherServices: return [.contains("其他对外管理服务事项")]
        case .punishment: return [.exact("行政处罚")]
        case .coercion: return [.exact("行政强制")]
        case .fees: return [.exact("行政事业性收费")]
        case .procurement: return [.contains("政府集中采购")]
        }
    }

    /// The Article 20 item a row belongs to (第二十条第（一）项 …).
    public var article20Item: String {
        switch self {
        case .rules, .normativeDocuments: return "第二十条第（一）项"
        case .licensing, .otherServices: return "第二十条第（五）项"
        case .punishment, .coercion: return "第二十条第（六）项"
        case .fees: return "第二十条第（八）项"
        case .procurement: return "第二十条第（九）项"
        }
    }
}

/// The columns of table 二 in both versions of the format.
public enum ActiveColumn: String, Sendable, CaseIterable, Hashable {
    // 2021
    case issued, repealed, inForce, decisions, feeAmount
    // 2019
    case made, published, publicTotal, itemsLastYear, change, projects, amount

    public var label: String {
        switch self {
        case .issued: return "本年制发件数"
        case .repealed: return "本年废止件数"
        case .inForce: return "现行有效件数"
        case .decisions: return "本年处理决定数量"
        case .feeAmount: return "本年收费金额（单位：万元）"
        case .made: return "本年新制作数量"
        case .published: return "本年新公开数量"
        case .publicTotal: return "对外公开总数量"
        case .itemsLastYear: return "上一年项目数量"
        case .change: return "本年增/减"
        case .projects: return "采购项目数量"
        case .amount: return "采购总金额"
        }
    }

    /// The label as the given version of the format prints it (2019: 处理决定数量).
    public func label(in version: FormatVersion) -> String {
        version == .v2019 && self == .decisions ? "处理决定数量" : label
    }

    public var patterns: [LabelPattern] {
        switch self {
        case .issued: return [.contains("制发")]
        case .repealed: return [.contains("废止")]
        case .inForce: return [.contains("现行有效")]
        case .decisions: return [.contains("处理决定数量")]
        case .feeAmount: return [.contains("收费金额")]
        case .made: return [.contains("新制作数量")]
        case .published: return [.contains("新公开数量")]
        case .publicTotal: return [.contains("对外公开总数量")]
        case .itemsLastYear: return [.contains("上一年项目数量")]
        case .change: return [.contains("本年增减"), .contains("增减")]
        case .projects: return [.contains("采购项目数量")]
        case .amount: return [.contains("采购总金额")]
        }
    }

    /// 2021 columns live in `ActiveDisclosure`; the others only in `ActiveDisclosure2019`.
    public var isTrialFormat: Bool {
        switch self {
        case .issued, .repealed, .inForce, .feeAmount: return false
        case .decisions: return false
        default: return true
        }
    }
}

extension SourceFormat {
    /// How a reader names the file type it was read from.
    public var label: String {
        switch self {
        case .textCells: return "文本（Word 表格另存为文本，每格一行）"
        case .textPipes: return "文本（网页另存为文本，竖线分隔）"
        case .markdown: return "Markdown"
        case .html: return "网页（HTML）"
        case .docx: return "Word 文档（.docx）"
        case .pdf: return "PDF"
        case .text: return "文本（未找到表格）"
        }
    }
}

extension FormatVersion {
    public var label: String {
        switch self {
        case .v2021: return "2021年格式（国办公开办函〔2021〕30号）"
        case .v2019: return "2019年试行格式（国办公开办函〔2019〕60号）"
        }
    }
}
