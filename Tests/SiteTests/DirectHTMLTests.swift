import SampleCorpus
@testable import Site
import Testing

/// `DirectHTML` must give exactly cmark's bytes (and `TableAccessibility`'s, for tables) whenever
/// it gives anything, and must take the site's ordinary Markdown itself.
@Suite struct DirectHTMLTests {
    /// Deterministic, so a failure repeats.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func below(_ n: Int) -> Int { Int(generator.next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Pieces that stress cmark's rules: every ASCII punctuation mark, white space of several
    /// kinds, CJK text and punctuation, and markup the site writes.
    static let pieces: [String] = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".map(String.init))
        + [" ", "  ", "\t", "\u{3000}", "\u{A0}", "甲", "机关", "，", "。", "：", "（", "）", "、", "a", "Z", "7", "2024", "é", "😀", "\u{200B}",
           "**", "***", "`", "``", "[", "](", "](../a/b.html)", "\\|", "\\\\", "&amp;", "<b>", "1. ", "- ", "# "]

    static func randomText(_ random: inout Random, pieces: Int) -> String {
        (0..<random.below(pieces + 1)).map { _ in random.pick(Self.pieces) }.joined()
    }

    static func cmarkTable(_ md: String, caption: String, rowHeaders: Bool, sortable: Bool) -> String {
        TableAccessibility.finish(MarkdownRenderer.html(md), caption: caption, rowHeaders: rowHeaders, sortable: sortable)
    }

    @Test func theSitesOwnMarkdownIsRenderedDirectlyAndAsCmarkWould() throws {
        let blocks = [
            "## " + Markdown.text("基本信息 <甲> & \"乙\" 'x' \\ |") + "\n",
            "### 历年情况\n",
            "共核对 12 处：成立 3 处，**不成立 4 处**，无法核对 5 处（有空白数据的等式既不算成立也不算不成立）。\n",
            "**注意：** 同一机关同一年度另有一份报告，按重复报告规则以 \(Markdown.link("a (1).pdf", to: "../reports/0a1b.html")) 为准。\n",
            "本站收录 **1000** 个文件：读取 998 份报告，\(Markdown.link("未能读取 2 个", to: "unread.html"))。\n",
            "**样本不足**（分母不足 30 件，不排名）：\(Markdown.link("甲机关", to: "../r/x.html"))、\(Markdown.link("乙", to: "../r/y.html"))\n",
            "同组：\(Markdown.text("县级 · 人民政府 *x* [y] `z`"))。比率的分母不足 30 件时不参加排名。\n",
        ]
        for md in blocks {
            let direct = try #require(DirectHTML.block(md), "\(md) stays in the subset")
            #expect(direct == MarkdownRenderer.html(md), "\(md)")
        }
        let md = Markdown.table(header: ["项目", "内容", "数"], rows: [
            ["读取格式", "纯文本（`txt`）；2021 版", "-5"],
            [Markdown.text("甲|乙 \\| c:\\"), Markdown.link("govreport/1 JSON", to: "../reports/ab.json"), "33.02%"],
            ["**2024（本报告）**", "", Markdown.text("  ")],
            [Markdown.text(" 前后空格 "), "第 1 / 20", "1/3"],
        ], numeric: [2])
        for (rowHeaders, sortable) in [(true, false), (false, true)] {
            let direct = try #require(DirectHTML.table(md, caption: "表<一>&'", rowHeaders: rowHeaders, sortable: sortable))
            #expect(direct == Self.cmarkTable(md, caption: "表<一>&'", rowHeaders: rowHeaders, sortable: sortable))
        }
        let headerOnly = Markdown.table(header: ["", "甲"], rows: [], numeric: [1])
        #expect(DirectHTML.table(headerOnly, caption: "空", rowHeaders: true, sortable: false) == Self.cmarkTable(headerOnly, caption: "空", rowHeaders: true, sortable: false))
    }

    @Test func escapedReportTextAnywhereRendersAsCmarkWould() {
        var random = Random(state: 8)
        var direct = 0
        for _ in 0..<3000 {
            let texts = (0..<4).map { _ in Self.randomText(&random, pieces: 8) }
            let cells = texts.map(Markdown.text)
            let md = Markdown.table(header: [cells[0], "数"], rows: [[cells[1], cells[2]], [Markdown.link(texts[3], to: "../x/y.html"), "**\(cells[3])**"]], numeric: [1])
            if let html = DirectHTML.table(md, caption: texts[0], rowHeaders: true, sortable: false) {
                direct += 1
                #expect(html == Self.cmarkTable(md, caption: texts[0], rowHeaders: true, sortable: false), "\(md)")
            }
            for block in ["## " + cells[0] + "\n", "甲" + cells[1] + "\n", "**注意：** " + cells[2] + "\n"] {
                if let html = DirectHTML.block(block) {
                    direct += 1
                    #expect(html == MarkdownRenderer.html(block), "\(block)")
                }
            }
        }
        // Escaped text is the subset's whole point: most of even this hostile text goes the direct
        // way (what does not: `**` beside a character the subset does not classify, a heading
        // ending in `#`, white space at a paragraph's ends).
        #expect(direct > 9_500, "\(direct) of 12000")
    }

    @Test func rawMarkupEitherRendersAsCmarkWouldOrIsLeftToCmark() {
        var random = Random(state: 2026)
        for _ in 0..<6000 {
            let cells = (0..<4).map { _ in Self.randomText(&random, pieces: 6) }
            let md = "| " + cells[0] + " | " + cells[1] + " |\n| --- | ---: |\n| " + cells[2] + " | " + cells[3] + " |\n"
            let rowHeaders = random.below(2) == 0
            if let html = DirectHTML.table(md, caption: "c", rowHeaders: rowHeaders, sortable: false) {
                #expect(html == Self.cmarkTable(md, caption: "c", rowHeaders: rowHeaders, sortable: false), "\(md)")
            }
            for block in [cells[0] + cells[1] + "\n", "## " + cells[2] + "\n"] {
                if let html = DirectHTML.block(block) {
                    #expect(html == MarkdownRenderer.html(block), "\(block)")
                }
            }
        }
    }
}
