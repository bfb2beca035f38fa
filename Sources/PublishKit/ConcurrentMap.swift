import Analysis

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input. For I/O-and-parse work per file.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        ParallelMap.map(self, transform)
    }
}

/// Runs two pieces of work side by side: serial steps of a build (loading or writing the cache's
/// files, each tens of MB on a national site) that would otherwise leave a core idle.
func concurrently<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    ParallelMap.pair(a, b)
}

/// Three pieces of work side by side (see the two-piece form).
func concurrently<A: Sendable, B: Sendable, C: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B, _ c: @Sendable () -> C) -> (A, B, C) {
    let ((x, y), z) = concurrently({ concurrently(a, b) }, c)
    return (x, y, z)
}

