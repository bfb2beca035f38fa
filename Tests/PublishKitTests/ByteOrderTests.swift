import Foundation
import ReportModel
import Testing

/// The dataset orders reports, and rankings break ties, by names compared as UTF-8 bytes: for
/// NFC text that is the order and the equality `<` and `==` give, so report positions stay as
/// they were.
@Suite struct ByteOrderTests {
    @Test func utf8OrderIsStringOrderForNFCText() {
        let texts = ["", "a", "ab", "a/b", "a_b", "aB", "Z", "reports/00ff.html", "sources/广东省/广州市/样例-1.txt",
                     "sources/广东省/广州市/样例-10.txt", "sources/广东省/广州市/样例-2.txt", "sources/广东省/深圳市/a.txt",
                     "sources/北京市/a.txt", "🥸", "é", "e\u{301}x".precomposedStringWithCanonicalMapping, "\u{7F}", "\u{80}",
                     String(repeating: "长", count: 40), String(repeating: "长", count: 40) + "a"]
        for a in texts {
            for b in texts {
                #expect(String.utf8Precedes(a, b) == (a < b), "\(a) vs \(b)")
                #expect((String.utf8Order(a, b) == 0) == (a == b), "\(a) vs \(b)")
            }
        }
        // A bridged or substring-made string without contiguous UTF-8 is compared all the same.
        let sliced = String(texts[8].dropFirst(0))
        #expect(String.utf8Precedes(sliced, texts[9]))
    }
}
