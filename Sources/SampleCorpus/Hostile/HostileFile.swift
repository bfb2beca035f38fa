import Foundation

/// One entry of the hostile corpus: what is put in the content folder, and what the publisher
/// must make of it. The expectation holds for every reader the publisher may gain: a file is
/// either read or listed as unread with a reason, never dropped, never a crash.
public struct HostileFile: Sendable {
    public enum Body: Sendable {
        case bytes(Data)
        /// `count` bytes made by repeating `unit` (a 100 MB text file is written, never committed).
        case repeated(Data, count: Int)
        case fifo
        case symlink(to: String)
    }

    public enum Expectation: Sendable, Equatable {
        /// Read as a report.
        case report
        /// Listed as unread, the reason containing this text.
        case unread(containing: String)
        /// Either; a reader added later may read what today's readers refuse.
        case readOrUnread
        /// Not an input: a hidden name (leading dot), which the publisher skips as documented.
        case hidden
    }

    public var path: String
    public var body: Body
    public var expectation: Expectation
    /// What the case is, for messages.
    public var note: String

    public init(_ path: String, _ body: Body, _ expectation: Expectation, _ note: String) {
        self.path = path
        self.body = body
        self.expectation = expectation
        self.note = note
    }
}
