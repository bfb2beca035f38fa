import Analysis
import ReportModel

/// One metric in one year: a ranking per peer group (same level, kind and scope), with the
/// formula, Wilson intervals for rates, ties sharing a rank, and the 样本不足 list.
enum RankingPage {
    static func make(_ site: SiteIndex, metric: MetricDefinition, year: Int) -> Page {
        let path = SitePaths.ranking(metric.id, year: year)
        let root = SitePaths.root(from: path)
        var page = Page(path: path, title: "\(year)年 \(metric.label)排名",
                        crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("排名", SitePaths.rankings), Page.Crumb("\(year)年 \(metric.label)", nil)],
                        lead: "计算公式：\(metric.formula)。\(metric.directionWord.map { "\($0)。" } ?? "")")
        let rankings = (site.rankings[year]?[metric.id] ?? []).map { site.dataset.rankings[$0] }
        page.paragraph("只在同年度、同层级、同类型、同报告范围的机关之间比较；并列者名次相同（1, 2, 2, 4）。" +
                       (metric.kind == .rate ? "比率附 Wilson 95% 置信区间；分母不足 \(site.dataset.options.minimumRequests) 件的列为“样本不足”，不参加排名。" : ""))
        guard !rankings.isEmpty else {
            page.paragraph("本年度没有可排名的机关。")
            return page
        }
        page.html(filters(rankings))
        for ranking in rankings {
            page.html(TrustedHTML("<section data-level=\"\(ranking.group.level?.rawValue ?? "unknown")\" data-kind=\"\(ranking.group.kind.rawValue)\">"))
            page.heading(ranking.group.label)
            if ranking.entries.isEmpty {
                page.paragraph("本组没有可排名的机关。")
            } else {
                let rows = ranking.entries.map { e -> [String] in
                    let report = site.dataset.reports[e.report]
                    var parts = "", interval = ""
                    if case .rate(let r) = e.figure, let n = r.numerator, let d = r.denominator { parts = "\(n)/\(d)" }
                    if let w = e.interval { interval = "\(formatPercent(w.lower)) – \(formatPercent(w.upper))" }
                    return [String(e.rank), Markdown.link(site.name(of: report), to: root + site.reportPath(e.report)),
                            Markdown.text(report.record.region.path), Markdown.text(e.figure.formatted), parts, interval]
                }
                page.table("\(ranking.group.label) \(metric.label)排名", header: ["名次", "机关", "地区", metric.label, "分子/分母", "95% 置信区间"],
                           rows: rows, numeric: [0, 3, 4], rowHeaders: false, sortable: true)
                let bars = ranking.entries.prefix(20).map { e in
                    BarChart.Bar(label: site.name(of: site.dataset.reports[e.report]), value: e.figure.sortValue ?? 0, text: e.figure.formatted)
                }
                page.html(BarChart.svg(bars, title: "\(ranking.group.label) \(metric.label)（前 \(bars.count) 名）", maximum: metric.kind == .rate && metric.id != "dispute_rate" ? 1 : nil))
            }
            if !ranking.insufficient.isEmpty {
                page.paragraph("**样本不足**（分母不足 \(site.dataset.options.minimumRequests) 件，不排名）：" + list(site, ranking.insufficient, root: root, metric: metric))
            }
            if !ranking.withoutValue.isEmpty {
                page.paragraph("**无法计算**（有空白数据或分母为 0）：" + list(site, ranking.withoutValue, root: root, metric: nil))
            }
            page.html(TrustedHTML("</section>"))
        }
        return page
    }

    private static func list(_ site: SiteIndex, _ indices: [Int], root: String, metric: MetricDefinition?) -> String {
        indices.map { i in
            let r = site.dataset.reports[i]
            let value = metric.map { "（\(Show.figure($0.figure(r.metrics)))）" } ?? ""
            return Markdown.link(site.name(of: r), to: root + site.reportPath(i)) + Markdown.text(value)
        }.joined(separator: "、")
    }

    /// Level and kind selectors; hidden until the script runs, since without it every group shows.
    private static func filters(_ rankings: [Ranking]) -> TrustedHTML {
        let levels = Set(rankings.map { $0.group.level }).sorted { ($0?.rawValue ?? "~") < ($1?.rawValue ?? "~") }
        let kinds = Set(rankings.map(\.group.kind)).sorted { $0.rawValue < $1.rawValue }
        var html = "<div class=\"filters\" hidden><label>层级 <select name=\"level\"><option value=\"\">全部</option>"
        for level in levels { html += "<option value=\"\(level?.rawValue ?? "unknown")\">\(HTML.escape(level?.label ?? "层级未定"))</option>" }
        html += "</select></label><label>类型 <select name=\"kind\"><option value=\"\">全部</option>"
        for kind in kinds { html += "<option value=\"\(kind.rawValue)\">\(HTML.escape(kind.label))</option>" }
        html += "</select></label></div>"
        return TrustedHTML(html)
    }
}

enum RankingsIndexPage {
    static func make(_ site: SiteIndex) -> Page {
        var page = Page(path: SitePaths.rankings, title: "排名", crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("排名", nil)],
                        lead: "每项指标、每个年度一页；机关只与同层级、同类型、同报告范围的机关比较。")
        let root = SitePaths.root(from: page.path)
        for year in site.dataset.years {
            page.heading("\(year)年")
            page.table("\(year)年各项指标排名", header: ["指标", "计算公式", "比较组数"],
                       rows: MetricCatalogue.all.map { m in
                           [Markdown.link(m.label, to: root + SitePaths.ranking(m.id, year: year)), Markdown.text(m.formula), String(site.rankings[year]?[m.id]?.count ?? 0)]
                       }, numeric: [2])
        }
        return page
    }
}
