/// Horizontal bars, one per labelled value, drawn at build time. The values are printed beside
/// the bars and the table on the same page holds them too, so the chart is never the only source.
enum BarChart {
    struct Bar {
        let label: String
        let value: Double
        let text: String
    }

    static func svg(_ bars: [Bar], title: String, maximum: Double? = nil) -> TrustedHTML {
        guard !bars.isEmpty else { return TrustedHTML("") }
        let rowHeight = 22.0, labelWidth = 220.0, barWidth = 360.0, valueWidth = 120.0
        let width = labelWidth + barWidth + valueWidth
        let height = rowHeight * Double(bars.count) + 8
        let top = max(maximum ?? 0, bars.map(\.value).max() ?? 0)
        var body = ""
        for (i, bar) in bars.enumerated() {
            let y = 4 + Double(i) * rowHeight
            let w = top > 0 ? max(0, bar.value) / top * barWidth : 0
            let label = bar.label.count > 16 ? String(bar.label.prefix(15)) + "…" : bar.label
            body += "<g><title>\(HTML.escape(bar.label))：\(HTML.escape(bar.text))</title>"
            body += "<text x=\"\(fmt(labelWidth - 6))\" y=\"\(fmt(y + 15))\" text-anchor=\"end\">\(HTML.escape(label))</text>"
            body += "<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(w))\" height=\"\(fmt(rowHeight - 6))\" fill=\"#2f5d8a\"/>"
            body += "<text x=\"\(fmt(labelWidth + w + 6))\" y=\"\(fmt(y + 15))\">\(HTML.escape(bar.text))</text></g>"
        }
        let alt = bars.map { "\($0.label) \($0.text)" }.joined(separator: "；")
        return TrustedHTML("""
            <figure><svg class="chart bars" role="img" aria-label="\(HTML.escape(title))：\(HTML.escape(alt))" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">\(body)</svg>
            <figcaption>\(HTML.escape(title))</figcaption></figure>
            """)
    }
}
