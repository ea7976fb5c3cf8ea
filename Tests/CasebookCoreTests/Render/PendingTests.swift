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
