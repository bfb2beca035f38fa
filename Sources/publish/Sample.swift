import ArgumentParser
import Foundation
import SampleCorpus

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic corpus of sample reports, for benchmarks and tests only.",
        discussion: "Every organ is named （样例数据） and every file 样例-…; never put a sample corpus in Content/.")

    @Option(help: "Number of report files.")
    var count = 100

    @Option(help: "Comma-separated reporting years.")
    var years = "2022,2023,2024"

    @Option(name: [.customLong("formats"), .customLong("layouts")],
            help: ArgumentHelp("Formats and their shares: name=weight,… or names for equal shares (\(ReportWriter.Layout.allCases.map(\.rawValue).joined(separator: ", "))).",
                               discussion: "The default holds every format but few PDFs, which cost a poppler process each to read."))
    var formats = FormatMix.standard.description

    @Option(help: "Seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    @Option(help: "Folder to write into (created if needed).", completion: .directory)
    var out: String

    @Flag(help: "Write the hostile corpus instead: broken, enormous and malicious files (see HostileCorpus).")
    var hostile = false

    @Option(help: "With --hostile: the real report the payloads are injected into.", completion: .file())
    var seedReport = "Content/安徽省/合肥市/瑶海区人民政府办公室-2024.txt"

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive") }
        guard !parsedYears.isEmpty else { throw ValidationError("--years needs at least one year, e.g. 2023,2024") }
        if case .failure(let problem) = FormatMix.parse(formats) {
            throw ValidationError("--formats: \(problem) (use name=weight,… with \(ReportWriter.Layout.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if URL(fileURLWithPath: out).standardizedFileURL.pathComponents.contains("Content") {
            throw ValidationError("sample data never goes into Content/; choose another --out")
        }
    }

    var parsedYears: [Int] { years.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    var parsedMix: FormatMix { (try? FormatMix.parse(formats).get()) ?? .standard }

    func run() throws {
        if hostile {
            let seed = try Data(contentsOf: URL(fileURLWithPath: seedReport))
            let files = try HostileCorpus.write(.init(seed: seed), to: URL(fileURLWithPath: out))
            print("wrote \(files.count) hostile inputs to \(out)")
            return
        }
        let generator = SampleGenerator(options: .init(count: count, years: parsedYears, mix: parsedMix, seed: seed))
        let root = URL(fileURLWithPath: out)
        var written = 0
        var folders = Set<String>()
        var failure: Error?
        generator.forEach { file in
            guard failure == nil else { return }
            let url = root.appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent().path
            do {
                if folders.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try file.data.write(to: url)
                written += 1
            } catch { failure = error }
        }
        if let failure { throw failure }
        print("wrote \(written) sample reports to \(out)")
    }
}
