import Foundation

/// Tells every open preview page what changed, over Server-Sent Events.
final class LiveEvents: @unchecked Sendable {
    enum Event: Equatable, Sendable {
        /// The page should load again (content, templates, or the build's error state changed).
        case reload(generation: Int)
        /// Only stylesheets changed: the page swaps these (site-relative paths) without reloading.
        case stylesheets([String], generation: Int)

        /// The event in the `text/event-stream` format.
        var wireFormat: String {
            switch self {
            case .reload(let generation):
                return "event: reload\ndata: \(generation)\n\n"
            case .stylesheets(let paths, let generation):
                return "event: css\ndata: \(generation) \(paths.joined(separator: " "))\n\n"
            }
        }
    }

    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<Event>.Continuation] = [:]
    private var closed = false

    /// The events sent from now on, until the server shuts down or `end` is called.
    struct Subscription: Sendable {
        let stream: AsyncStream<Event>
        let end: @Sendable () -> Void
    }

    func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            subscribers[id] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        return Subscription(stream: stream, end: { continuation.finish() })
    }

    var subscriberCount: Int { lock.withLock { subscribers.count } }

    func send(_ event: Event) {
        for continuation in lock.withLock({ Array(subscribers.values) }) { continuation.yield(event) }
    }

    /// Ends every stream, so open pages let the server stop.
    func close() {
        let open = lock.withLock { () -> [AsyncStream<Event>.Continuation] in
            closed = true
            return Array(subscribers.values)
        }
        for continuation in open { continuation.finish() }
    }
}
