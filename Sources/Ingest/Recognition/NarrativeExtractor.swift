import Foundation
import ReportModel

/// The narrative sections the checks compare (总体情况, 存在的主要问题及改进情况) and the counts the
/// text states in words. Works on normalised paragraphs (half-width digits, simplified script).
enum NarrativeExtractor {
    static func extract(paragraphs: [String]) -> Narrative {
        var narrative = Narrative()
        let headings = paragraphs.indices.compactMap { index in sectionNumber(paragraphs[index]).map { (index, $0) } }
        func section(_ number: Int) -> String {
            guard let start = headings.first(where: { $0.1 == number })?.0 else { return "" }
            let end = headings.first(where: { $0.0 > start })?.0 ?? paragraphs.count
            return paragraphs[(start + 1)..<end].map { $0.plainTrimmed }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        narrative.overview = section(1)
        narrative.problems = section(5)
        let text = paragraphs.enumerated().filter { index, _ in !headings.contains { $0.0 == index } }
            .map(\.element).joined(separator: "\n")
        narrative.statedCounts = statedCounts(in: text)
        return narrative
    }

    /// Which of the six sections a paragraph heads, if it is a heading: short, no full stop,
    /// holding the section's words (numbering varies and is often wrong, so it is not trusted).
    static func sectionNumber(_ paragraph: String) -> Int? {
        if let plain = plainSectionNumber(paragraph) { return plain }
        let compact = paragraph.filter { !$0.isWhitespace && $0 != "?" }
        guard compact.count <= 40, !compact.hasSuffix("。") else { return nil }
        return sectionKeys.firstIndex { compact.contains($0) }.map { $0 + 1 }
    }

    private static let sectionKeys = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况",
                                      "存在的主要问题", "其他需要报告的事项"]
    private static let sectionKeyBytes = sectionKeys.map { Array($0.utf8) }

    /// `sectionNumber` on the bytes of plain text (see `PlainText`), where each scalar is a
    /// Character: `.some(nil)` for no heading, nil when the text is not plain.
    private static func plainSectionNumber(_ paragraph: String) -> Int?? {
        PlainText.withUTF8(paragraph) { bytes -> Int?? in
            guard PlainText.isPlain(bytes) else { return nil }
            var compact: [UInt8] = []
            var scalars = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x3F { compact.append(b); scalars += 1 }
                    i += 1
                } else {
                    if !(b == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80) {  // U+3000 is whitespace
                        compact.append(contentsOf: bytes[i..<(i + 3)])
                        scalars += 1
                    }
                    i += 3
                }
                if scalars > 40 { return .some(nil) }
            }
            if compact.count >= 3, compact.suffix(3).elementsEqual([0xE3, 0x80, 0x82]) { return .some(nil) }  // 。
            let number: Int? = compact.withUnsafeBufferPointer { c in
                sectionKeyBytes.firstIndex { key in key.withUnsafeBufferPointer { PlainText.bytesContain(c, $0) } }.map { $0 + 1 }
            }
            return .some(number)
        }
    }

    private struct Pattern {
        let subject: StatedCount.Subject
        let regex: NSRegularExpression
        /// Words of which a match holds at least one: without any, the regex is not run.
        let required: [String]
    }

    private static let patterns: [Pattern] = ([
        (StatedCount.Subject.requestsReceived,
         #"(?:收到|新收|新受理|受理|接收)(?:各类)?(?:政府信息公开申请|依申请公开申请|依申请公开|政府信息公开|申请)(?:申请)?(?:共|总计|合计)?\s*(\d+)\s*(?:件|个|条|份)"#,
         ["收到", "新收", "受理", "接收"]),
        (.reviews, #"行政复议(?:案件)?(?:共)?\s*(\d+)\s*(?:件|起|宗|个)"#, ["行政复议"]),
        (.lawsuits, #"行政诉讼(?:案件)?(?:共)?\s*(\d+)\s*(?:件|起|宗|个)"#, ["行政诉讼"]),
        (.normativeIssued, #"(?:制发|出台|印发|其中)(?:了)?(?:行政)?规范性文件(?:共)?\s*(\d+)\s*(?:件|个|份)"#, ["规范性文件"]),
    ] as [(StatedCount.Subject, String, [String])]).map {
        Pattern(subject: $0.0, regex: try! NSRegularExpression(pattern: $0.1), required: $0.2)
    }

    /// "未发生政府信息公开行政复议、行政诉讼" states zero for both.
    private static let noneStated = try! NSRegularExpression(pattern: #"(?:未|没有|无)(?:发生|收到|出现)[^。；,，0-9]{0,16}"#)

    static func statedCounts(in text: String) -> [StatedCount] {
        var counts: [StatedCount] = []
        let ns = text as NSString
        for pattern in patterns where pattern.required.contains(where: { PlainText.utf8Contains(text, $0) }) {
            guard let match = pattern.regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
                  let value = Int(ns.substring(with: match.range(at: 1)))
            else { continue }
            counts.append(StatedCount(subject: pattern.subject, value: value, quote: ns.substring(with: match.range)))
        }
        let mayStateNone = ["发生", "收到", "出现"].contains { PlainText.utf8Contains(text, $0) }
        for match in mayStateNone ? noneStated.matches(in: text, range: NSRange(location: 0, length: ns.length)) : [] {
            let quote = ns.substring(with: match.range)
            let subjects: [(String, StatedCount.Subject)] = [("行政复议", .reviews), ("行政诉讼", .lawsuits), ("申请", .requestsReceived)]
            for (word, subject) in subjects where quote.contains(word) && !counts.contains(where: { $0.subject == subject }) {
                counts.append(StatedCount(subject: subject, value: 0, quote: quote))
            }
        }
        return counts
    }
}
