/// A small trend line with its values as the text alternative (readable without scripts or images).
enum Sparkline {
    static func svg(_ points: [(label: String, value: Double?)], label: String) -> TrustedHTML {
        let width = 240.0, height = 48.0, pad = 4.0
        let values = points.compactMap(\.value)
        let description = points.map { "\($0.label) \($0.value.map(Show.decimal) ?? "无数据")" }.joined(separator: "，")
        guard values.count >= 2, let lo = values.min(), let hi = values.max() else {
            return TrustedHTML("<p class=\"sparkline-text\">\(HTML.escape(label))：\(HTML.escape(description))</p>")
        }
        let span = hi - lo == 0 ? 1 : hi - lo
        let step = points.count > 1 ? (width - 2 * pad) / Double(points.count - 1) : 0
        var path = ""
        var dots = ""
        for (i, p) in points.enumerated() {
            guard let v = p.value else { continue }
            let x = pad + Double(i) * step, y = height - pad - (v - lo) / span * (height - 2 * pad)
            path += (path.isEmpty ? "M" : " L") + "\(fmt(x)) \(fmt(y))"
            dots += "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"2.5\" fill=\"#a4262c\"><title>\(HTML.escape(p.label))：\(Show.decimal(v))</title></circle>"
        }
        return TrustedHTML("""
            <figure><svg class="chart sparkline" role="img" aria-label="\(HTML.escape(label))：\(HTML.escape(description))" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))"><path d="\(path)" fill="none" stroke="#a4262c" stroke-width="1.5"/>\(dots)</svg>
            <figcaption>\(HTML.escape(label))：\(HTML.escape(description))</figcaption></figure>
            """)
    }
}

/// Coordinates with at most one decimal, so the SVG text is short and stable.
func fmt(_ v: Double) -> String {
    let r = (v * 10).rounded() / 10
    return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)  // Int(_:) traps on huge values
}
