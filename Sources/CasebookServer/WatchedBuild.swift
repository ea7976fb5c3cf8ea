import CasebookCore
import Foundation

/// `casebook build --watch`: builds into the output folder, then again after every save to the content or the
/// templates, as `hugo --watch` does. The process keeps its last build in memory (`BuildMemory`), so that after a
/// prose edit only the pages that show the edited item are made and written; every build still swaps the output
/// in whole or leaves it as it was.
public final class WatchedBuild: Sendable {
    public struct Options: Sendable {
        public var build = BuildOptions()
        /// Quiet time after the last save before a rebuild starts.
        public var debounce: Duration = .milliseconds(40)
        /// Watch by polling even where inotify is available.
        public var polling = false

        public init() {}
    }

    private let options: Options
    private let watcher: FileWatcher
    private let pending = PendingChanges()
    /// Signalled on every change and on `stop()`.
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = LockedFlag()

    public init(options: Options) {
        var options = options
        options.build.memory = options.build.memory ?? BuildMemory(watchingOutput: !options.polling)
        options.build.leavesMemoryToExit = false
        self.options = options
        watcher = FileWatcher(roots: [options.build.content, options.build.templates].map(PreviewBuilder.absolute),
                              polling: options.polling)
    }

    /// Builds, then rebuilds after each batch of saves until `stop()`, handing the saved paths (absolute) to `saved`
    /// before each rebuild and every build's result and wall time in seconds to `report` (both on the calling
    /// thread). Returns the first build's result when it could not start (a usage or I/O failure: a missing folder,
    /// an output folder it may not replace), without watching.
    public func run(saved: (Set<String>) -> Void = { _ in }, report: (BuildResult, Double) -> Void) -> BuildResult? {
        // Watching starts first, so that a save made while the first build runs is built next.
        watcher.start { [pending, wake] change in
            pending.add(change)
            wake.signal()
        }
        defer {
            watcher.stop()
            options.build.memory?.waitForSaves()
        }
        let first = build(report, first: true)
        if first.failure != nil { return first }
        while !stopped.value {
            wake.wait()
            // In short steps, so that the close of a file being written is noticed promptly.
            while !stopped.value, let wait = pending.wait(debounce: options.debounce, openLimit: RebuildService.openLimit), wait > .zero {
                Thread.sleep(forTimeInterval: Self.seconds(min(wait, options.debounce)))
            }
            let changed = pending.takeAll()
            guard !changed.isEmpty, !stopped.value else { continue }
            saved(changed)
            build(report)
        }
        return nil
    }

    /// Ends `run` after the build under way, if any: the output is never left half swapped.
    public func stop() {
        stopped.set()
        wake.signal()
    }

    /// Builds once; `ignoreCache` (`--no-cache`) holds for the first build only, after which the process's own last
    /// build is what the next is made from.
    @discardableResult
    private func build(_ report: (BuildResult, Double) -> Void, first: Bool = false) -> BuildResult {
        var build = options.build
        if !first { build.ignoreCache = false }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = BuildPipeline.run(build)
        report(result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return result
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A flag set once, from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false

    var value: Bool { lock.withLock { isSet } }

    func set() {
        lock.withLock { isSet = true }
    }
}
