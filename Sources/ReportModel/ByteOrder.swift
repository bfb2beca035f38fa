import Foundation

extension String {
    /// Whether `a` sorts before `b` by their UTF-8 bytes: for text in NFC (names and paths read
    /// from reports) the order `<` gives, without its Unicode normalisation, which made sorting a
    /// national dataset's Chinese names a visible share of a rebuild.
    public static func utf8Precedes(_ a: String, _ b: String) -> Bool { utf8Order(a, b) < 0 }

    /// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal or after `b`'s.
    public static func utf8Order(_ a: String, _ b: String) -> Int {
        let order = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let n = Swift.min(x.count, y.count)
                if n > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let c = memcmp(p, q, n)
                    if c != 0 { return Int(c) }
                }
                return x.count - y.count
            }
        }
        if let order, let order { return order }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }
}
