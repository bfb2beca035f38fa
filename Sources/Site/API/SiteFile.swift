import Foundation

/// One file of the site: a path relative to the output folder and its bytes.
public struct SiteFile: Sendable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// Where rendered files go. Called from several threads at once.
public protocol SiteWriter: Sendable {
    func write(_ file: SiteFile) throws
}
