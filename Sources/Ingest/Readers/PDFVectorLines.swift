import Foundation

/// The straight lines drawn on each page, from `pdftocairo -svg` output: stroked horizontal or
/// vertical path segments, and thin filled rectangles (how many writers draw cell borders).
/// Glyph outlines (in `<defs>`) and curves are left out.
enum PDFVectorLines {
    /// One list per page, in page order.
    static func pages(from data: Data) -> [[PDFPage.Ruling]]? {
        guard let xml = ParsedXML(data: data, recover: true), let root = xml.root else { return nil }
        var pages: [[PDFPage.Ruling]] = []
        if let pageSet = root.children.first(where: { $0.localName == "pageSet" }) {
            for page in pageSet.children where page.localName == "page" {
                var rulings: [PDFPage.Ruling] = []
                collect(page, transform: .identity, into: &rulings)
                pages.append(rulings)
            }
        } else {
            var rulings: [PDFPage.Ruling] = []
            collect(root, transform: .identity, into: &rulings)
            pages.append(rulings)
        }
        return pages
    }

    /// The thickest stroke or fill still read as a border, in points.
    static let maxThickness = 3.0

    private static func collect(_ e: ParsedXML.Element, transform: Transform, into rulings: inout [PDFPage.Ruling]) {
        for child in e.children {
            switch child.localName {
            case "defs", "symbol", "clipPath", "mask", "pattern", "use", "image", "text": continue
            case "path":
                let t = transform.then(Transform.parse(child.attribute("transform")))
                rulings += self.rulings(child, transform: t)
            default:
                collect(child, transform: transform.then(Transform.parse(child.attribute("transform"))), into: &rulings)
            }
        }
    }

    private static func rulings(_ path: ParsedXML.Element, transform: Transform) -> [PDFPage.Ruling] {
        let style = Style(path.attribute("style") ?? "")
        guard let d = path.attribute("d"), let subpaths = PathData.subpaths(d) else { return [] }
        var out: [PDFPage.Ruling] = []
        let points = subpaths.map { $0.map(transform.apply) }
        if style.strokes {
            for sub in points {
                for (a, b) in zip(sub, sub.dropFirst()) {
                    if abs(a.y - b.y) < 0.5, abs(a.x - b.x) >= 1 {
                        out.append(.init(horizontal: true, position: (a.y + b.y) / 2, start: min(a.x, b.x), end: max(a.x, b.x)))
                    } else if abs(a.x - b.x) < 0.5, abs(a.y - b.y) >= 1 {
                        out.append(.init(horizontal: false, position: (a.x + b.x) / 2, start: min(a.y, b.y), end: max(a.y, b.y)))
                    }
                }
            }
        }
        if style.fills {
            // A thin axis-aligned rectangle is a line; anything larger is shading, not a border.
            for sub in points where sub.count >= 4 {
                let xs = sub.map(\.x), ys = sub.map(\.y)
                let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
                guard sub.allSatisfy({ (abs($0.x - x0) < 0.1 || abs($0.x - x1) < 0.1) && (abs($0.y - y0) < 0.1 || abs($0.y - y1) < 0.1) })
                else { continue }
                let w = x1 - x0, h = y1 - y0
                if h <= maxThickness, w > h, w >= 1 {
                    out.append(.init(horizontal: true, position: (y0 + y1) / 2, start: x0, end: x1))
                } else if w <= maxThickness, h > w, h >= 1 {
                    out.append(.init(horizontal: false, position: (x0 + x1) / 2, start: y0, end: y1))
                }
            }
        }
        return out
    }

    struct Point { var x, y: Double }

    /// An affine transform `matrix(a,b,c,d,e,f)`.
    struct Transform {
        var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0
        static let identity = Transform()

        func apply(_ p: Point) -> Point { Point(x: a * p.x + c * p.y + e, y: b * p.x + d * p.y + f) }

        /// This transform applied after `inner` (an element's own transform inside its parents').
        func then(_ inner: Transform) -> Transform {
            Transform(a: a * inner.a + c * inner.b, b: b * inner.a + d * inner.b,
                      c: a * inner.c + c * inner.d, d: b * inner.c + d * inner.d,
                      e: a * inner.e + c * inner.f + e, f: b * inner.e + d * inner.f + f)
        }

        /// `matrix(…)`, `translate(…)`, `scale(…)`, in sequence; anything else is left out.
        static func parse(_ text: String?) -> Transform {
            guard let text, !text.isEmpty else { return .identity }
            var result = Transform.identity
            for part in text.split(separator: ")") {
                let pieces = part.split(separator: "(", maxSplits: 1)
                guard pieces.count == 2 else { continue }
                let name = pieces[0].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
                let v = pieces[1].split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
                var t = Transform.identity
                switch (name, v.count) {
                case ("matrix", 6): t = Transform(a: v[0], b: v[1], c: v[2], d: v[3], e: v[4], f: v[5])
                case ("translate", 1): t.e = v[0]
                case ("translate", 2): t.e = v[0]; t.f = v[1]
                case ("scale", 1): t.a = v[0]; t.d = v[0]
                case ("scale", 2): t.a = v[0]; t.d = v[1]
                default: continue
                }
                result = result.then(t)
            }
            return result
        }
    }

    private struct Style {
        var strokes = false
        var fills = true
        init(_ css: String) {
            for declaration in css.split(separator: ";") {
                let kv = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                switch kv[0] {
                case "stroke": strokes = kv[1] != "none" && !Self.isWhite(kv[1])
                case "fill": fills = kv[1] != "none" && !Self.isWhite(kv[1])
                default: break
                }
            }
        }
        static func isWhite(_ colour: String) -> Bool {
            colour == "rgb(100%,100%,100%)" || colour == "#ffffff" || colour == "white"
        }
    }

    /// SVG path data with straight segments only (M L H V Z, absolute or relative). A path with
    /// curves is not a border: nil.
    enum PathData {
        static func subpaths(_ d: String) -> [[Point]]? {
            var result: [[Point]] = []
            var current: [Point] = []
            var command: Character = "M"
            var numbers: [Double] = []
            var position = Point(x: 0, y: 0)
            var start = position

            func flush() throws {
                switch command {
                case "M", "m", "L", "l":
                    var i = 0
                    while i + 1 < numbers.count {
                        let relative = command == "m" || command == "l"
                        let p = relative ? Point(x: position.x + numbers[i], y: position.y + numbers[i + 1])
                            : Point(x: numbers[i], y: numbers[i + 1])
                        if (command == "M" || command == "m") && i == 0 {
                            if current.count > 1 { result.append(current) }
                            current = [p]
                            start = p
                        } else {
                            current.append(p)
                        }
                        position = p
                        i += 2
                    }
                case "H", "h", "V", "v":
                    for n in numbers {
                        switch command {
                        case "H": position.x = n
                        case "h": position.x += n
                        case "V": position.y = n
                        default: position.y += n
                        }
                        current.append(position)
                    }
                case "Z", "z":
                    if !current.isEmpty { current.append(start) }
                    position = start
                default:
                    throw Curve()
                }
                numbers = []
            }

            var token = ""
            func endNumber() {
                if !token.isEmpty, let v = Double(token) { numbers.append(v) }
                token = ""
            }
            do {
                for ch in d {
                    if ch.isLetter && ch != "e" && ch != "E" {
                        endNumber()
                        try flush()
                        command = ch
                    } else if ch == "," || ch == " " || ch == "\n" || ch == "\t" {
                        endNumber()
                    } else if ch == "-" && !token.isEmpty && token.last != "e" && token.last != "E" {
                        endNumber()
                        token = "-"
                    } else {
                        token.append(ch)
                    }
                }
                endNumber()
                try flush()
            } catch {
                return nil
            }
            if current.count > 1 { result.append(current) }
            return result
        }

        private struct Curve: Error {}
    }
}
