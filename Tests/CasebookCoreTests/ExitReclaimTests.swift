import Testing
@testable import CasebookCore

/// A one-shot build leaves its values for the system to reclaim at exit; any other build frees them as usual
/// (a long-lived process or the tests run many builds in one process).
@Suite struct ExitReclaimTests {
    final class Tracked {}

    @Test(arguments: [true, false])
    func keepsValuesOnlyForAProcessThatExitsAfterItsBuild(leaves: Bool) {
        var options = BuildOptions()
        options.leavesMemoryToExit = leaves
        weak var watched: Tracked?
        do {
            let value = Tracked()
            watched = value
            ExitReclaim.leave(value, [value], when: options)
        }
        #expect((watched != nil) == leaves)
    }
}
