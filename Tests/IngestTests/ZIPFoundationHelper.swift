import Foundation
import Testing
import ZIPFoundation

/// A real zip archive in memory, for tests of what the readers do with containers.
enum ZIPFoundationHelper {
    static func zip(name: String, data: Data) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return try #require(archive.data)
    }
}
