import Foundation

/// One page of a PDF as poppler sees it: the words with their boxes (pdftotext -bbox-layout)
/// and the straight lines drawn on it (pdftocairo -svg), in points from the top-left corner.
struct PDFPage {
    struct Box: Equatable {
        var x0, y0, x1, y1: Double
        var midX: Double { (x0 + x1) / 2 }
        var midY: Double { (y0 + y1) / 2 }
        var height: Double { y1 - y0 }
        func union(_ other: Box) -> Box {
            Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
        }
    }

    struct Word {
        var text: String
        var box: Box
    }

    /// Words pdftotext put on one line, left to right.
    struct Line {
        var words: [Word]
        var box: Box { words.dropFirst().reduce(words[0].box) { $0.union($1.box) } }
    }

    /// A horizontal or vertical stroke: a table border, or part of one.
    struct Ruling: Equatable {
        var horizontal: Bool
        /// y of a horizontal ruling, x of a vertical one.
        var position: Double
        /// Its extent along the other axis.
        var start: Double
        var end: Double
    }

    var width: Double
    var height: Double
    var lines: [Line] = []
    var rulings: [Ruling] = []
}
