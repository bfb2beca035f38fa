/// What one input file may cost before it is listed as unread instead: its size on disk (checked
/// from the file's attributes before a byte is read), the cells of its tables (checked before
/// recognition) and the wall time spent on it. Set in `site.yml` under `limits:`.
public struct ReadLimits: Sendable, Equatable {
    /// Files larger than this are not read.
    public var maxFileBytes: Int
    /// Documents whose tables hold more cells than this (rows × cells, all tables) are not recognised.
    public var maxTableCells: Int
    /// A file still being read after this many seconds is abandoned and listed as unread.
    public var secondsPerFile: Double
    /// A zip container (.docx) whose entries declare more bytes than this, unpacked, is not opened.
    public var maxUnpackedBytes: Int

    public static let megabyte = 1 << 20
    public static let `default` = ReadLimits(maxFileBytes: 64 * megabyte, maxTableCells: 20_000, secondsPerFile: 20, maxUnpackedBytes: 256 * megabyte)

    public init(maxFileBytes: Int, maxTableCells: Int, secondsPerFile: Double, maxUnpackedBytes: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxTableCells = maxTableCells
        self.secondsPerFile = secondsPerFile
        self.maxUnpackedBytes = maxUnpackedBytes
    }

    /// The `site.yml` keys, as the reasons name them.
    public enum Key: String, CaseIterable, Sendable {
        case maxFileMB = "max_file_mb"
        case maxTableCells = "max_table_cells"
        case secondsPerFile = "seconds_per_file"
        case maxUnpackedMB = "max_unpacked_mb"
    }
}
