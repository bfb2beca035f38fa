import Foundation
import ReportModel

/// A web page saved as text: each table row is one line, cells separated by `|`
/// (`label | v | v | … |`). Lines that are only `?` are conversion debris between tables.
enum PipeRowReader {
    static func read(lines: [Substring]) -> Document {
        var blocks: [Block] = []
        var rows: [[Cell]] = []

        func endTable() {
            if !rows.isEmpty { blocks.append(.table(Table(rows: rows))) }
            rows = []
        }

        for line in lines {
            // Plain text (nearly all) is read on bytes, with the same result as below.
            switch PlainLines.pipeLine(line) {
            case .skip: continue
            case .row(let cells): rows.append(cells); continue
            case .paragraph: endTable(); blocks.append(.paragraph(String(line))); continue
            case nil: break
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == "?" || $0 == "？" }) { continue }
            if trimmed.filter({ $0 == "|" }).count >= 1 && trimmed.count > 1 && isPipeRow(trimmed) {
                rows.append(cells(of: trimmed))
            } else {
                endTable()
                blocks.append(.paragraph(String(line)))
            }
        }
        endTable()
        return Document(format: .textPipes, blocks: blocks)
    }

    /// A row has at least two cells; a sentence with one stray `|` is not a row.
    private static func isPipeRow(_ line: String) -> Bool {
        line.split(separator: "|", omittingEmptySubsequences: false).count >= 3
    }

    static func cells(of line: String) -> [Cell] {
        var parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if line.hasPrefix("|") { parts.removeFirst() }
        if line.hasSuffix("|") { parts.removeLast() }
        return parts.map { Cell($0) }
    }
}
