import FuzzSupport

// The whole read path for a file named report.pdf (dispatch by content and extension).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzSupport.document(FuzzSupport.bytes(data, count), fileName: "report.pdf")
    return 0
}

@_cdecl("fuzz_document_pdf_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}
