/// How a sample corpus is spread over the layouts: a whole-number share for each. A PDF costs
/// a pdftotext and a pdftocairo process to read (tens of milliseconds, the text layouts well
/// under one), so the standard mix holds every format but few PDFs: a benchmark measures the
/// reader, not poppler's start-up.
public struct FormatMix: Sendable, Equatable, CustomStringConvertible {
    public struct Share: Sendable, Equatable {
        public var layout: ReportWriter.Layout
        public var weight: Int
        public init(_ layout: ReportWriter.Layout, _ weight: Int) {
            self.layout = layout
            self.weight = weight
        }
    }

    /// Layouts with a weight above zero, in the order given.
    public let shares: [Share]

    public init(_ shares: [Share]) { self.shares = shares.filter { $0.weight > 0 } }

    /// Percent of files in each layout by default: the four text layouts, 5% Word files, 2% PDFs.
    public static let standard = FormatMix([
        .init(.textCells, 30), .init(.textPipes, 20), .init(.html, 23), .init(.markdown, 20), .init(.docx, 5), .init(.pdf, 2),
    ])

    /// The same share for each layout.
    public static func equal(_ layouts: [ReportWriter.Layout]) -> FormatMix { FormatMix(layouts.map { Share($0, 1) }) }

    public var layouts: [ReportWriter.Layout] { shares.map(\.layout) }

    /// `text-cells=30,html=20,pdf=2` (weights), or `docx,pdf` (equal shares); a layout without a
    /// weight counts 1. A failure says why: an unknown layout, a bad weight, or none left.
    public static func parse(_ text: String) -> Result<FormatMix, ParseError> {
        var shares: [Share] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let layout = ReportWriter.Layout(rawValue: parts[0]) else { return .failure(ParseError("unknown format \(parts[0])")) }
            guard !shares.contains(where: { $0.layout == layout }) else { return .failure(ParseError("\(layout.rawValue) given twice")) }
            var weight = 1
            if parts.count == 2 {
                guard let w = Int(parts[1]), w >= 0, w <= 1_000_000 else { return .failure(ParseError("bad share \(parts[1]) for \(layout.rawValue)")) }
                weight = w
            }
            shares.append(Share(layout, weight))
        }
        let mix = FormatMix(shares)
        return mix.shares.isEmpty ? .failure(ParseError("no format with a share above 0")) : .success(mix)
    }

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    public var description: String { shares.map { "\($0.layout.rawValue)=\($0.weight)" }.joined(separator: ",") }

    /// One layout, by weight, from one draw of `rng` (so equal shares pick as a plain index would).
    func pick(_ rng: inout SplitMix64) -> ReportWriter.Layout {
        let total = shares.reduce(0) { $0 + $1.weight }
        var draw = Int(rng.next() % UInt64(total))
        for share in shares {
            if draw < share.weight { return share.layout }
            draw -= share.weight
        }
        return shares.last!.layout
    }
}
