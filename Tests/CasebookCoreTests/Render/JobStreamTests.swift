import Foundation
import Testing
@testable import CasebookCore

/// `SiteRenderer.stream`, which runs the downloads: every job once, its files handed on by the calling thread,
/// and never more than `width` jobs made and not yet handed on.
@Suite struct JobStreamTests {
    @Test(arguments: [1, 2, 3])
    func handsOnEveryJobOnceAndHoldsAtMostWidth(width: Int) {
        let held = LockedCache((now: 0, most: 0))
        let jobs: [SiteRenderer.Job] = (0..<12).map { index in {
            held.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            Thread.sleep(forTimeInterval: Double(index % 4) / 1_000)  // jobs of different lengths end out of order
            return [OutputFile(path: "file-\(index)", text: "\(index)")]
        } }
        var emitted: [String] = []
        let caller = Thread.current
        SiteRenderer.stream(jobs, width: width) { files in
            #expect(Thread.current == caller)
            emitted += files.map(\.path)
            held.withLock { $0.now -= 1 }
        }
        #expect(emitted.sorted() == (0..<12).map { "file-\($0)" }.sorted())
        #expect(held.withLock { $0.most } <= width)
        #expect(held.withLock { $0.now } == 0)
    }

    @Test func noJobsEmitNothing() {
        var emitted = 0
        SiteRenderer.stream([], width: 2) { _ in emitted += 1 }
        #expect(emitted == 0)
    }
}
