@testable import CasebookServer
import CasebookCore
import Foundation
import Testing

/// `casebook build --watch` over a temp copy of the minimal fixture: builds into the output folder, rebuilds after a
/// save by patching its last build, keeps the output through content errors, and ends on `stop()`.
@Suite(.serialized, .timeLimit(.minutes(2))) struct WatchedBuildTests {
    /// Every build's result, as `run` reports them, for the test to wait on.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [BuildResult] = []
        private var saves: [Set<String>] = []

        func add(_ result: BuildResult) { lock.withLock { results.append(result) } }
        func add(saved paths: Set<String>) { lock.withLock { saves.append(paths) } }
        /// The paths each rebuild followed, in order.
        var saved: [Set<String>] { lock.withLock { saves } }

        /// The result of build number `count` (from 1), once it is reported.
        func waitFor(_ count: Int, seconds: Double = 20) throws -> BuildResult {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let result = lock.withLock({ results.count >= count ? results[count - 1] : nil }) { return result }
                Thread.sleep(forTimeInterval: 0.02)
            }
            throw CancellationError()
        }
    }

    @Test func aSaveRebuildsTheOutputAndErrorsKeepIt() throws {
        let root = try PreviewFixture.copyOfMinimalSite(named: "casebook-watch")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = WatchedBuild.Options()
        options.build.content = root.appendingPathComponent("Content").path
        options.build.templates = root.appendingPathComponent("Templates").path
        options.build.output = root.appendingPathComponent("Site").path
        options.build.cacheFolder = root.appendingPathComponent(".casebook-cache").path
        options.build.projectRoot = root.path
        options.build.ignoreCache = true  // --no-cache: the first build only
        let watched = WatchedBuild(options: options), reports = Reports()
        let ended = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = watched.run(saved: { reports.add(saved: $0) }) { result, _ in reports.add(result) }
            ended.signal()
        }
        let first = try reports.waitFor(1)
        #expect(first.exitCode == 0 && first.pagesPatched == nil)

        let events = root.appendingPathComponent("Content/timeline/2021.yml")
        let original = try String(contentsOf: events, encoding: .utf8)
        try original.replacingOccurrences(of: "Sample gave notice by email.", with: "Sample gave notice by fax.")
            .write(to: events, atomically: true, encoding: .utf8)
        let second = try reports.waitFor(2)
        #expect(second.exitCode == 0 && (second.pagesPatched ?? 0) > 0 && (second.pagesPatched ?? 0) < second.pageCount / 2,
                "a prose edit patches the last build: \(String(describing: second.pagesPatched)) of \(second.pageCount) pages made")
        #expect(reports.saved.first?.contains(PreviewBuilder.absolute(events.path)) == true, "\(reports.saved)")
        let page = root.appendingPathComponent("Site/events/host-notice/index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Sample gave notice by fax."))

        try original.replacingOccurrences(of: "parties: [sample, example]", with: "parties: [sampel, example]")
            .write(to: events, atomically: true, encoding: .utf8)
        let third = try reports.waitFor(3)
        #expect(third.exitCode == 1)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Sample gave notice by fax."), "the output is kept")

        watched.stop()
        #expect(ended.wait(timeout: .now() + 10) == .success, "run ends after stop()")
    }

    /// A build that cannot start (no templates folder) is returned at once, and nothing is watched.
    @Test func aBuildThatCannotStartEndsTheRun() throws {
        var options = WatchedBuild.Options()
        options.build.content = PreviewFixture.repositoryRoot.appendingPathComponent("Tests/Fixtures/minimal-site/Content").path
        options.build.templates = "/nonexistent/templates"
        options.build.write = false
        var reported = 0
        let failed = WatchedBuild(options: options).run { _, _ in reported += 1 }
        #expect(failed?.exitCode == 2 && reported == 1)
    }
}
