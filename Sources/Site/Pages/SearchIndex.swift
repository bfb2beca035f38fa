import Analysis
import Foundation
import ReportModel

/// The search box's index (loaded by `site.js` on first use): every kept report and every region
/// page, by name. It lists the whole country, so it is made again only when a name, a region or
/// a path in it changed, not when a report's figures did (a correction leaves it as it is).
enum SearchIndex {
    struct Entry: Sendable {
        /// Name shown (with the year), region or level, and the page.
        let name: String, region: String, path: String
    }

    static func entries(_ site: SiteIndex) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(site.dataset.reports.count + site.dataset.regions.count)
        for report in site.dataset.reports where report.supersededBy == nil {
            entries.append(Entry(name: "\(site.name(of: report)) \(report.record.year.map { "\($0)年" } ?? "")",
                                 region: report.record.region.path, path: site.reportPath(report.index)))
        }
        for region in site.dataset.regions where region.adcode != RegionTotals.nationalCode {
            entries.append(Entry(name: "\(region.name) \(region.year)年", region: region.level.label,
                                 path: SitePaths.region(region.adcode, year: region.year)))
        }
        return entries
    }

    static func digest(_ entries: [Entry]) -> ContentHash {
        var d = DigestBuilder("search-index")
        d.add(entries.count)
        for entry in entries {
            d.add(entry.name)
            d.add(entry.region)
            d.add(entry.path)
        }
        return d.digest
    }

    static func file(_ site: SiteIndex) -> SiteFile { file(entries(site)) }

    /// `[{"n":…,"p":…,"r":…},…]`, keys sorted, as `JSONSerialization` writes it, but with "</"
    /// and U+2028/9 escaped as well: the file is a script, where "</" must not close it and
    /// U+2028/9 are line ends in older engines.
    static func file(_ entries: [Entry]) -> SiteFile {
        var json = "window.GOVREPORT_SEARCH = ["
        json.reserveCapacity(entries.count * 96)
        for (i, entry) in entries.enumerated() {
            json += i == 0 ? "{\"n\":" : ",{\"n\":"
            quote(entry.name, into: &json)
            json += ",\"p\":"
            quote(entry.path, into: &json)
            json += ",\"r\":"
            quote(entry.region, into: &json)
            json += "}"
        }
        json += "];\n"
        return SiteFile(path: SitePaths.searchIndex, text: json)
    }

    private static func quote(_ text: String, into out: inout String) {
        // Most names need no escape at all: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<") || $0 == 0xE2 }) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var quoted = ""
        PrettyJSON.quote(text, into: &quoted)
        out += quoted.replacingOccurrences(of: "</", with: "<\\/")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }
}
