import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzSupport.pipeRows(FuzzSupport.bytes(data, count))
    return 0
}

@_cdecl("fuzz_pipe_rows_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzSupport.run(argc, argv, fuzz)
}
