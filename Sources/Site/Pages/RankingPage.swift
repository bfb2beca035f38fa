import Analysis
import ReportModel

/// One metric in one year: a ranking per peer group (same level, kind and scope), with the
/// formula, Wilson intervals for rates, ties sharing a rank, and the 样本不足 list.
///
/// A peer group ranks every organ of its kind in the country, so its table is paged: the metric's
/// page shows the first `pageSize` places of each group and links the rest, `pageSize` to a page
/// (`rankings/2024/disclosure_rate-<group>-2.html`); the 样本不足 and 无法计算 lists name at most
/// `listLimit` organs (rankings.csv has them all). No ranking page grows with the country.
enum RankingPage {
    static let pageSize = 500
    static let listLimit = 200

    /// Of one metric's page for one year: each peer group's size, its first `pageSize` places and
    /// the reports in them, and the first `listLimit` of its unranked lists.
    static func digest(_ site: SiteIndex, metric: MetricDefinition, year: Int, pageSize: Int = pageSize) -> ContentHash {
        var d = DigestBuilder("ranking-page")
        d.add(site.frame)
        d.add(metric.id)
        d.add(year)
        d.add(pageSize)
        d.add(site.dataset.options.minimumRequests)
        let rankings = site.rankings[year]?[metric.id] ?? []
        d.add(rankings.count)
        for r in rankings {
            let ranking = site.dataset.rankings[r]
            entries(&d, site, ranking, ranking.entries.prefix(pageSize))
            for list in [ranking.insufficient, ranking.withoutValue] {
                d.add(list.count)
                d.add(reports: list.prefix(listLimit), of: site)
            }
        }
        return d.digest
    }

    /// Of one continuation page: its group, the group's size, and the places on the page.
    static func continuationDigest(_ site: SiteIndex, metric: MetricDefinition, year: Int, ranking r: Int, page number: Int,
                                   pageSize: Int = pageSize) -> ContentHash {
        var d = DigestBuilder("ranking-continuation")
        d.add(site.frame)
        d.add(metric.id)
        d.add(year)
        d.add(number)
        d.add(pageSize)
        let ranking = site.dataset.rankings[r]
        entries(&d, site, ranking, ranking.entries.dropFirst((number - 1) * pageSize).prefix(pageSize))
        return d.digest
    }

    private static func entries(_ d: inout DigestBuilder, _ site: SiteIndex, _ ranking: Ranking, _ entries: ArraySlice<Ranking.Entry>) {
        d.add(ranking.group.id)
        d.add(ranking.entries.count)
        d.add(entries.count)
        for entry in entries {
            d.add(entry.rank)
            d.add(site.summaries[entry.report])
        }
    }

    /// The continuation pages of one metric and year: (ranking index, page number from 2).
    static func continuations(_ site: SiteIndex, metric: MetricDefinition, year: Int, pageSize: Int = pageSize) -> [(ranking: Int, page: Int)] {
        (site.rankings[year]?[metric.id] ?? []).flatMap { r -> [(ranking: Int, page: Int)] in
            let count = site.dataset.rankings[r].entries.count
            let pages = (count + pageSize - 1) / pageSize
            return pages > 1 ? (2...pages).map { (r, $0) } : []
        }
    }

    static func path(_ metric: MetricDefinition, year: Int, group: PeerGroup, page: Int) -> String {
        page <= 1 ? SitePaths.ranking(metric.id, year: year) : SitePaths.rankingPage(metric.id, year: year, group: group.id, page: page)
    }

    /// Places `(page - 1) * pageSize + 1 …` of one peer group.
    static func continuation(_ site: SiteIndex, metric: MetricDefinition, year: Int, ranking r: Int, page number: Int, pageSize: Int = pageSize) -> Page {
        let ranking = site.dataset.rankings[r]
        let path = path(metric, year: year, group: ranking.group, page: number)
        let root = SitePaths.root(from: path)
        let pages = (ranking.entries.count + pageSize - 1) / pageSize
        var page = Page(path: path, title: "\(year)年 \(metric.label)排名：\(ranking.group.label)（第 \(number)/\(pages) 页）",
                        crumbs: [Page.Crumb("首页", SitePaths.home), Page.Crumb("排名", SitePaths.rankings),
                                 Page.Crumb("\(year)年 \(metric.label)", SitePaths.ranking(metric.id, year: year)), Page.Crumb("第 \(number) 页", nil)],
                        lead: "计算公式：\(metric.formula)。\(metric.directionWord.map { "\($0)。" } ?? "")")
        let slice = ranking.entries.dropFirst((number - 1) * pageSize).prefix(pageSize)
        page.paragraph(pager(metric, year: year, ranking: ranking, current: number, pages: pages, root: root))
        table(&page, site, metric: metric, ranking: ranking, entries: slice, root: root)
        return page
    }

    private static func pager(_ metric: MetricDefinition, year: Int, ranking: Ranking, current: Int, pages: Int, root: String) -> String {
        "本组共 \(ranking.entries.count) 家，分 \(pages) 页：" + (1...pages).map { n in
            n == current ? "**\(n)**" : Markdown.link(String(n), to: root + path(metric, year: year, group: ranking.group, page: n))
        }.joined(separator: " ")
    }

    private static func table(_ page: inout Page, _ site: SiteIndex, metric: MetricDefinition, ranking: Ranking,
                              entries: ArraySlice<Ranking.Entry>, root: String) {
        let rows = entries.map { e -> [String] in
            let report = site.dataset.reports[e.report]
            var parts = "", interval = ""
            if case .rate(let r) = e.figure, let n = r.numerator, let d = r.denominator { parts = "\(n)/\(d)" }
            if let w = e.interval { interval = "\(formatPercent(w.lower)) – \(formatPercent(w.upper))" }
            return [String(e.rank), Markdown.link(site.name(of: report), to: root + site.reportPath(e.report)),
                    Markdown.text(report.record.region.path), Markdown.text(e.figure.formatted), parts, interval]
        }
        page.table("\(ranking.group.label) \(metric.label)排名", header: ["名次", "机关", "地区", metric.label, "分子/分母", "95% 置信区间"],
                   rows: rows, numeric: [0, 3, 4], rowHeaders: false, sortable: true)
    }

    static func make(_ site: SiteIndex, metric: MetricDefinition, year: Int, pageSize: Int = pageSize) -> Page {
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
                let pages = (ranking.entries.count + pageSize - 1) / pageSize
                if pages > 1 { page.paragraph(pager(metric, year: year, ranking: ranking, current: 1, pages: pages, root: root)) }
                table(&page, site, metric: metric, ranking: ranking, entries: ranking.entries.prefix(pageSize), root: root)
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
        let names = indices.prefix(listLimit).map { i in
            let r = site.dataset.reports[i]
            let value = metric.map { "（\(Show.figure($0.figure(r.metrics)))）" } ?? ""
            return Markdown.link(site.name(of: r), to: root + site.reportPath(i)) + Markdown.text(value)
        }.joined(separator: "、")
        return indices.count > listLimit ? names + "等 \(indices.count) 家（全部见下载中的 rankings.csv）" : names
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
