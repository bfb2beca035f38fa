import Analysis
import ReportModel

/// The table of reports used on the home, year and region pages: agency, region, year, requests
/// received, disclosure rate and the number of errors found, each agency linking to its page.
enum ReportList {
    static func add(_ page: inout Page, _ site: SiteIndex, _ indices: [Int], caption: String) {
        let root = SitePaths.root(from: page.path)
        let rows = indices.map { i -> [String] in
            let r = site.dataset.reports[i]
            var name = Markdown.link(site.name(of: r), to: root + site.reportPath(i))
            if r.record.scope == .region { name += "（汇总）" }
            if r.supersededBy != nil { name += "（已被替代）" }
            return [
                name, Markdown.text(r.record.region.path.isEmpty ? "未识别" : r.record.region.path),
                r.record.year.map(String.init) ?? "—", Show.count(r.metrics.received),
                Markdown.text(r.metrics.disclosureRate.formatted), String(r.count(.error)),
            ]
        }
        page.table(caption, header: ["机关", "地区", "年度", "本年新收申请", "公开率", "错误"], rows: rows, numeric: [2, 3, 4, 5], sortable: true)
    }

    /// Reports sorted for reading: by region code, then agency.
    static func sorted(_ site: SiteIndex, _ indices: [Int]) -> [Int] { sorted(site.dataset.reports, indices) }

    static func sorted(_ reports: [DatasetReport], _ indices: [Int]) -> [Int] {
        // Newest year first, then region code, organ and source. The keys taken out once (each
        // step copied two records), names compared as UTF-8 bytes: the order of `<` for NFC text.
        let keys = indices.map { i in
            let r = reports[i].record
            return (year: r.year ?? 0, adcode: r.region.adcode ?? "~", agency: r.agency ?? "~", source: r.source)
        }
        return keys.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.year != b.year { return a.year > b.year }
            let byCode = String.utf8Order(a.adcode, b.adcode)
            if byCode != 0 { return byCode < 0 }
            let byName = String.utf8Order(a.agency, b.agency)
            if byName != 0 { return byName < 0 }
            return String.utf8Precedes(a.source, b.source)
        }.map { indices[$0] }
    }
}
