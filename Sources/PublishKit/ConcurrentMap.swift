import Analysis

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input. For I/O-and-parse work per file.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        ParallelMap.map(self, transform)
    }
}
