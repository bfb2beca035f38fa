import Foundation
@testable import Ingest
import ReportModel
import SampleCorpus
import Testing

/// Hostile input never crashes the Word and PDF readers: damaged copies of a real .docx, and
/// pages of words and lines placed at random (a deterministic generator, so a failure repeats).
@Suite struct OfficeReaderRobustnessTests {
    struct Generator {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func double(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(next() % 10_000) / 10_000 * (range.upperBound - range.lowerBound)
        }
    }

    @Test func damagedWordFilesGiveAReasonOrARecord() throws {
        let good = try Data(contentsOf: Fixtures.url("formats/seed-004.docx"))
        var random = Generator(state: 2024)
        var unread = 0
        for _ in 0..<60 {
            var bytes = [UInt8](good)
            switch random.int(0..<3) {
            case 0: bytes = Array(bytes.prefix(random.int(4..<bytes.count)))
            case 1:
                for _ in 0..<random.int(1..<20) { bytes[random.int(0..<bytes.count)] = UInt8(random.int(0..<256)) }
            default:
                // Damage the central directory at the end, where offsets and sizes live.
                for _ in 0..<random.int(1..<6) { bytes[bytes.count - 1 - random.int(0..<600)] = UInt8(random.int(0..<256)) }
            }
            if case .unread(let file) = ReportReader.read(data: Data(bytes), source: "damaged.docx") {
                #expect(!file.reason.isEmpty)
                unread += 1
            }
        }
        #expect(unread > 0, "damage is noticed")
    }

    @Test func wordsAndLinesAtRandomNeverBreakTheLayout() {
        var random = Generator(state: 711)
        let texts = ["0", "12", "2,316", "1.属于", "（三）", "规章", "信息内容", "/", "三、本年度", "第二十条第（一）项",
                     "2025年1月8日", "- 3 -", "自然人", "政府信息公开工作年度报告", "本年度我街道进一步完善了政府信息公开制度"]
        for _ in 0..<300 {
            var pages: [PDFPage] = []
            for _ in 0..<random.int(1..<4) {
                var page = PDFPage(width: 595, height: 842)
                let grid = (0..<random.int(0..<8)).map { _ in random.double(20...580) }
                for _ in 0..<random.int(0..<60) {
                    let x = random.double(0...560), y = random.double(0...820), h = random.double(4...20)
                    let word = PDFPage.Word(text: texts[random.int(0..<texts.count)],
                                            box: .init(x0: x, y0: y, x1: x + random.double(1...200), y1: y + h))
                    page.lines.append(PDFPage.Line(words: [word]))
                }
                for _ in 0..<random.int(0..<40) {
                    let horizontal = random.int(0..<2) == 0
                    let at = grid.isEmpty || random.int(0..<3) == 0 ? random.double(0...800) : grid[random.int(0..<grid.count)]
                    let a = random.double(0...600)
                    page.rulings.append(.init(horizontal: horizontal, position: at, start: a, end: a + random.double(0...400)))
                }
                pages.append(page)
            }
            let (blocks, _) = PDFDocumentLayout.blocks(pages: pages)
            for case .table(let table) in blocks {
                #expect(!table.rows.isEmpty)
            }
        }
    }

    @Test func xmlThatIsNotXMLIsRefused() {
        #expect(ParsedXML(data: Data("<w:document><w:body>".utf8)) == nil)
        #expect(ParsedXML(data: Data([0xFF, 0x00, 0x3C])) == nil)
        // An entity expansion bomb is not expanded (entities are never substituted).
        let bomb = """
        <?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><d>&d;&d;&d;</d>
        """
        if let xml = ParsedXML(data: Data(bomb.utf8)), let root = xml.root {
            #expect(root.allText.count < 1000)
        }
    }
}
