/// Words with boxes → text, the way a reader sees them: words on one baseline left to right,
/// lines top to bottom joined with "\n". A space is put only between two Western words: the gap
/// LibreOffice and Word leave between 汉字 and digits (2024 年) is typesetting, not a space.
enum PDFText {
    static func join(_ words: [PDFPage.Word]) -> String {
        lines(of: words).map(lineText).joined(separator: "\n")
    }

    /// Words grouped by baseline, each line left to right.
    static func lines(of words: [PDFPage.Word]) -> [[PDFPage.Word]] {
        var lines: [[PDFPage.Word]] = []
        for word in words.sorted(by: { $0.box.midY < $1.box.midY }) {
            if let last = lines.last?.last, abs(last.box.midY - word.box.midY) < min(last.box.height, word.box.height) / 2 {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { $0.sorted { $0.box.x0 < $1.box.x0 } }
    }

    static func lineText(_ words: [PDFPage.Word]) -> String {
        var out = ""
        for word in words {
            if let last = out.last, let first = word.text.first, !DisplayWidth.isWide(last), !DisplayWidth.isWide(first) {
                out += " "
            }
            out += word.text
        }
        return out
    }
}
