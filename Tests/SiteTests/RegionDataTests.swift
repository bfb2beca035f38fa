import Analysis
import Foundation
import ReportModel
@testable import Site
import Testing

/// The region files are written by hand, not through `JSONSerialization`: a script reading them
/// must get exactly the bytes it got before.
@Suite struct RegionDataTests {
    static func foundation(_ json: PrettyJSON) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: any(json), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]), as: UTF8.self)
    }

    static func any(_ json: PrettyJSON) -> Any {
        switch json {
        case .null: return NSNull()
        case .int(let v): return v
        case .double(let v): return v
        case .string(let s): return s
        case .array(let items): return items.map(any)
        case .object(let members): return members.mapValues(any)
        }
    }

    @Test func everyRegionFileOfTheSeedsIsWhatJSONSerializationWrites() throws {
        let site = LargeSiteTests.site()
        #expect(!site.dataset.regions.isEmpty)
        for region in site.dataset.regions {
            let json = RegionData.json(site, region: region)
            let file = try RegionData.file(site, region: region)
            #expect(String(decoding: file.data, as: UTF8.self) == (try Self.foundation(json)), "\(region.adcode) \(region.year)")
        }
    }

    @Test(arguments: [0, 1, -3, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 5e-05, 1.25e-7, 123_456.5, 99.99, 1e15, 8e15, 9_007_199_254_740_991, 9_007_199_254_740_992, 1e16, 3.0e20, -0.000_12])
    func numbersAreWrittenAsJSONSerializationWritesThem(_ value: Double) throws {
        let json = PrettyJSON.object(["value": .double(value), "count": .int(Int(value.rounded(.towardZero).clamped))])
        #expect(json.text == (try Self.foundation(json)))
    }

    @Test func stringsAreEscapedAsJSONSerializationEscapesThem() throws {
        let names = ["北京市", "a\"b\\c/d", "line\nbreak\ttab\rret", "\u{8}\u{C}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}", "😀 é", "</script>", ""]
        let json = PrettyJSON.object(["names": .array(names.map(PrettyJSON.string)), "empty": .array([]), "nothing": .null,
                                      "nested": .object(["b": .array([.array([]), .object(["z": .int(1), "a": .string("x")])])])])
        #expect(json.text == (try Self.foundation(json)))
    }
}

private extension Double {
    var clamped: Double { Swift.min(Swift.max(self, -1e12), 1e12) }
}
