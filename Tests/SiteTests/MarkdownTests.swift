@testable import Site
import Testing

@Suite struct MarkdownTests {
    @Test func escapedTextRendersAsTheSameTextNeverAsMarkup() {
        let hostile = "<script>alert(1)</script> **粗** [链接](javascript:alert(1)) | 管道 & `代码` # 标题 1. 列表"
        let html = MarkdownRenderer.html(Markdown.text(hostile))
        #expect(html == "<p>&lt;script&gt;alert(1)&lt;/script&gt; **粗** [链接](javascript:alert(1)) | 管道 &amp; `代码` # 标题 1. 列表</p>\n")
    }

    @Test func rawHTMLInMarkdownIsDroppedNotPassedThrough() {
        let html = MarkdownRenderer.html("前<img src=x onerror=alert(1)>后\n")
        #expect(!html.contains("<img"))
    }

    @Test func tablesGetCaptionScopesAndNoObsoleteAlign() {
        let md = Markdown.table(header: ["机关", "新收"], rows: [[Markdown.text("甲|乙"), "12"], ["丙", ""]], numeric: [1])
        let html = TableAccessibility.finish(MarkdownRenderer.html(md), caption: "表<一>", rowHeaders: true)
        #expect(html.contains("<caption>表&lt;一&gt;</caption>"))
        #expect(html.contains("<th scope=\"col\">机关</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\">新收</th>"))
        #expect(html.contains("<th scope=\"row\">甲|乙</th>"))
        #expect(html.contains("<td class=\"num\">12</td>"))
        #expect(!html.contains("align="))
    }

    @Test func pageIDsAreStableHexAndDistinct() {
        #expect(SitePaths.reportID(source: "a.txt") == SitePaths.reportID(source: "a.txt"))
        #expect(SitePaths.reportID(source: "a.txt") != SitePaths.reportID(source: "b.txt"))
        #expect(SitePaths.reportID(source: "").count == 16)
        #expect(SitePaths.source("0123", originalName: "../../etc/passwd") == "sources/0123.bin")
        #expect(SitePaths.source("0123", originalName: "报告.DOCX") == "sources/0123.docx")
        #expect(SitePaths.source("0123", originalName: "门户页面.HTML") == "sources/0123.html.txt", "a saved page is never active on the site")
        #expect(SitePaths.source("0123", originalName: "图.svg") == "sources/0123.svg.txt")
        #expect(SitePaths.source("0123", originalName: "报告.txt.") == "sources/0123.txt")
        #expect(SitePaths.source("0123", originalName: "无扩展名") == "sources/0123.bin")
        #expect(SitePaths.source("0123", originalName: "...") == "sources/0123.bin")
        #expect(SitePaths.source("0123", originalName: "报告.") == "sources/0123.bin")
        #expect(SitePaths.source("0123", originalName: "a..PDF") == "sources/0123.pdf")
        #expect(SitePaths.root(from: "reports/x.html") == "../")
        #expect(SitePaths.root(from: "index.html") == "")
    }
}

extension MarkdownTests {
    /// The extension is the last non-empty part of the name split at its dots, as splitting says,
    /// combining marks and all.
    @Test(arguments: ["a.txt", "报告.DOCX", "a.txt.", "a..b", ".hidden", "...", "", "无", "x.\u{301}txt", "x.txt\u{301}",
                      "\u{600}.txt", "报告.", "a.b.c.d", "e\u{301}.md", "..md", "🇨🇳.pdf"])
    func lastComponentIsTheSplitsLastPart(_ name: String) {
        let split = name.split(separator: ".", omittingEmptySubsequences: false).count > 1 ? String(name.split(separator: ".").last ?? "") : ""
        #expect(String(SitePaths.lastComponent(name)) == split)
    }
}
