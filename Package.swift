// swift-tools-version:6.0
import PackageDescription

// One module per stage of the one-way flow:
// files → document (Ingest) → report record (ReportModel) → dataset (Analysis) → pages (Site) → Output (PublishKit).
let package = Package(
    name: "GovReportPublisher",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "publish", targets: ["publish"]),
        .library(name: "PublishKit", targets: ["PublishKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Debian's cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev); the .pc file links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libxml2 (libxml2-dev): its HTML parser reads real-world, broken markup.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Debian's mimalloc (libmimalloc-dev), linked into the `publish` executable only: linked
        // first, it takes the place of glibc's malloc for the whole process (see Sources/publish/Allocator.swift).
        .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
        .target(name: "ReportModel"),
        // The one door to cmark-gfm (not thread-safe): the Markdown reader and the page renderer share its lock.
        .target(name: "CmarkParsing", dependencies: ["CCmarkGFM"]),
        .target(
            name: "Ingest",
            dependencies: [
                "ReportModel", "CLibXML2", "CCmarkGFM", "CmarkParsing",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources/adcodes.csv"), .copy("Resources/adcodes.NOTICE")]
        ),
        .target(name: "Analysis", dependencies: ["ReportModel"]),
        .target(
            name: "Site",
            dependencies: [
                "ReportModel", "Analysis", "CCmarkGFM", "CmarkParsing",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Synthetic corpora for benchmarks and tests (never Content/).
        .target(name: "SampleCorpus", dependencies: ["ReportModel", "Ingest", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Downloads: CSV, JSON and SQLite (GRDB over Debian's libsqlite3).
        .target(name: "OpenData", dependencies: ["ReportModel", "Analysis", .product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "PublishKit",
            dependencies: ["ReportModel", "Ingest", "Analysis", "Site", "OpenData", "SampleCorpus", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "publish",
            dependencies: ["CMimalloc", "PublishKit", "SampleCorpus", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest", "ReportModel", "SampleCorpus", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ReportModel"]),
        .testTarget(name: "PublishKitTests", dependencies: ["PublishKit", "Ingest", "Analysis", "ReportModel", "SampleCorpus", "Site"]),
        .testTarget(
            name: "OpenDataTests",
            dependencies: ["OpenData", "Ingest", "Analysis", "ReportModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "SiteTests", dependencies: ["Site", "PublishKit", "Analysis", "ReportModel", "SampleCorpus"]),
    ]
)

// Fuzz targets (Fuzz/README.md), only when Fuzz/run.sh builds them: one executable per reader,
// each a libFuzzer entry point in Fuzz/Targets/<name>/. A new reader's target is one file there
// and one name here (on one line: Fuzz/run.sh reads the list).
if Context.environment["GOVREPORT_FUZZ"] != nil {
    let fuzzTargets = ["fuzz-text-cells", "fuzz-pipe-rows", "fuzz-text-decoding", "fuzz-sidecar", "fuzz-site-config", "fuzz-recognizer", "fuzz-document-txt", "fuzz-document-html", "fuzz-document-markdown", "fuzz-document-docx", "fuzz-document-pdf"]
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["FuzzDriver", "Ingest", "ReportModel", "PublishKit"], path: "Fuzz/Support"))
    for name in fuzzTargets {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport", "Ingest", "ReportModel", "PublishKit"], path: "Fuzz/Targets/\(name)"))
    }
}
