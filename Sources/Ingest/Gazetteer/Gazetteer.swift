import Foundation
import ReportModel

/// China's divisions (province, prefecture, county) from the bundled `adcodes.csv`
/// (see `adcodes.NOTICE` beside it). Loaded once; read-only afterwards, so safe to share.
public struct Gazetteer: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case province, prefecture, county
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Division: Sendable, Hashable {
        /// Six digits: 2 province, 2 prefecture, 2 county.
        public let code: String
        public let name: String
        public var level: Level {
            if code.hasSuffix("0000") { return .province }
            if code.hasSuffix("00") { return .prefecture }
            return .county
        }
        public var provinceCode: String { String(code.prefix(2)) + "0000" }
        public var prefectureCode: String { String(code.prefix(4)) + "00" }
    }

    public let divisions: [Division]
    private let byCode: [String: Division]
    private let byName: [String: [Division]]
    /// Name lengths present, longest first, for longest-match scanning.
    let nameLengths: [Int]

    public init(csv: String) {
        var divisions: [Division] = []
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 2, fields[0].count == 12 else { continue }
            divisions.append(Division(code: String(fields[0].prefix(6)), name: String(fields[1])))
        }
        self.divisions = divisions
        byCode = Dictionary(divisions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        byName = Dictionary(grouping: divisions, by: \.name)
        nameLengths = Set(divisions.map(\.name.count)).sorted(by: >)
    }

    /// The gazetteer shipped with the package.
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "adcodes", withExtension: "csv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the bundled adcodes.csv is missing from the Ingest resources") }
        return Gazetteer(csv: text)
    }()

    public func division(code: String) -> Division? { byCode[code] }

    /// Every division with this exact name (鼓楼区 has four).
    public func divisions(named name: String) -> [Division] { byName[name] ?? [] }

    /// The region record for a division: its own name at its level, its parents' above it.
    public func region(for division: Division) -> Region {
        var region = Region(adcode: division.code)
        region.province = byCode[division.provinceCode]?.name
        if division.level >= .prefecture, division.prefectureCode != division.provinceCode {
            region.prefecture = byCode[division.prefectureCode]?.name
        }
        if division.level == .county { region.county = division.name }
        return region
    }

    /// True when `ancestor` contains `division` (or is it).
    public func contains(_ ancestor: Division, _ division: Division) -> Bool {
        switch ancestor.level {
        case .province: return division.provinceCode == ancestor.code
        case .prefecture: return division.prefectureCode == ancestor.code
        case .county: return division.code == ancestor.code
        }
    }

    /// Division names in `text`, longest match first at each position, in order of appearance.
    public func mentions(in text: String) -> [String] {
        let chars = Array(text)
        var found: [String] = []
        var i = 0
        while i < chars.count {
            var matched = 0
            for length in nameLengths where length >= 2 && i + length <= chars.count {
                let candidate = String(chars[i..<(i + length)])
                if byName[candidate] != nil {
                    found.append(candidate)
                    matched = length
                    break
                }
            }
            i += max(matched, 1)
        }
        return found
    }
}
