import Foundation
@testable import Ingest
import ReportModel
import Testing

/// Reports come in UTF-8, GBK (declared or not), UTF-16 with or without a byte-order mark.
@Suite struct EncodingTests {
    static let text = LayoutQuirkTests.sample.cellPerLine()

    static func gbk(_ text: String) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GBK"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try! process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try! input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> Data {
        var data = Data(mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : [])
        for unit in text.utf16 {
            data.append(contentsOf: bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)])
        }
        return data
    }

    static func record(_ data: Data, source: String = "case.txt") -> ReportRecord? {
        if case .report(let record) = ReportReader.read(data: data, source: source) { return record }
        return nil
    }

    static func unreadReason(_ data: Data) -> String? {
        if case .unread(let file) = ReportReader.read(data: data, source: "case.txt") { return file.reason }
        return nil
    }

    static func guessed(_ record: ReportRecord) -> [Diagnostic] { record.diagnostics.filter { $0.code == "encoding-guessed" } }

    @Test func undeclaredGBKIsReadAndTheGuessSaid() throws {
        let record = try #require(Self.record(Self.gbk(Self.text)))
        LayoutQuirkTests.assertSampleValues(record)
        let guess = try #require(Self.guessed(record).first)
        #expect(guess.severity == .info)
        #expect(guess.message.contains("GB18030"))
    }

    @Test func utf8WithAndWithoutAByteOrderMarkNeedsNoGuess() throws {
        for data in [Data(Self.text.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(Self.text.utf8)] {
            let record = try #require(Self.record(data))
            LayoutQuirkTests.assertSampleValues(record)
            #expect(!record.diagnostics.contains { $0.code.hasPrefix("encoding") })
        }
    }

    @Test(arguments: [(true, true), (true, false), (false, true), (false, false)])
    func utf16InBothByteOrdersWithAndWithoutAMark(bigEndian: Bool, mark: Bool) throws {
        let record = try #require(Self.record(Self.utf16(Self.text, bigEndian: bigEndian, mark: mark)))
        #expect(record.format == .textCells)
        LayoutQuirkTests.assertSampleValues(record)
        let guesses = Self.guessed(record)
        #expect(guesses.count == (mark ? 0 : 1))
        #expect(guesses.allSatisfy { $0.message.contains(bigEndian ? "UTF-16BE" : "UTF-16LE") })
    }

    @Test func bytesThatAreNeitherUTF8NorGB18030StayUnread() throws {
        var data = Self.gbk(Self.text)
        data.insert(contentsOf: [0xFF, 0xFF, 0x80], at: 200)
        let reason = try #require(Self.unreadReason(data))
        #expect(reason.contains("UTF-8") && reason.contains("GB18030"))
    }

    @Test func brokenUTF16AfterItsMarkIsUnread() throws {
        var data = Self.utf16("规章", bigEndian: false, mark: true)
        data.append(contentsOf: [0x00, 0xD8, 0x41, 0x00])  // a high surrogate alone
        let reason = try #require(Self.unreadReason(data))
        #expect(reason.contains("UTF-16LE"))
    }

    @Test func declaredGBKPageNeedsNoGuess() throws {
        // 區 is in GBK but not in GB2312: pages labelled gb2312 hold GBK, read as GB18030.
        for head in ["<meta charset=\"gbk\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"] {
            let page = LayoutQuirkTests.sample.htmlPage(head: head).replacingOccurrences(of: "现公布本报告", with: "现公布本報告（區）")
            let record = try #require(Self.record(Self.gbk(page), source: "case.html"))
            LayoutQuirkTests.assertSampleValues(record)
            #expect(!record.diagnostics.contains { $0.code.hasPrefix("encoding") }, "\(head)")
            guard case .success(let decoded) = TextDecoding.decode(Self.gbk(page)) else { Issue.record("not decoded"); continue }
            #expect(decoded.text.contains("现公布本報告（區）"))
            #expect(decoded.encoding == .gb18030)
        }
    }

    @Test func xhtmlDeclarationNamesTheCharset() throws {
        let page = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n" + LayoutQuirkTests.sample.htmlPage(head: "")
        guard case .success(let decoded) = TextDecoding.decode(Self.gbk(page)) else { Issue.record("not decoded"); return }
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.diagnostics.isEmpty)
    }

    @Test func aWrongDeclarationLosesToValidUTF8() throws {
        let page = LayoutQuirkTests.sample.htmlPage(head: "<meta charset=\"gb2312\">")
        let record = try #require(Self.record(Data(page.utf8), source: "case.html"))
        LayoutQuirkTests.assertSampleValues(record)
        #expect(record.diagnostics.contains { $0.code == "encoding-mismatch" && $0.severity == .info && $0.message.contains("gb2312") })
    }

    @Test func anUnsupportedDeclarationIsNamedWhenTheEncodingIsGuessed() throws {
        let page = LayoutQuirkTests.sample.htmlPage(head: "<meta charset=\"iso-8859-1\">")
        let record = try #require(Self.record(Self.gbk(page), source: "case.html"))
        LayoutQuirkTests.assertSampleValues(record)
        #expect(Self.guessed(record).contains { $0.message.contains("iso-8859-1") && $0.message.contains("GB18030") })
    }

    @Test func big5DeclaredIsRead() throws {
        // 政府資訊公開 in Big5.
        let big5: [UInt8] = [0xAC, 0x46, 0xA9, 0xB2, 0xB8, 0xEA, 0xB0, 0x54, 0xA4, 0xBD, 0xB6, 0x7D]
        let data = Data("<html><head><meta charset=big5></head><body><p>".utf8) + Data(big5) + Data("</p></body></html>".utf8)
        guard case .success(let decoded) = TextDecoding.decode(data) else { Issue.record("not decoded"); return }
        #expect(decoded.text.contains("政府資訊公開"))
        #expect(decoded.encoding == .big5)
    }

    @Test func nulBytesWithoutTheUTF16PatternAreBinary() throws {
        // Zeros on both sides of each pair: not text in any encoding.
        let data = Data((0..<64).flatMap { i -> [UInt8] in i % 3 == 0 ? [0, 0, 0x41, 0x42] : [0x41, 0, 0, 0x42] })
        let reason = try #require(Self.unreadReason(data))
        #expect(reason.contains("二进制"))
    }
}
