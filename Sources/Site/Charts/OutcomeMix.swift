import Analysis
import ReportModel

/// How requests were answered, as one stacked bar per organ or region: the six outcome groups
/// of table 三 as shares of 办结总计.
enum OutcomeMix {
    static let groups: [(RequestGroup, String)] = [
        (.granted, "#2e7d32"), (.partiallyGranted, "#7cb342"), (.denied, "#b3261e"),
        (.unable, "#f9a825"), (.notProcessed, "#6d4c41"), (.other, "#90a4ae"),
    ]

    /// "（二）部分公开（区分处理的…）" → "部分公开": the format's label without enumerator or note.
    static func name(_ group: RequestGroup) -> String {
        String(group.label.drop(while: { $0 != "）" }).dropFirst().prefix(while: { $0 != "（" }))
    }

    static func shares(_ record: ReportRecord) -> [Int?] {
        groups.map { group, _ in sum(group.rows.map { record.requests[$0, .total] }) }
    }

    static func svg(_ items: [(label: String, record: ReportRecord)], title: String) -> TrustedHTML {
        let drawable = items.compactMap { item -> (String, [Int])? in
            let parts = shares(item.record)
            guard !parts.contains(where: { $0 == nil }) else { return nil }
            let values = parts.map { $0! }
            return values.reduce(0, +) > 0 ? (item.label, values) : nil
        }
        guard !drawable.isEmpty else { return TrustedHTML("") }
        let rowHeight = 22.0, labelWidth = 220.0, barWidth = 460.0
        let legendHeight = 24.0
        let height = legendHeight + rowHeight * Double(drawable.count) + 8
        var body = ""
        var x = 0.0
        for (group, color) in groups {
            body += "<rect x=\"\(fmt(x))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(color)\"/><text x=\"\(fmt(x + 16))\" y=\"15\">\(HTML.escape(name(group)))</text>"
            x += 110
        }
        for (i, item) in drawable.enumerated() {
            let y = legendHeight + 4 + Double(i) * rowHeight
            let total = Double(item.1.reduce(0, +))
            let label = item.0.count > 16 ? String(item.0.prefix(15)) + "…" : item.0
            let detail = zip(groups, item.1).map { "\(name($0.0)) \($1)（\(formatPercent(Double($1) / total))）" }.joined(separator: "，")
            body += "<g><title>\(HTML.escape(item.0))：\(HTML.escape(detail))</title>"
            body += "<text x=\"\(fmt(labelWidth - 6))\" y=\"\(fmt(y + 15))\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            var offset = labelWidth
            for ((_, color), value) in zip(groups, item.1) where value > 0 {
                let w = Double(value) / total * barWidth
                body += "<rect x=\"\(fmt(offset))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(w))\" height=\"\(fmt(rowHeight - 6))\" fill=\"\(color)\"/>"
                offset += w
            }
            body += "</g>"
        }
        let width = max(labelWidth + barWidth + 10, 670)
        let alt = drawable.map { item in
            let total = Double(item.1.reduce(0, +))
            return "\(item.0)：" + zip(groups, item.1).map { "\(name($0.0))\(formatPercent(Double($1) / total))" }.joined(separator: "、")
        }.joined(separator: "；")
        return TrustedHTML("""
            <figure><svg class="chart mix" role="img" aria-label="\(HTML.escape(title))：\(HTML.escape(alt))" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">\(body)</svg>
            <figcaption>\(HTML.escape(title))（占办结总计的比例）</figcaption></figure>
            """)
    }
}
