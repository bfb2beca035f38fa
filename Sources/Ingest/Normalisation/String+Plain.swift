import Foundation
import ReportModel

extension String {
    /// `trimmed`, on bytes when the text is plain (see `PlainText`).
    var plainTrimmed: String { PlainText.trimmed(self) ?? trimmed }

    /// `trimmingCharacters(in: .whitespaces)`, on bytes when the text is plain.
    var plainTrimmedWhitespace: String { PlainText.trimmed(self, newlines: false) ?? trimmingCharacters(in: .whitespaces) }

    /// Foundation's `contains`, on bytes when both texts are plain.
    func plainContains(_ other: String) -> Bool { PlainText.contains(self, other) ?? contains(other) }
}
