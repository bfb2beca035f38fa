import Analysis
import Foundation
import Ingest
import PublishKit
import ReportModel
@testable import Site
import Testing

/// Large-site hygiene, with the limits made small: the sitemap becomes an index above its URL
/// limit, and a year's list of reports is split into pages, so no file grows with the country.
@Suite struct LargeSiteTests {
    static func site() -> SiteIndex {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Content")
        let records = InputDiscovery.files(in: content).compactMap { input -> ReportRecord? in
            if case .report(let r) = ReportReader.read(contentsOf: input.url, source: input.source) { return r }
            return nil
        }
        return SiteIndex(SiteContent(dataset: Dataset(records: records), unread: [], settings: SiteSettings(title: "t", baseURL: "https://example.org/")))
    }

    static func locations(_ xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func sitemapIsSplitIntoAnIndexAboveTheLimit() {
        let site = Self.site()
        let whole = Sitemap.files(site)
        #expect(whole.count == 1)
        let all = Self.locations(String(decoding: whole[0].data, as: UTF8.self))
        #expect(all.count > 10)
        let split = Sitemap.files(site, limit: 4)
        let index = String(decoding: split[0].data, as: UTF8.self)
        #expect(split[0].path == "sitemap.xml" && index.contains("<sitemapindex"))
        let parts = split.dropFirst()
        #expect(parts.count == (all.count + 3) / 4)
        #expect(Self.locations(index) == parts.map { "https://example.org/" + $0.path })
        var listed: [String] = []
        for part in parts {
            let urls = Self.locations(String(decoding: part.data, as: UTF8.self))
            #expect(urls.count <= 4)
            listed += urls
        }
        #expect(listed == all)
    }

    @Test func aYearsReportsArePaged() {
        let site = Self.site()
        let year = site.dataset.years[0]
        let count = site.reportsByYear[year]!.count
        #expect(count == 5)
        #expect(YearPage.pageCount(site, year: year, pageSize: 2) == 3)
        var linked: [String] = []
        for number in 1...3 {
            let page = YearPage.make(site, year: year, page: number, pageSize: 2)
            #expect(page.path == (number == 1 ? "years/\(year).html" : "years/\(year)-\(number).html"))
            let tables = page.fragments.compactMap { fragment -> String? in
                if case .table(_, let markdown, _, _) = fragment { return markdown }
                return nil
            }
            #expect(tables.count == 1)
            let rows = tables[0].split(separator: "\n").dropFirst(2)
            #expect(rows.count == (number < 3 ? 2 : 1))
            linked += rows.map { String($0) }
        }
        // Every report of the year on exactly one page.
        #expect(Set(linked).count == count)
    }
}
