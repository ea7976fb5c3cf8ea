#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The events, quotes, cases, parties, sources and pages one page job read (their views or cards), noted by
/// `ItemList` and `ViewsByID` on the thread the job runs on, so that a build can tell which pages an edit to an item's
/// prose reaches without making the others again; and the places in the timeline and the quotes' order it read events
/// and quotes at (their dates and links, from the graph), so that a build can tell which pages items moving within a
/// stretch of either reach.
final class ReadLog {
    enum Kind: Int32, Sendable {
        case event, quote, legalCase, party, source, page
        /// An event or quote as the graph holds it, read for where it stands rather than for what it says.
        case placedEvent, placedQuote
    }

    private(set) var events: [Int32] = []
    private(set) var quotes: [Int32] = []
    private var eventPlaces: [Int32] = []
    private var quotePlaces: [Int32] = []

    /// `events`, then each place read of an event whose view was not read as `~place` (a negative number, which no
    /// prose edit's event matches).
    var eventsAndPlaces: [Int32] { Self.folded(events, eventPlaces) }

    /// The same for quotes.
    var quotesAndPlaces: [Int32] { Self.folded(quotes, quotePlaces) }

    private static func folded(_ views: [Int32], _ places: [Int32]) -> [Int32] {
        guard !places.isEmpty else { return views }
        let shown = views.sorted()
        var folded = views
        var last: Int32 = -1
        for place in places.sorted() where place != last {
            last = place
            if !binarySearch(shown, place) { folded.append(~place) }
        }
        return folded
    }

    /// Cases, parties, sources and pages, each as `document(_:_:)` numbers it.
    private(set) var documents: [Int32] = []

    /// One number for a case's, party's, source's or page's index in the graph's list of its kind.
    static func document(_ kind: Kind, _ index: Int) -> Int32 {
        Int32(truncatingIfNeeded: index) << 2 | (kind.rawValue - Kind.legalCase.rawValue)
    }

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
        case .legalCase, .party, .source, .page: reads.documents.append(document(kind, index))
        case .placedEvent: reads.eventPlaces.append(Int32(truncatingIfNeeded: index))
        case .placedQuote: reads.quotePlaces.append(Int32(truncatingIfNeeded: index))
        }
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()
}

private func binarySearch(_ sorted: [Int32], _ value: Int32) -> Bool {
    var low = 0, high = sorted.count
    while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < sorted.count && sorted[low] == value
}
