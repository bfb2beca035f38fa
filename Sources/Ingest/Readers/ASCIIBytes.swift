/// Case-insensitive search for ASCII markup (`<meta`, `<table`) in bytes, without making a String
/// of a file's head: the readers sniff every file, text reports included.
enum ASCIIBytes {
    /// Offsets at which `pattern` (lower-case ASCII) occurs in `bytes`, ignoring ASCII case.
    static func offsets<C: Collection>(of pattern: String, in bytes: C) -> [Int] where C.Element == UInt8, C.Index == Int {
        let needle = Array(pattern.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while index <= last {
            if lower(bytes[index]) == first {
                var k = 1
                while k < needle.count && lower(bytes[index + k]) == needle[k] { k += 1 }
                if k == needle.count { found.append(index) }
            }
            index += 1
        }
        return found
    }

    static func contains<C: Collection>(_ pattern: String, in bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        !offsets(of: pattern, in: bytes).isEmpty
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
