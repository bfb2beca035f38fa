import Foundation
@testable import Ingest
import ReportModel
import Testing

/// Markdown read through cmark-gfm: paragraphs and headings as paragraphs, pipe tables as tables.
@Suite struct MarkdownReaderTests {
    /// The hand-made report with its tables as GFM pipe tables: each row as its cells, as the
    /// Word table saved as text has them, padded to the widest row.
    static func markdown(_ sample: ReportText = LayoutQuirkTests.sample) -> String {
        let tables = DocumentReader.read(text: sample.cellPerLine()).tables.map { table -> String in
            let width = table.rows.map(\.count).max()!
            var lines = table.rows.enumerated().flatMap { index, row -> [String] in
                let padded = row.map { $0.text.replacingOccurrences(of: "\n", with: "<br>") } + Array(repeating: "", count: width - row.count)
                let line = "| " + padded.joined(separator: " | ") + " |"
                return index == 0 ? [line, "|" + Array(repeating: "---", count: width).joined(separator: "|") + "|"] : [line]
            }
            lines.append("")
            return lines.joined(separator: "\n")
        }
        return "# \(sample.title)\n\n" + sample.opening.joined(separator: "\n\n") + "\n\n## 二、主动公开政府信息情况\n\n" + tables[0]
            + "\n## 三、收到和处理政府信息公开申请情况\n\n" + tables[1] + "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + tables[2]
            + "\n" + sample.closing.joined(separator: "\n\n") + "\n"
    }

    static func record(_ text: String, source: String = "case.md") -> ReportRecord {
        switch ReportReader.read(data: Data(text.utf8), source: source) {
        case .report(let record): return record
        case .unread(let file): fatalError("unexpected unread: \(file.reason)")
        }
    }

    @Test func pipeTablesAreTheReportsTables() {
        let record = Self.record(Self.markdown())
        #expect(record.format == .markdown)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(LayoutQuirkTests.warnings(record).isEmpty, "\(record.diagnostics)")
    }

    @Test func foundByItsDelimiterRowWhateverItsName() {
        #expect(Self.record(Self.markdown(), source: "case.txt").format == .markdown)
        #expect(!MarkdownReader.accepts(text: LayoutQuirkTests.sample.pipeRows(), fileName: "case.txt"), "pipe rows of a web page saved as text are not Markdown")
        #expect(Fixtures.record(text: LayoutQuirkTests.sample.pipeRows()).format == .textPipes)
    }

    @Test func blocksAndInlines() {
        let text = """
            # 标题 *一*
            第一行
            第二行  \\
            第三行

            - 列表项
            > 引用

                代码行

            | 甲 | 乙 |
            |:--|--:|
            | **1** | 2<br>3 |
            | a \\| b | `c` |
            """
        let document = MarkdownReader.read(text)
        #expect(document.paragraphs == ["标题 一", "第一行", "第二行", "第三行", "列表项", "引用", "代码行"])
        #expect(document.tables.first?.rows.map { $0.map(\.text) } == [["甲", "乙"], ["1", "2\n3"], ["a | b", "c"]])
    }

    @Test func rawHTMLTableWithMergedCellsGoesThroughTheHTMLReader() {
        // pandoc writes a table with merged cells as HTML inside its Markdown.
        let sample = LayoutQuirkTests.sample
        let markdown = Self.markdown().replacingOccurrences(
            of: Self.markdown().components(separatedBy: "## 三、收到和处理政府信息公开申请情况\n\n")[1].components(separatedBy: "\n## 四")[0],
            with: ReportText.html(table: sample.htmlTable3(.spans)))
        #expect(markdown.contains("rowspan=\"22\""))
        let record = Self.record(markdown)
        LayoutQuirkTests.assertSampleValues(record)
        #expect(record.format == .markdown)
    }

    @Test func readsAreSerialisedAcrossThreads() async {
        let text = Self.markdown()
        let expected = MarkdownReader.read(text)
        let documents = await withTaskGroup(of: Document.self) { group in
            for _ in 0..<16 { group.addTask { MarkdownReader.read(text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(documents.count == 16)
        #expect(documents.allSatisfy { $0 == expected })
    }
}
