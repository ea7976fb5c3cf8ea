#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The events and quotes one page job read (their views or cards), noted by `ItemList` on the thread the job runs
/// on, so that a long-lived process can tell which pages an edit to an item's prose reaches without making the
/// others again.
final class ReadLog {
    enum Kind: Sendable {
        case event, quote
    }

    private(set) var events: [Int32] = []
    private(set) var quotes: [Int32] = []

    /// Runs `body` with this thread's reads going to a new log; logs nest, the inner one taking the reads.
    static func recording<Result>(_ body: () -> Result) -> (Result, ReadLog) {
        let log = ReadLog(), outer = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(log).toOpaque())
        let result = body()
        pthread_setspecific(key, outer)
        return (result, log)
    }

    /// Notes a read by the job running on this thread, if it is being recorded.
    @inline(__always)
    static func note(_ kind: Kind, _ index: Int) {
        guard let log = pthread_getspecific(key) else { return }
        let reads = Unmanaged<ReadLog>.fromOpaque(log).takeUnretainedValue()
        switch kind {
        case .event: reads.events.append(Int32(truncatingIfNeeded: index))
        case .quote: reads.quotes.append(Int32(truncatingIfNeeded: index))
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}
