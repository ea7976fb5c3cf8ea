import Testing
@testable import CasebookCore

@Suite struct ParallelMapTests {
    /// Counts live instances, to see that results are released once the caller drops them.
    final class Tracked: Sendable {
        static let live = LockedCache(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.withLock { $0 += 1 }
        }
        deinit { Self.live.withLock { $0 -= 1 } }
    }

    @Test func keepsTheOrderAndReleasesEveryResult() {
        let before = Tracked.live.withLock { $0 }
        do {
            let results = Array(0..<1_000).parallelMap { Tracked($0 * 2) }
            #expect(results.map(\.value) == Array(0..<1_000).map { $0 * 2 })
            #expect(Tracked.live.withLock { $0 } == before + 1_000)
        }
        // Before the fix the buffer was freed without deinitializing it, so every page of a build stayed in memory.
        #expect(Tracked.live.withLock { $0 } == before)
    }
}
