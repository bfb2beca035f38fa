import Foundation
import Ingest
import ReportModel

/// A synthetic but realistic corpus for benchmarks and tests only: organs spread over real
/// divisions, several consecutive years each (carry-overs agree), every layout and format the
/// readers support (text, HTML, Markdown, .docx, PDF; in the shares of a FormatMix), a share with broken identities and blank cells, and narrative text. Every organ's
/// name carries （样例数据） and every file name starts with 样例-, so nothing generated can pass for
/// a real report. Deterministic: the same options give the same bytes.
public struct SampleGenerator: Sendable {
    public struct Options: Sendable {
        public var count: Int
        public var years: [Int]
        public var mix: FormatMix
        public var seed: UInt64
        /// `layouts`, when given, share the corpus equally and replace `mix`.
        public init(count: Int, years: [Int] = [2022, 2023, 2024], layouts: [ReportWriter.Layout]? = nil, mix: FormatMix = .standard,
                    seed: UInt64 = 1) {
            self.count = count
            self.years = years.sorted()
            self.mix = layouts.map(FormatMix.equal) ?? mix
            self.seed = seed
        }
        public var layouts: [ReportWriter.Layout] { mix.layouts }
    }

    public struct File: Sendable {
        /// Relative path: `省/市/样例-机关-年度.ext`.
        public let path: String
        public let data: Data
        public let layout: ReportWriter.Layout
        /// What the file holds, for tests that check a reader against the truth.
        public let truth: ReportRecord
    }

    public let options: Options
    let gazetteer: Gazetteer

    public init(options: Options, gazetteer: Gazetteer = .shared) {
        self.options = options
        self.gazetteer = gazetteer
    }

    public static let marker = "（样例数据）"

    /// The files, in a stable order; generated lazily one organ at a time by `forEach`.
    public func generate() -> [File] {
        var files: [File] = []
        forEach { files.append($0) }
        return files
    }

    /// Streams the files so a 100,000-report corpus never sits in memory at once.
    public func forEach(_ body: (File) -> Void) {
        let counties = gazetteer.divisions.filter { $0.level == .county }.sorted { $0.code < $1.code }
        let organCount = max(1, (options.count + options.years.count - 1) / options.years.count)
        var produced = 0
        var layouts = FormatMix.Sequence(options.mix)
        for organIndex in 0..<organCount where produced < options.count {
            var rng = SplitMix64(seed: options.seed &* 0x9E37_79B9 &+ UInt64(organIndex))
            let county = counties[Int(rng.next() % UInt64(counties.count))]
            let organ = Organ.make(county: county, index: organIndex, gazetteer: gazetteer, rng: &rng)
            var previous: ReportRecord?
            for year in options.years where produced < options.count {
                // The draw once chose the layout; it is kept so a seed still gives the same records.
                _ = rng.next()
                let layout = layouts.next()
                let (record, opening, closing) = organ.report(year: year, previous: previous, rng: &rng)
                previous = record
                let writer = ReportWriter(record: record, opening: opening, closing: closing)
                let name = "样例-\(organ.name)-\(year)-\(organIndex).\(layout.fileExtension)"
                let folder = [organ.region.province, organ.region.prefecture].compactMap { $0 }.joined(separator: "/")
                body(File(path: folder.isEmpty ? name : "\(folder)/\(name)", data: writer.data(layout), layout: layout, truth: record))
                produced += 1
            }
        }
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same corpus everywhere.
/// Public for tests that want a deterministic stream (a failure repeats).
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
