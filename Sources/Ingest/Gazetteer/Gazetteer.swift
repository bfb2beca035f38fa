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
    /// For `plainMentions`: the names (as scalars, longest first) opening with each pair of
    /// scalars; nil when some name is not plain text and only the Character scan is exact.
    private let namesByOpening: [UInt64: [[UInt32]]]?

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
        if divisions.allSatisfy({ PlainText.isPlain($0.name) }) {
            var names: [UInt64: [[UInt32]]] = [:]
            for name in Set(divisions.map(\.name)).sorted() {
                let scalars = name.unicodeScalars.map(\.value)
                guard scalars.count >= 2 else { continue }
                names[UInt64(scalars[0]) << 32 | UInt64(scalars[1]), default: []].append(scalars)
            }
            // Longest first; the order among names of one length does not matter, as at most one
            // of them can match at a position.
            namesByOpening = names.mapValues { $0.sorted { $0.count > $1.count } }
        } else {
            namesByOpening = nil
        }
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
        if let fast = plainMentions(in: text) { return fast }
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

    /// `mentions` for plain text: each scalar is a Character, so the same longest-first scan can
    /// compare scalars with the few names that open with the two at each position, instead of
    /// building a String for each name length there. Nil when the text (or a name) is not plain.
    private func plainMentions(in text: String) -> [String]? {
        guard let namesByOpening else { return nil }
        return PlainText.withUTF8(text) { bytes -> [String]? in
            guard PlainText.isPlain(bytes) else { return nil }
            var starts: [Int] = []  // byte offset of each scalar, and the end
            var values: [UInt32] = []
            starts.reserveCapacity(bytes.count + 1)
            values.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                starts.append(i)
                if bytes[i] < 0x80 {
                    values.append(UInt32(bytes[i]))
                    i += 1
                } else {
                    values.append(UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
                    i += 3
                }
            }
            starts.append(bytes.count)
            var found: [String] = []
            var position = 0
            while position < values.count {
                var matched = 0
                if position + 1 < values.count,
                   let names = namesByOpening[UInt64(values[position]) << 32 | UInt64(values[position + 1])] {
                    for name in names where position + name.count <= values.count
                        && values[(position + 2)..<(position + name.count)].elementsEqual(name[2...]) {
                        found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[position]..<starts[position + name.count]]), as: UTF8.self))
                        matched = name.count
                        break
                    }
                }
                position += max(matched, 1)
            }
            return found
        }
    }
}
