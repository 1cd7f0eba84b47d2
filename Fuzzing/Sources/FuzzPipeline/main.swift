#if canImport(Glibc)
import Glibc
#endif

// libFuzzer's driver, linked from libclang_rt.fuzzer_no_main: SwiftPM gives every executable its own main,
// so the fuzzer runs from here rather than from libFuzzer's main.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the process's arguments to libFuzzer, which runs the corpus and mutations.
func runFuzzer() -> CInt {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return runDriver(&argc, &argv) { data, size in
        guard let data else { return 0 }
        return fuzzPipeline(data, size)
    }
}

exit(runFuzzer())
