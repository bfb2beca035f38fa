/// Two 16-character names with the same 64-bit FNV-1a hash (found with Pollard's rho over
/// "16 hex digits" strings, about 2^32 hashes). FNV-1a's state is its hash, so any common suffix
/// keeps the collision: `NAME.txt` and `OTHER.txt` get the same `SitePaths.reportID`.
enum FNVCollision {
    static let names = ("a1a9a9bf38687075.txt", "c5bde799c2362419.txt")
}
