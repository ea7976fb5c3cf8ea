import Foundation
import Testing
@testable import CasebookCore

@Suite struct PendingTests {
    /// Begun on another thread, the value is waited for, not made again, and every read returns it.
    @Test func aValueBegunOnAnotherThreadIsWaitedFor() {
        let calls = LockedCache(0), begun = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let caller = pthread_self()
        let pending = Pending { () -> Bool in
            calls.withLock { $0 += 1 }
            begun.signal()
            release.wait()
            return pthread_equal(pthread_self(), caller) == 0
        }
        begun.wait()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
        #expect(pending.value)
        #expect(pending.value)
        #expect(calls.withLock { $0 } == 1)
    }

    /// However many callers ask at once, and whichever thread makes it (a caller takes it when no thread has begun),
    /// the value is made once.
    @Test func aValueAskedForByManyAtOnceIsMadeOnce() {
        for _ in 0..<50 {
            let calls = LockedCache(0)
            let pending = Pending { calls.withLock { count in
                count += 1
                return count
            } }
            let values = Array(0..<8).parallelMap { _ in pending.value }
            #expect(Set(values) == [1] && calls.withLock { $0 } == 1)
        }
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

    /// `valueIfMade` waits for a value a caller of `value` is making (as the next preview build waits for the data files
    /// the last one's server is making), and reads a value made on another core, or not asked for yet, as nil.
    @Test func aValueBeingMadeIsWaitedForOnlyWhenACallerMakesIt() {
        let begun = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let asked = Pending<Int>.whenAsked {
            begun.signal()
            release.wait()
            return 7
        }
        #expect(asked.valueIfMade == nil)
        DispatchQueue.global().async { _ = asked.value }
        begun.wait()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { release.signal() }
        #expect(asked.valueIfMade == 7)
        let started = Pending<Int> {
            begun.signal()
            release.wait()
            return 8
        }
        begun.wait()
        #expect(started.valueIfMade == nil)
        release.signal()
        #expect(started.value == 8 && started.valueIfMade == 8)
    }
}
