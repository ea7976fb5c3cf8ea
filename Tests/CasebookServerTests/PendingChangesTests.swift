import Testing
@testable import CasebookServer

/// When the preview rebuilds after saves: after a short quiet spell, but not while a saved file is still open
/// for writing, unless its writer stays quiet for a long one.
@Suite struct PendingChangesTests {
    let debounce = Duration.milliseconds(40), openLimit = Duration.seconds(1)

    @Test func aFileOpenForWritingWaitsForItsClose() {
        let pending = PendingChanges()
        let start = ContinuousClock.now
        func wait(at milliseconds: Int) -> Duration? {
            pending.wait(debounce: debounce, openLimit: openLimit, now: start + .milliseconds(milliseconds))
        }
        #expect(wait(at: 0) == nil, "nothing saved")
        pending.add(.init(path: "a.yml", writing: true), at: start)
        #expect(wait(at: 100) == .milliseconds(900), "modified, not closed: long past the debounce, still waiting")
        pending.add(.init(path: "a.yml"), at: start + .milliseconds(150))
        #expect(wait(at: 170) == .milliseconds(20), "closed: the usual debounce")
        #expect(wait(at: 190) == .zero)

        pending.add(.init(path: "b.yml", writing: true), at: start + .milliseconds(300))
        #expect(wait(at: 1_000) == .milliseconds(300))
        #expect(wait(at: 1_300) == .zero, "a writer quiet for a second is built anyway")
        #expect(pending.takeAll() == ["a.yml", "b.yml"])
        #expect(wait(at: 1_400) == nil)
    }
}
