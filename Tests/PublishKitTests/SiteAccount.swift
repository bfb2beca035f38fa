import Foundation
import Site

/// What a built site says about its inputs, read from the pages as a person would: the rows of
/// the unread-files page and the report pages present.
struct SiteAccount {
    /// Source (as the page shows it) and reason, per row of unread.html.
    var unread: [(source: String, reason: String)] = []
    var reportPages: Set<String> = []
    /// The count the home page gives: 本站收录 N 个文件.
    var homeCount: Int?

    init(output: URL) throws {
        let page = try String(contentsOf: output.appendingPathComponent(SitePaths.unread), encoding: .utf8)
        if let body = page.range(of: "<tbody>"), let end = page.range(of: "</tbody>") {
            let cell = try NSRegularExpression(pattern: "<t[hd][^>]*>(.*?)</t[hd]>", options: [.dotMatchesLineSeparators])
            for row in page[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").dropFirst() {
                let cells = cell.matches(in: row, range: NSRange(row.startIndex..., in: row)).map {
                    Self.unescape(String(row[Range($0.range(at: 1), in: row)!]).replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
                }
                if cells.count >= 2 { unread.append((cells[0].trimmingCharacters(in: .whitespaces), cells[1])) }
            }
        }
        let reports = output.appendingPathComponent("reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        reportPages = Set(names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) })
        let home = try String(contentsOf: output.appendingPathComponent(SitePaths.home), encoding: .utf8)
        if let match = home.range(of: #"本站收录 <strong>(\d+)</strong>"#, options: .regularExpression) {
            homeCount = Int(home[match].filter(\.isNumber))
        }
    }

    /// The reason given for `source`, compared scalar by scalar (NFC and NFD names are different files).
    func reason(for source: String) -> String? {
        let shown = Array(Self.shown(source).unicodeScalars)
        return unread.first { Array($0.source.unicodeScalars) == shown }?.reason
    }

    func hasPage(for source: String) -> Bool { reportPages.contains(SitePaths.reportID(source: source)) }

    /// A source as the page prints it: line breaks as spaces, other control characters dropped.
    static func shown(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" { out.append(" ") } else if c.value < 0x20 || c.value == 0x7F { continue } else { out.append(c) }
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
