import Foundation
import Testing
@testable import CasebookCore

@Suite struct PendingTests {
    /// The value is made once, on another thread than the caller's, and every read returns it.
    @Test func makesTheValueOnceOnAnotherThread() {
        let calls = LockedCache(0)
        let caller = pthread_self()
        let pending = Pending { () -> Bool in
            calls.withLock { $0 += 1 }
            return pthread_equal(pthread_self(), caller) == 0
        }
        #expect(pending.value)
        #expect(pending.value)
        #expect(calls.withLock { $0 } == 1)
    }
}

extension PendingTests {
    /// Work left for the first caller is not done unless asked for, and done once.
    @Test func aValueWhenAskedIsMadeOnceAndOnlyWhenAsked() {
        let made = LockedCache(0)
        let unasked = Pending<Int>.whenAsked { made.withLock { $0 += 1; return 1 } }
        _ = unasked
        #expect(made.withLock { $0 } == 0)
        let asked = Pending<Int>.whenAsked { made.withLock { $0 += 1; return 2 } }
        #expect(asked.value == 2 && asked.value == 2)
        #expect(made.withLock { $0 } == 1)
    }
}
