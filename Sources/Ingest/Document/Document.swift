import ReportModel

/// What a reader makes of a file, whatever its format: the text in reading order with the
/// tables as grids of cells. The table recogniser reads only this, so it is written once.
public struct Document: Sendable, Equatable {
    public var format: SourceFormat
    public var blocks: [Block]
    /// What the reader itself noticed (encoding guessed, a cell joined across a blank line…).
    public var diagnostics: [Diagnostic]

    public init(format: SourceFormat, blocks: [Block] = [], diagnostics: [Diagnostic] = []) {
        self.format = format
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// Paragraph text in order, tables left out.
    public var paragraphs: [String] {
        blocks.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
    }

    /// Every table row in reading order, across tables: a table broken by a heading or a page
    /// break is still one run of rows to the recogniser.
    public var rows: [[Cell]] {
        blocks.flatMap { block -> [[Cell]] in
            if case .table(let table) = block { return table.rows } else { return [] }
        }
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }
}

public enum Block: Sendable, Equatable {
    case paragraph(String)
    case table(Table)
}

/// A grid of cells, merged cells laid out as Word's own table model (and its text export) has
/// them: a cell merged across rows is an empty cell at its place in each further row; a cell
/// merged across columns is one cell, with no empty cells after it, so a row's values follow its
/// label directly whatever width the label spans.
public struct Table: Sendable, Equatable {
    public var rows: [[Cell]]
    public init(rows: [[Cell]] = []) { self.rows = rows }
}

public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The cell's text as written, lines of a wrapped cell joined with "\n".
    public var text: String
    /// A grid position that a horizontally merged cell covers (Word's w:gridSpan): empty, and
    /// part of the cell on its left. Recognition skips these, so a row reads as Word's own text
    /// export writes it, one cell per cell; vertically merged positions are ordinary empty cells.
    public var coveredFromLeft: Bool

    public init(_ text: String, coveredFromLeft: Bool = false) {
        self.text = text
        self.coveredFromLeft = coveredFromLeft
    }
    public init(stringLiteral value: String) { self.init(value) }

    public var isEmpty: Bool {
        // Plain text (see PlainText) is whitespace only in TAB, LF, space and U+3000: checked on bytes.
        let plain = PlainText.withUTF8(text) { bytes -> Bool? in
            guard PlainText.isPlain(bytes) else { return nil }
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A {
                    i += 1
                } else if bytes[i] == 0xE3, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 {
                    i += 3
                } else {
                    return false
                }
            }
            return true
        }
        return plain ?? text.allSatisfy(\.isWhitespace)
    }
}
