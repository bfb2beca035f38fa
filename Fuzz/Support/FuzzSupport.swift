import Foundation
import FuzzDriver
@testable import Ingest
import PublishKit
import ReportModel

/// What every fuzz target does with its input: read it and recognise a report from it. Nothing
/// may crash, trap or hang (libFuzzer's -timeout); the results are thrown away.
public enum FuzzSupport {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func bytes(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// SwiftPM renames a debug executable's entry point to `<module>_main` (so tests can link
    /// it), which keeps libFuzzer's own `main` out of the link: each target's renamed main hands
    /// its arguments to libFuzzer's driver here.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: Callback) -> Int32 {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, callback)
    }

    /// The whole path a file takes: `DocumentReader` dispatches by content and by the name's
    /// extension, so a target per format is this call with another `fileName`.
    public static func document(_ data: [UInt8], fileName: String) {
        _ = ReportReader.read(data: Data(data), source: fileName)
    }

    public static func textCells(_ data: [UInt8]) {
        let document = CellPerLineReader.read(lines: DocumentReader.splitLines(String(decoding: data, as: UTF8.self)))
        _ = ReportRecognizer.recognize(document, source: "fuzz.txt")
    }

    public static func pipeRows(_ data: [UInt8]) {
        let document = PipeRowReader.read(lines: DocumentReader.splitLines(String(decoding: data, as: UTF8.self)))
        _ = ReportRecognizer.recognize(document, source: "fuzz.txt")
    }

    public static func textDecoding(_ data: [UInt8]) {
        if case .success(let decoded) = TextDecoding.decode(Data(data)) { _ = decoded.text.utf8.count }
    }

    public static func sidecar(_ data: [UInt8]) {
        guard case .success(let sidecar) = Sidecar.parse(String(decoding: data, as: UTF8.self)) else { return }
        var record = ReportRecord(source: "fuzz.txt", format: .text)
        sidecar.apply(to: &record, file: "fuzz.yml")
    }

    public static func siteConfig(_ data: [UInt8]) {
        _ = SiteConfig.parse(String(decoding: data, as: UTF8.self))
    }

    public static func recognizer(_ data: [UInt8]) {
        _ = ReportRecognizer.recognize(RandomDocument.make(data), source: "省/市/fuzz.txt")
    }
}
