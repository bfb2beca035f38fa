import Analysis
import Foundation
import ReportModel

/// sitemap.xml with absolute URLs when `base_url` is configured, else relative ones. A sitemap
/// holds at most 50,000 URLs (sitemaps.org): above that, sitemap.xml is an index of
/// sitemap-1.xml, sitemap-2.xml, ….
enum Sitemap {
    static let limit = 50_000

    static func files(_ site: SiteIndex, limit: Int = limit) -> [SiteFile] {
        files(paths: paths(site), base: site.content.settings.baseURL ?? "", limit: limit)
    }

    /// Every page's path, in the sitemap's order.
    static func paths(_ site: SiteIndex) -> [String] {
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
        return paths
    }

    /// The sitemap lists paths only: a correction to a report's figures leaves it as it is.
    static func digest(paths: [String], base: String) -> ContentHash {
        var d = DigestBuilder("sitemap")
        d.add(base)
        d.add(paths.count)
        for path in paths { d.add(path) }
        return d.digest
    }

    static func files(paths: [String], base: String, limit: Int = limit) -> [SiteFile] {
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
