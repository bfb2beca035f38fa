/// How a sample corpus is spread over the layouts: a whole-number weight for each, files taking
/// the layouts in turn in proportion (see `Sequence`). The standard mix holds every format but
/// few PDFs, which cost a poppler process or two each to read: a benchmark should measure the
/// readers, not poppler's start-up.
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

    /// Files in a thousand in each layout by default: the four text layouts, 70 Word files and one
    /// PDF. Reading a PDF takes two poppler processes (0.2–0.3 s on a loaded machine) against about
    /// a millisecond for a text file (release build), so one PDF in a thousand is already a fifth
    /// of the parse time; more would measure poppler instead of the readers. Ask for more with
    /// `--formats` when PDFs are what is measured.
    public static let standard = FormatMix([
        .init(.textCells, 300), .init(.textPipes, 200), .init(.html, 230), .init(.markdown, 199), .init(.docx, 70), .init(.pdf, 1),
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

    /// The layouts in turn, each as often as its weight says and spread evenly (smooth weighted
    /// round-robin): after n files each layout has n × its share, give or take one, and the same
    /// mix always gives the same sequence.
    struct Sequence {
        let shares: [Share]
        let total: Int
        var credit: [Int]

        init(_ mix: FormatMix) {
            shares = mix.shares
            total = mix.shares.reduce(0) { $0 + $1.weight }
            // Every layout starts nearly due, so a rare one comes early (the standard mix's PDF is
            // the 101st file, then one in each thousand), not only at the end of its first thousand.
            let full = total
            credit = mix.shares.map { full - $0.weight }
        }

        mutating func next() -> ReportWriter.Layout {
            var best = 0
            for i in shares.indices {
                credit[i] += shares[i].weight
                if credit[i] > credit[best] { best = i }
            }
            credit[best] -= total
            return shares[best].layout
        }
    }
}
