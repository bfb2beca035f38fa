/// How many columns a character takes in fixed-width layout: 2 for East Asian wide and
/// full-width characters (汉字, 、。（）, １２３), 1 for the rest. pdftotext -layout and Word
/// lay text out this way, and a word's box is shared among its characters in this proportion.
enum DisplayWidth {
    static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 1 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    static func isWide(_ character: Character) -> Bool { of(character) == 2 }
}
