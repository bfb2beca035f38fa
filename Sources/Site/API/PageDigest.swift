import Analysis
import Foundation
import ReportModel

/// Parts of page digests (build memos, see `SiteWriter.memoized`): the same value always adds the
/// same bytes, and absent is told apart from empty.
extension DigestBuilder {
    mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    mutating func add(_ number: Double?) {
        add(number != nil)
        if let number { add(number) }
    }

    /// A page's trail: each label and link (region names come from the reports, so they can change).
    mutating func add(_ crumbs: [Page.Crumb]) {
        add(crumbs.count)
        for crumb in crumbs {
            add(crumb.label)
            add(crumb.path)
        }
    }

    /// Reports by their summary digests, in the order shown.
    mutating func add<C: Collection>(reports indices: C, of site: SiteIndex) where C.Element == Int {
        add(indices.count)
        for i in indices { add(site.summaries[i]) }
    }
}

/// What every page shares: the navigation (it lists the newest years).
enum PageFrame {
    static func digest(_ navigation: [(label: String, path: String)]) -> ContentHash {
        var d = DigestBuilder("frame")
        for item in navigation {
            d.add(item.label)
            d.add(item.path)
        }
        return d.digest
    }
}

/// The digest of one report as other pages show it: everything read from its input (the read
/// cache's key, which covers its bytes, sidecar, limits and the tool's version, so the record and
/// every finding that follows from it alone), the findings of comparing it with other reports,
/// its narrative similarity, whether another file replaced it, and where its source copy is.
/// Made once per build, then combined into the digests of every page that lists the report.
enum ReportSummary {
    static func digest(_ content: SiteContent, _ report: DatasetReport) -> ContentHash {
        let record = report.record
        var d = DigestBuilder("report-summary")
        d.add(record.source)
        let input = content.input(of: report)
        if let key = input.readKey {
            d.add(key)
        } else {
            // No read key: nothing tells whether the record changed, so this digest never repeats.
            d.add(UUID().uuidString)
        }
        // The findings before the last few follow from the record alone, which the read key
        // covers; those comparing it with other reports are hashed as they are.
        d.add(record.diagnostics.count)
        d.add(report.crossReportFindings)
        for diagnostic in record.diagnostics.suffix(report.crossReportFindings) {
            d.add(diagnostic.severity.rawValue)
            d.add(diagnostic.code)
            d.add(diagnostic.where)
            d.add(diagnostic.message)
            d.add(diagnostic.expected)
            d.add(diagnostic.found)
        }
        let s = report.similarity
        d.add(s.previousYear)
        d.add(s.previousYearSource)
        d.add(s.sameYear)
        d.add(s.sameYearSource)
        d.add(report.supersededBy.map { content.dataset.reports[$0].record.source })
        d.add(report.level?.rawValue)
        d.add(report.kind.rawValue)
        d.add(input.copy)
        return d.digest
    }
}

/// The digest of one region in one year as its own and its parent's pages show it: its name and
/// level, and the reports its totals are summed from (so every figure derived from them).
enum RegionSummary {
    static func digest(_ region: RegionTotals, summaries: [ContentHash]) -> ContentHash {
        var d = DigestBuilder("region-summary")
        d.add(region.adcode)
        d.add(region.name)
        d.add(region.level.rawValue)
        d.add(region.year)
        d.add(region.requestsReports)
        d.add(region.disputesReports)
        for members in [region.members, region.regionWideReports] {
            d.add(members.count)
            for i in members { d.add(summaries[i]) }
        }
        return d.digest
    }
}
