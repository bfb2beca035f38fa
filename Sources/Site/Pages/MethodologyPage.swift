import Analysis
import ReportModel

/// Definitions, checks and sources: how every figure on the site is made.
enum MethodologyPage {
    /// The text is the tool's own (in the memo's salt); only the sample threshold comes from the settings.
    static func digest(_ site: SiteIndex) -> ContentHash {
        var d = DigestBuilder("methodology")
        d.add(site.frame)
        d.add(site.dataset.options.minimumRequests)
        return d.digest
    }

    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.methodology, title: "方法说明", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("方法说明", nil)])
        page.heading("数据来源")
        page.paragraph("各机关按《中华人民共和国政府信息公开条例》第五十条和国务院办公厅政府信息公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）发布的年度报告；2019、2020年度报告按试行格式（国办公开办函〔2019〕60号）读取，其列不与2021年格式混同。每份报告的原文件和提取出的 JSON 记录都可在该报告页面下载。")
        page.heading("读取规则")
        page.markdown("""
            - 表格按格式规定的行、列名称识别，而非仅凭位置；繁体、全角、拼音注音等先行规范化。
            - 空白格记为空白（null），并给出诊断，绝不当作 0。
            - 无法读取的数值为空白，并注明文件、表、行、列。
            - 同一机关同一年度有两份报告（如更正后重新发布）时，以较晚发布的一份为准（发布日期相同或未知时，以文件路径排序在后者为准），另一份仍然列出，但不计入合计和排名。
            - 地区合计只相加各机关本级报告；政府发布的本行政区域汇总报告单独列出对照，不计入合计。

            """)
        page.heading("指标")
        page.table("各项指标的定义", header: ["指标", "代码", "计算公式", "说明"],
                   rows: MetricCatalogue.all.map { [Markdown.text($0.label), Markdown.text($0.id), Markdown.text($0.formula), Markdown.text($0.directionWord ?? "")] })
        page.paragraph("比率总是与分子、分母一同给出；分母为 0 或有空白数据时不计算（显示为“—”）。排名只在同年度、同层级、同类型、同报告范围的机关之间进行，并列共享名次；比率的分母不足 \(site.dataset.options.minimumRequests) 件时列为样本不足，并给出 Wilson 95% 置信区间。")
        page.heading("勾稽关系")
        page.table("格式本身规定的勾稽关系", header: ["等式", "所在表", "适用于"],
                   rows: Identity.allCases.map { id in
                       let scope: String
                       switch id {
                       case .balance, .outcomesSum: scope = "表三每一列"
                       case .applicantsSum: scope = "表三每一行"
                       case .disputesSum: scope = "表四每一组"
                       }
                       return [Markdown.text(id.label), "表\(id.table)", scope]
                   })
        page.paragraph("等式中有空白数据时为“无法核对”，既不算成立也不算不成立。另有合理性检查（负数、比率超过 100%、结转超过工作量、无规章制定权的机关填报规章、整表空白、合计与分项一有一无）、正文与表格一致性检查、跨年度衔接检查（本年上年结转与上年结转下年度、现行有效件数）、发布时限检查（部门 1 月 31 日前，政府本行政区域报告 3 月 31 日前）和叙述雷同检查（MinHash 估计的文字相似度）。")
        return page
    }
}
