import Analysis
import ReportModel

/// Which reports do not add up, and exactly where: findings by code, the reports with most errors,
/// identity failures, duplicates, and the build's own notices.
enum QualityPage {
    static func make(_ site: SiteIndex, withFindings: [Int: [DatasetReport]]) -> Page {
        var page = Page(path: SitePaths.quality, title: "数据质量", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("数据质量", nil)],
                        lead: "每份报告都按格式本身规定的勾稽关系和合理性规则核对；下表汇总所有发现，点击机关查看具体位置和差额。")
        let reports = site.dataset.reports
        var byCode: [String: CodeTally] = [:]
        for report in reports {
            for d in report.record.diagnostics {
                // Counted in place: a copy taken out and stored back copied its set of reports on
                // every finding (quadratic; 8 s of CPU on a national site).
                byCode[d.code, default: CodeTally(severity: d.severity, example: d.message)].count(d, in: report.index)
            }
        }
        let checked = reports.reduce(0) { $0 + $1.identityCounts.total }
        let failed = reports.reduce(0) { $0 + $1.identityCounts.failed }
        let open = reports.reduce(0) { $0 + $1.identityCounts.notAssessable }
        page.paragraph("共 \(reports.count) 份报告，核对勾稽关系 \(checked) 处：不成立 \(failed) 处，无法核对 \(open) 处。有错误的报告 \(reports.filter { $0.count(.error) > 0 }.count) 份；\(Markdown.link("未能读取的文件 \(site.content.unread.count) 个", to: SitePaths.unread))。")

        page.paragraph("每年有错误或警告的全部报告（按错误数、警告数排序，可点击表头重排）：" + site.dataset.years.map { year in
            Markdown.link("\(year)年（\(withFindings[year]?.count ?? 0) 份）", to: SitePaths.quality(year))
        }.joined(separator: "、") + "。")

        if !site.content.notices.isEmpty {
            page.heading("本站设置")
            page.markdown(site.content.notices.map { "- " + Markdown.text($0) }.joined(separator: "\n") + "\n")
        }

        page.heading("按问题类型")
        let codes = byCode.sorted { ($1.value.severity, $0.value.findings, $1.key) < ($0.value.severity, $1.value.findings, $0.key) }
        page.table("各类检查发现", header: ["代码", "级别", "发现数", "涉及报告", "示例说明"],
                   rows: codes.map { [Markdown.text($0.key), Show.severity($0.value.severity), String($0.value.findings), String($0.value.reports.count), Markdown.text($0.value.example)] },
                   numeric: [2, 3], sortable: true)

        let worst = reports.filter { $0.count(.error) > 0 }.sorted { ($1.count(.error), site.name(of: $0)) < ($0.count(.error), site.name(of: $1)) }.prefix(200)
        if !worst.isEmpty {
            page.heading("错误最多的报告")
            page.table("错误最多的报告（至多 200 份）", header: ["机关", "年度", "错误", "警告", "不成立的勾稽关系"],
                       rows: worst.map { r in
                           [Markdown.link(site.name(of: r), to: site.reportPath(r.index)), r.record.year.map(String.init) ?? "—", String(r.count(.error)),
                            String(r.count(.warning)), String(r.identityCounts.failed)]
                       }, numeric: [1, 2, 3, 4], sortable: true)
        }
        // At most 200 here, as above: no page grows with the size of the country (findings.csv has all).
        let allCopied = reports.filter { ($0.similarity.previousYear ?? 0) >= 0.8 || ($0.similarity.sameYear ?? 0) >= 0.8 }
        let copied = allCopied.prefix(200)
        if !copied.isEmpty {
            page.heading("叙述雷同")
            if allCopied.count > copied.count {
                page.paragraph("共 \(allCopied.count) 份报告叙述相似度达 80% 以上，下表列出前 \(copied.count) 份；全部见\(Markdown.link("下载", to: SitePaths.downloads))中的 findings.csv（代码 copied-text-previous-year、copied-text-same-year）。")
            }
            page.table(allCopied.count > copied.count ? "叙述相似度达 80% 以上的报告（前 \(copied.count) 份）" : "叙述相似度达 80% 以上的报告", header: ["机关", "年度", "与上年相似度", "与同年他机关最高相似度"],
                       rows: copied.map { r in
                           [Markdown.link(site.name(of: r), to: site.reportPath(r.index)), r.record.year.map(String.init) ?? "—",
                            r.similarity.previousYear.map(formatPercent) ?? "—", r.similarity.sameYear.map(formatPercent) ?? "—"]
                       }, numeric: [1, 2, 3], sortable: true)
        }
        return page
    }
}

/// One finding code's tally on the quality page: its highest severity, how many findings, in
/// which reports, and the first finding's message as an example.
private struct CodeTally {
    var severity: Diagnostic.Severity
    var findings = 0
    var reports = Set<Int>()
    let example: String

    init(severity: Diagnostic.Severity, example: String) {
        self.severity = severity
        self.example = example
    }

    mutating func count(_ d: Diagnostic, in report: Int) {
        findings += 1
        reports.insert(report)
        if d.severity > severity { severity = d.severity }
    }
}
