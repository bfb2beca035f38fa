import Ingest
import ReportModel

/// A Document built from fuzz bytes: each byte picks what comes next — a paragraph or a table
/// row, and cells drawn from the format's own labels, numbers, blanks and odd text — so the
/// recogniser meets table shapes no reader produces, without the fuzzer having to find the labels.
enum RandomDocument {
    static let words: [String] = {
        var w = ReportFormat.sections + ReportFormat.titleSuffixes + Array(ReportFormat.notApplicableMarks) + ReportFormat.countUnits
        w += RequestRow.allCases.map(\.label) + ApplicantColumn.allCases.map(\.label)
        w += DisputeGroup.allCases.map(\.label) + DisputeOutcome.allCases.map(\.label) + ActiveItem.allCases.map(\.label)
        w += ["0", "1", "12", "-3", "1,234", "3.5", "９", "一", "", " ", "\t", "\n", "合计", "总计", "2024年", "2025年1月20日",
              "区人民政府", "鼓楼区", "包头市昆都仑区", "政府信息公开工作年度报告", "申请人情况", "勾稽关系", "（一）", "（二）", "第二十条第（一）项"]
        return w
    }()

    static func make(_ bytes: [UInt8]) -> Document {
        var blocks: [Block] = [], rows: [[Cell]] = [], row: [Cell] = []
        var i = 0
        func word() -> String {
            defer { i += 1 }
            guard i < bytes.count else { return "" }
            let b = Int(bytes[i])
            if b < words.count { return words[b] }
            // Raw bytes as text now and then.
            let end = min(bytes.count, i + 1 + b % 8)
            defer { i = end - 1 }
            return String(decoding: bytes[min(i + 1, end)..<end], as: UTF8.self)
        }
        while i < bytes.count {
            let op = bytes[i] % 8
            i += 1
            switch op {
            case 0: blocks.append(.paragraph(word() + word() + word()))
            case 1, 2, 3: row.append(Cell(word()))
            case 4: row.append(Cell(word() + "\n" + word()))
            case 5: rows.append(row); row = []
            case 6:
                rows.append(row); row = []
                blocks.append(.table(Table(rows: rows))); rows = []
            default: row.append(Cell(""))
            }
        }
        if !row.isEmpty { rows.append(row) }
        if !rows.isEmpty { blocks.append(.table(Table(rows: rows))) }
        return Document(format: .text, blocks: blocks)
    }
}
