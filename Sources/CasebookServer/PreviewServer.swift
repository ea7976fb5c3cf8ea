import CasebookCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `casebook serve`: builds the site in memory, serves it as a static host would, watches the sources and
/// tells open pages to reload. It never writes or deletes `Site/`.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build = BuildOptions()
        public var host = "127.0.0.1"
        /// 0 takes any free port (tests).
        public var port = 8000
        /// When the port is taken, try the next ones instead of failing (the port was not asked for).
        public var tryNextPorts = false
        /// Quiet time after the last save before a rebuild starts.
        public var debounce: Duration = .milliseconds(40)
        /// Watch by polling even where inotify is available.
        public var polling = false
        /// Log each build's stages (load, validate, graph, render) after its time.
        public var timings = false

        public init() {}
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    let options: Options
    let log: @Sendable (String) -> Void

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds, starts serving, calls `onReady` with the site's URL, and runs until cancelled or, with
    /// `signals`, until Ctrl-C or SIGTERM.
    public func run(signals: Bool = true, onReady: @escaping @Sendable (String) async -> Void) async throws {
        let port = try choosePort()
        var build = options.build
        let authority = options.host.contains(":") ? "[\(options.host)]" : options.host
        build.origin = "http://\(authority):\(port)"
        let builder = PreviewBuilder(options: build, timings: options.timings, log: log)
        let state = PreviewState(), events = LiveEvents()
        builder.buildAll(into: state)
        state.makePendingFiles()

        let watcher = FileWatcher(roots: [options.build.content, options.build.templates].map(PreviewBuilder.absolute),
                                  polling: options.polling)
        let rebuilds = RebuildService(builder: builder, state: state, events: events, watcher: watcher,
                                      debounce: options.debounce)
        // Watching starts before the server listens, so no save made after a page first loads is missed.
        rebuilds.startWatching()
        let responder = PreviewResponder(state: state, events: events)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in try await responder.respond(to: request) },
            configuration: .init(address: .hostname(options.host, port: port), serverName: nil, reuseAddress: true),
            services: [rebuilds],
            onServerRunning: { _ in await onReady("http://\(authority):\(port)\(state.current.basePath)") },
            logger: Self.quietLogger
        )
        try await app.runService(gracefulShutdownSignals: signals ? [.sigterm, .sigint] : [])
    }

    /// The port to listen on: the one asked for, or with `tryNextPorts` the first free one of the next 20.
    func choosePort() throws -> Int {
        if options.port == 0, let port = PortProbe.ephemeralPort(host: options.host) { return port }
        let candidates = options.tryNextPorts ? Array(options.port..<options.port + 20) : [options.port]
        for candidate in candidates where PortProbe.isFree(host: options.host, port: candidate) { return candidate }
        if options.tryNextPorts {
            throw Failure(description: "ports \(options.port)–\(options.port + 19) on \(options.host) are all in use; choose one with --port")
        }
        throw Failure(description: "port \(options.port) on \(options.host) is already in use; choose another with --port, or stop the program using it")
    }

    private static let quietLogger: Logger = {
        var logger = Logger(label: "casebook-serve")
        logger.logLevel = .critical
        return logger
    }()
}

/// Runs the watcher and the rebuilds for as long as the server runs, and ends the live-reload streams
/// when it stops, so that open pages do not hold the shutdown.
struct RebuildService: Service {
    let builder: PreviewBuilder
    let state: PreviewState
    let events: LiveEvents
    let watcher: FileWatcher
    let debounce: Duration
    private let pending = PendingChanges()
    private let signal: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    init(builder: PreviewBuilder, state: PreviewState, events: LiveEvents, watcher: FileWatcher, debounce: Duration) {
        self.builder = builder
        self.state = state
        self.events = events
        self.watcher = watcher
        self.debounce = debounce
        (signal, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func startWatching() {
        watcher.start { [pending, wake] change in
            pending.add(change)
            wake.yield()
        }
    }

    func run() async throws {
        let wake = self.wake
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                for await _ in signal {
                    // In short steps, so that the close of a file being written is noticed promptly.
                    while let wait = pending.wait(debounce: debounce, openLimit: Self.openLimit), wait > .zero {
                        try? await Task.sleep(for: min(wait, debounce))
                    }
                    let changed = pending.takeAll()
                    guard !changed.isEmpty, !Task.isCancelled else { continue }
                    let event = await onBuildQueue { builder.rebuild(after: changed, into: state) }
                    events.send(event)
                    // Open pages reload while the data files (downloads, search index, feed) are made; a save
                    // meanwhile is built at once, and the files of the build it replaces are abandoned.
                    DispatchQueue.global(qos: .utility).async { state.makePendingFiles() }
                }
            } onCancel: {
                wake.finish()
            }
        } onGracefulShutdown: {
            wake.finish()
            events.close()
        }
        watcher.stop()
        events.close()
    }

    /// How long a file modified but not closed may stay quiet before it is built anyway (a writer that keeps
    /// its file open).
    static let openLimit: Duration = .seconds(1)

    /// Builds run off the cooperative pool: they are long, synchronous and use every core themselves.
    private func onBuildQueue(_ work: @escaping @Sendable () -> LiveEvents.Event) async -> LiveEvents.Event {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

/// Paths saved since the last rebuild, which of them are still open for writing, and when the last change came in.
final class PendingChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var writing: Set<String> = []
    private var last = ContinuousClock.now

    func add(_ change: FileWatcher.Change, at now: ContinuousClock.Instant = .now) {
        lock.withLock {
            paths.insert(change.path)
            if change.writing { writing.insert(change.path) } else { writing.remove(change.path) }
            last = now
        }
    }

    /// How much longer to wait before building (zero: build now; nil: nothing is pending): until `debounce` has
    /// passed without a change, and while a file is still open for writing, until it is closed or `openLimit`
    /// has passed without a change — building a half-written file shows its reader errors or an empty site.
    func wait(debounce: Duration, openLimit: Duration, now: ContinuousClock.Instant = .now) -> Duration? {
        lock.withLock {
            guard !paths.isEmpty else { return nil }
            let needed = writing.isEmpty ? debounce : openLimit
            let quiet = now - last
            return quiet < needed ? needed - quiet : .zero
        }
    }

    func takeAll() -> Set<String> {
        lock.withLock {
            defer { paths = []; writing = [] }
            return paths
        }
    }
}
