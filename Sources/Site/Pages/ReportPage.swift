import Analysis
import ReportModel

/// One report: who and where, its figures and standing among peers, its three tables exactly as
/// reported, every check's findings, its history, and links to the source file and its JSON.
enum ReportPage {
    /// Of everything the page and the record's JSON show: the report itself, its place in each
    /// ranking, the report that replaced it, its trail, and its history and change from last year.
    static func digest(_ site: SiteIndex, report: DatasetReport) -> ContentHash {
        var d = DigestBuilder("report-page")
        d.add(site.frame)
        d.add(site.summaries[report.index])
        d.add(site.dataset.options.minimumRequests)
        d.add(site.crumbsDigest(to: report.record.region.adcode, year: report.record.year))
        if let winner = report.supersededBy { d.add(site.summaries[winner]) }
        for metric in MetricCatalogue.all {
            let standing = site.standing(of: report.index, in: metric.id)
            d.add(standing?.rank)
            d.add(standing?.of)
        }
        if let organ = report.organ, let history = site.histories[organ] { d.add(reports: history, of: site) } else { d.add(-1) }
        if let change = site.dataset.changes[report.index] {
            d.add(reports: [change.previousIndex, change.currentIndex], of: site)
        } else {
            d.add(-1)
        }
        return d.digest
    }

    static func make(_ site: SiteIndex, report: DatasetReport) -> Page {
        let record = report.record
        let path = site.reportPath(report.index)
        let root = SitePaths.root(from: path)
        var crumbs = site.crumbs(to: record.region.adcode, year: record.year)
        let title = "\(site.name(of: report))\(record.year.map { " \($0)年" } ?? "")"
        crumbs.append(Page.Crumb(title, nil))
        var page = Page(path: path, title: title, crumbs: crumbs,
                        lead: record.title ?? "政府信息公开工作年度报告（标题未识别）")

        if let winner = report.supersededBy {
            page.paragraph("**注意：** 同一机关同一年度另有一份报告，按重复报告规则以 \(Markdown.link(site.dataset.reports[winner].record.source, to: root + site.reportPath(winner))) 为准；本份不计入地区合计和排名。")
        }
        page.heading("基本信息")
        page.table("报告基本信息", header: ["项目", "内容"], rows: facts(site, report, root: root))

        page.heading("主要指标")
        page.table("主要指标及其在同组机关中的排名", header: ["指标", "数值", "分子/分母", "同组排名"],
                   rows: metricRows(site, report, root: root), numeric: [1, 2])
        if let group = report.peerGroup {
            page.paragraph("同组：\(Markdown.text(group.label))。比率的分母不足 \(site.dataset.options.minimumRequests) 件时不参加排名。")
        }

        page.heading("统计表（按原报告）")
        page.paragraph("以下各表逐格照录原报告；空白格表示原报告未填或无法读取，不作 0 处理。")
        for block in ReportTables.blocks(record) {
            page.table(block.caption, header: [""] + block.columns, rows: block.rows.map { [Markdown.text($0.label)] + $0.values.map(Markdown.text) },
                       numeric: Set(1...block.columns.count))
        }

        identities(&page, report)
        findings(&page, record)
        similarity(&page, site, report, root: root)
        history(&page, site, report, root: root)
        return page
    }

    private static func facts(_ site: SiteIndex, _ report: DatasetReport, root: String) -> [[String]] {
        let r = report.record
        let id = site.id(of: report)
        var regionCell = Markdown.text(r.region.path.isEmpty ? "未识别" : r.region.path)
        if let code = r.region.adcode, let year = r.year {
            regionCell = Markdown.link(r.region.path, to: root + SitePaths.region(code, year: year)) + "（\(code)）"
        }
        var rows: [[String]] = [
            ["发布机关", Markdown.text(r.agency ?? "未识别")],
            ["报告标题", Markdown.text(r.title ?? "未识别")],
            ["报告年度", r.year.map { "\($0)" } ?? "未识别"],
            ["所属地区", regionCell],
            ["报告范围", Show.scope(r.scope)],
            ["机关层级与类型", "\(report.level?.label ?? "层级未定") · \(report.kind.label)"],
            ["发布日期", Markdown.text(r.published ?? "未知")],
            ["读取格式", "\(r.format.label)（`\(r.format.rawValue)`）；\(r.formatVersion.label)"],
        ]
        if let copy = site.content.input(of: report).copy {
            rows.append(["原文件", Markdown.link(r.source, to: root + copy)])
        } else {
            rows.append(["原文件", Markdown.text(r.source)])
        }
        rows.append(["提取的数据", Markdown.link("govreport/1 JSON", to: root + SitePaths.reportJSON(id))])
        if let url = r.annotations.sourceURL {
            rows.append(["发布网址", Markdown.text(url)])
        }
        return rows
    }

    private static func metricRows(_ site: SiteIndex, _ report: DatasetReport, root: String) -> [[String]] {
        MetricCatalogue.all.map { metric in
            let figure = metric.figure(report.metrics)
            var parts = ""
            if case .rate(let r) = figure {
                parts = r.value != nil ? "\(r.numerator!)/\(r.denominator!)" : Markdown.text(r.reason ?? "")
            }
            var standing = ""
            if let year = report.record.year {
                if let s = site.standing(of: report.index, in: metric.id) {
                    standing = Markdown.link("第 \(s.rank) / \(s.of)", to: root + SitePaths.ranking(metric.id, year: year))
                } else if case .rate(let r) = figure, r.value != nil, (r.denominator ?? 0) < site.dataset.options.minimumRequests {
                    standing = "样本不足"
                }
            }
            return [Markdown.text(metric.label), Markdown.text(Show.figure(figure)), parts, standing]
        }
    }

    private static func identities(_ page: inout Page, _ report: DatasetReport) {
        page.heading("勾稽关系核对")
        let results = report.identities
        let passed = results.filter { $0.status == .passed }.count
        let failed = results.filter { $0.status == .failed }
        let open = results.filter { $0.status == .notAssessable }
        page.paragraph("共核对 \(results.count) 处：成立 \(passed) 处，**不成立 \(failed.count) 处**，无法核对 \(open.count) 处（有空白数据的等式既不算成立也不算不成立）。")
        let shown = failed + open
        guard !shown.isEmpty else { return }
        page.table("不成立或无法核对的勾稽关系", header: ["等式", "适用于", "结果", "左边", "右边", "差额"],
                   rows: shown.map { r in
                       [Markdown.text("表\(r.identity.table)：\(r.identity.label)"), Markdown.text(r.scope), Show.status(r.status),
                        Show.count(r.left), Show.count(r.right), r.difference.map { String($0) } ?? "—"]
                   }, numeric: [3, 4, 5])
    }

    private static func findings(_ page: inout Page, _ record: ReportRecord) {
        page.heading("检查发现")
        guard !record.diagnostics.isEmpty else {
            page.paragraph("未发现问题。")
            return
        }
        let ordered = record.diagnostics.enumerated().sorted { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }.map(\.element)
        page.table("读取诊断与检查发现", header: ["级别", "代码", "位置", "说明", "应为", "实为"],
                   rows: ordered.map { d in
                       [Show.severity(d.severity), Markdown.text(d.code), Markdown.text(d.where ?? "全文"), Markdown.text(d.message),
                        Markdown.text(d.expected ?? ""), Markdown.text(d.found ?? "")]
                   }, rowHeaders: false)
    }

    private static func similarity(_ page: inout Page, _ site: SiteIndex, _ report: DatasetReport, root: String) {
        let s = report.similarity
        guard s.previousYear != nil || s.sameYear != nil else { return }
        page.heading("叙述相似度（雷同检查）")
        var rows: [[String]] = []
        if let v = s.previousYear { rows.append(["与本机关上年报告", formatPercent(v), Markdown.text(s.previousYearSource ?? "")]) }
        if let v = s.sameYear { rows.append(["与同年其他机关报告（最高）", formatPercent(v), Markdown.text(s.sameYearSource ?? "")]) }
        page.table("“总体情况”和“存在的主要问题及改进情况”两部分的文字相似度", header: ["比较对象", "相似度", "对方文件"], rows: rows, numeric: [1])
    }

    private static func history(_ page: inout Page, _ site: SiteIndex, _ report: DatasetReport, root: String) {
        guard let organ = report.organ, let history = site.histories[organ], history.count > 1 else { return }
        page.heading("历年情况")
        let key = ["received", "handled", "disclosure_rate", "denial_rate", "reviews", "lawsuits"].compactMap(MetricCatalogue.definition)
        page.table("本机关历年主要指标", header: ["年度"] + key.map(\.label),
                   rows: history.map { i in
                       let r = site.dataset.reports[i]
                       let year = r.record.year.map(String.init) ?? "?"
                       let label = i == report.index ? "**\(year)（本报告）**" : Markdown.link(year, to: root + site.reportPath(i))
                       return [label] + key.map { Markdown.text(Show.figure($0.figure(r.metrics))) }
                   }, numeric: Set(1...key.count))
        let series = history.map { i in (site.dataset.reports[i].record.year ?? 0, site.dataset.reports[i].metrics.received.map(Double.init)) }
        page.html(Sparkline.svg(series.map { ("\($0.0)年", $0.1) }, label: "本年新收申请数历年变化"))
        if let change = site.dataset.changes[report.index] {
            page.table("与上年相比", header: ["指标", "上年", "本年", "变化"],
                       rows: change.changes.map { c in
                           [Markdown.text(c.metric.label), Markdown.text(Show.figure(c.previous)), Markdown.text(Show.figure(c.current)), Markdown.text(c.formatted)]
                       }, numeric: [1, 2, 3])
        }
    }
}
