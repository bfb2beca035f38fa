import Analysis
import Foundation

/// The search box's index: every agency and region, loaded by `site.js` on first use.
enum SearchIndex {
    static func file(_ site: SiteIndex) -> SiteFile {
        var entries: [[String: String]] = []
        for report in site.dataset.reports where report.supersededBy == nil {
            entries.append(["n": "\(site.name(of: report)) \(report.record.year.map { "\($0)年" } ?? "")", "r": report.record.region.path, "p": site.reportPath(report.index)])
        }
        for region in site.dataset.regions where region.adcode != RegionTotals.nationalCode {
            entries.append(["n": "\(region.name) \(region.year)年", "r": region.level.label, "p": SitePaths.region(region.adcode, year: region.year)])
        }
        let data = (try? JSONSerialization.data(withJSONObject: entries, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        // Inside a script: "</" must not close it, and U+2028/9 are line ends in older engines.
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return SiteFile(path: SitePaths.searchIndex, text: "window.GOVREPORT_SEARCH = \(json);\n")
    }
}

/// sitemap.xml with absolute URLs when `base_url` is configured, else relative ones. A sitemap
/// holds at most 50,000 URLs (sitemaps.org): above that, sitemap.xml is an index of
/// sitemap-1.xml, sitemap-2.xml, ….
enum Sitemap {
    static let limit = 50_000

    static func files(_ site: SiteIndex, limit: Int = limit) -> [SiteFile] {
        let base = site.content.settings.baseURL ?? ""
        var paths = [SitePaths.home, SitePaths.regions, SitePaths.rankings, SitePaths.quality, SitePaths.unread, SitePaths.methodology, SitePaths.downloads]
        for year in site.dataset.years {
            paths += (1...YearPage.pageCount(site, year: year)).map { SitePaths.year(year, page: $0) }
            for metric in MetricCatalogue.all {
                paths.append(SitePaths.ranking(metric.id, year: year))
                paths += RankingPage.continuations(site, metric: metric, year: year).map {
                    RankingPage.path(metric, year: year, group: site.dataset.rankings[$0.ranking].group, page: $0.page)
                }
            }
        }
        paths += site.dataset.regions.map { SitePaths.region($0.adcode, year: $0.year) }
        paths += site.dataset.reports.map { site.reportPath($0.index) }
        func urlset(_ paths: ArraySlice<String>) -> String {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in paths { xml += "<url><loc>\(HTML.escape(base + path))</loc></url>\n" }
            return xml + "</urlset>\n"
        }
        guard paths.count > limit else { return [SiteFile(path: "sitemap.xml", text: urlset(paths[...]))] }
        var files: [SiteFile] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (n, start) in stride(from: 0, to: paths.count, by: limit).enumerated() {
            let name = "sitemap-\(n + 1).xml"
            files.append(SiteFile(path: name, text: urlset(paths[start..<min(start + limit, paths.count)])))
            index += "<sitemap><loc>\(HTML.escape(base + name))</loc></sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [SiteFile(path: "sitemap.xml", text: index)] + files
    }
}
