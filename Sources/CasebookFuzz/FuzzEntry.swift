import CasebookCore
import Foundation
#if CASEBOOK_FUZZING
import CLibFuzzer

/// The callback libFuzzer requires by name; every input goes to the target `CASEBOOK_FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    FuzzTargets.run(FuzzTargets.selected, Data(bytes: bytes, count: count))
    return 0
}
#endif

/// The fuzzer binary. Built by `make fuzz` with `-sanitize=fuzzer,address -DCASEBOOK_FUZZING`, it hands control to
/// libFuzzer; `CASEBOOK_FUZZ_TARGET` picks what the bytes are fed to (see `FuzzTargets`). Built plainly, it
/// replays the files given on the command line through the same targets, for regression tests and debugging.
@main
struct CasebookFuzz {
    static func main() {
        #if CASEBOOK_FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTargets.run(FuzzTargets.selected, data)
        }
        #endif
    }
}
