/// What a report's narrative says, kept beside its tables for the checks (the narrative against
/// the tables, copied text). Not part of the govreport/1 JSON: it is read again from the source.
public struct Narrative: Sendable, Equatable, Hashable {
    /// Section 一、总体情况, paragraphs joined by newlines.
    public var overview: String
    /// Section 五、存在的主要问题及改进情况.
    public var problems: String
    /// Counts the text states in words (收到申请103件), to be held against the tables.
    public var statedCounts: [StatedCount]

    public init(overview: String = "", problems: String = "", statedCounts: [StatedCount] = []) {
        self.overview = overview
        self.problems = problems
        self.statedCounts = statedCounts
    }
}

public struct StatedCount: Sendable, Equatable, Hashable {
    public enum Subject: String, Sendable, CaseIterable, Hashable {
        /// 本年新收申请 (table 三, new, total column)
        case requestsReceived
        /// 行政复议 (table 四, review total)
        case reviews
        /// 行政诉讼 (table 四, both lawsuit totals)
        case lawsuits
        /// 本年制发规范性文件 (table 二)
        case normativeIssued
    }

    public var subject: Subject
    public var value: Int
    /// The words the count was read from, for the finding.
    public var quote: String

    public init(subject: Subject, value: Int, quote: String) {
        self.subject = subject
        self.value = value
        self.quote = quote
    }
}
