import CMimalloc
#if canImport(Glibc)
import Glibc
#endif

/// Which allocator serves `malloc` in this process. The executable links mimalloc ahead of glibc,
/// so every allocation (Swift's runtime, Foundation, libxml2, cmark-gfm, SQLite) goes to it: the
/// pipeline allocates many small, short-lived strings and arrays, which glibc's malloc served at
/// about a quarter of parsing's CPU time. Reported by `publish bench`, so a benchmark says which
/// allocator it measured (a link order that let glibc win would show here as "glibc").
enum Allocator {
    static var name: String {
        guard let probe = malloc(64) else { return "unknown" }
        defer { free(probe) }
        guard mi_is_in_heap_region(probe) else { return "glibc" }
        let v = Int(mi_version())  // 209 is 2.0.9
        return "mimalloc \(v / 100).\(v / 10 % 10).\(v % 10)"
    }
}
