import Foundation

/// What each page job of the last build made (paths and digests) and which events, quotes, cases, parties and sources
/// it read, so that a build after a prose edit runs only the jobs that read an edited item and reports every other
/// page unchanged; and which places of events and quotes it read, for a build after items moved (`MovedItems`).
/// A long-lived process keeps it in memory; `casebook build` keeps it on disk (`LedgerFile`).
/// Jobs' records lie in three shared pools rather than in arrays of their own: at N=10,000 (22,000 jobs, 250,000
/// reads) a few large allocations instead of 66,000 small ones made on the rendering threads and kept to the end.
final class PageLedger: @unchecked Sendable {
    /// A page a job made, as a build that does not run the job reports it.
    struct Page: Sendable, Equatable {
        let path: String
        let digest: PageDigest
    }

    /// One job's record, as slices of the pools (to be let go before the ledger records again).
    struct Entry {
        let pages: ArraySlice<Page>
        /// Events whose views were read, then places read of others as `~place` (see `ReadLog.eventsAndPlaces`).
        let events: ArraySlice<Int32>
        /// The same for quotes.
        let quotes: ArraySlice<Int32>
        /// As `ReadLog` numbers them.
        let documents: ArraySlice<Int32>
    }

    /// Where a job's record lies: its events, its quotes then its documents in `reads`, its pages in `pages`.
    private struct Slot {
        var reads: Int32 = 0
        var events: Int32 = 0
        var quotes: Int32 = 0
        var documents: Int32 = 0
        var pages: Int32 = 0
        /// -1 for a job never recorded, or with a file that has no digest (so cannot be reported unchanged): such a
        /// job always runs again.
        var pageCount: Int32 = -1
    }

    /// The bytes a ledger read from `LedgerFile` was read from: job `n`'s record is `bytes[bounds[n]..<bounds[n + 1]]`
    /// (offsets from `bytes.startIndex`).
    struct Encoding: Sendable {
        let bytes: Data
        let bounds: [Int]
    }

    /// A run of jobs' records as `forEachRecord` hands them on.
    enum Record {
        /// Jobs not recorded again since the ledger was read, as the file held them.
        case encoded(Data)
        case entry(Entry?)
    }

    private let lock = NSLock()
    private var slots: [Slot]
    private var reads: [Int32] = []
    private var pages: [Page] = []
    /// Set by `LedgerFile`: a save writes the records of the jobs not recorded again back as they were read (encoding
    /// 22,000 records again was 8 ms at the end of a one-shot rebuild at N=10,000, which runs a few jobs).
    private var encoding: Encoding?
    private var recordedAgain: Set<Int> = []

    init(jobs: Int) {
        slots = Array(repeating: Slot(), count: jobs)
    }

    /// A ledger as recorded before, read back from `LedgerFile`.
    convenience init(entries: [Entry?]) {
        self.init(reserving: entries.count)
        for entry in entries { add(entry) }
    }

    /// An empty ledger to be read back job by job with `add`.
    init(reserving jobs: Int) {
        slots = []
        slots.reserveCapacity(jobs)
    }

    /// Adds the next job's record, copied into the pools; nil for a job that always runs again.
    func add(_ entry: Entry?) {
        lock.withLock { slots.append(entry.map { Self.append($0, &reads, &pages) } ?? Slot()) }
    }

    var jobCount: Int { lock.withLock { slots.count } }

    /// How many reads the pools hold, replaced ones included.
    var storedReads: Int { lock.withLock { reads.count } }

    /// The record of job `number`; nil when it always runs again.
    func entry(_ number: Int) -> Entry? {
        lock.withLock { Self.entry(slots[number], reads, pages) }
    }

    /// The pages each of the jobs `numbers` made, as slices of the pool, taken under the lock once and read without it
    /// (a copy of the pool's, should recording append to it meanwhile); nil for a job that always runs again.
    func pages(of numbers: Range<Int>) -> [ArraySlice<Page>?] {
        lock.withLock {
            slots[numbers].map { slot in
                slot.pageCount < 0 ? nil : pages[Int(slot.pages)..<(Int(slot.pages) + Int(slot.pageCount))]
            }
        }
    }

    /// Calls `body` with each job's record in job order.
    func forEachEntry(_ body: (Entry?) -> Void) {
        lock.withLock {
            for slot in slots { body(Self.entry(slot, reads, pages)) }
        }
    }

    /// Keeps the bytes this ledger was read from (one bound more than it has jobs).
    func keep(_ encoding: Encoding) {
        lock.withLock {
            guard encoding.bounds.count == slots.count + 1 else { return }
            self.encoding = encoding
            recordedAgain = []
        }
    }

    /// Calls `body` with the jobs' records in job order: each run of jobs not recorded again since the ledger was read
    /// from bytes it keeps, as those bytes; every other job as its entry.
    func forEachRecord(_ body: (Record) -> Void) {
        lock.withLock {
            var number = 0
            while number < slots.count {
                guard let encoding, !recordedAgain.contains(number) else {
                    body(.entry(Self.entry(slots[number], reads, pages)))
                    number += 1
                    continue
                }
                let first = number
                while number < slots.count, !recordedAgain.contains(number) { number += 1 }
                let start = encoding.bytes.startIndex
                body(.encoded(encoding.bytes[(start + encoding.bounds[first])..<(start + encoding.bounds[number])]))
            }
        }
    }

    /// A copy to update in a patching build, leaving this one as the last good build's until that build succeeds.
    /// Records replaced by earlier patches are dropped from the copy once they outweigh the live ones.
    func copy() -> PageLedger {
        let copy = PageLedger(jobs: 0)
        lock.withLock {
            let liveReads = slots.reduce(0) { $0 + Int($1.events + $1.quotes + $1.documents) }
            let livePages = slots.reduce(0) { $0 + max(Int($1.pageCount), 0) }
            guard reads.count > 2 * liveReads + 1024 || pages.count > 2 * livePages + 1024 else {
                (copy.slots, copy.reads, copy.pages) = (slots, reads, pages)
                return
            }
            copy.slots = slots.map { slot in Self.entry(slot, reads, pages).map { Self.append($0, &copy.reads, &copy.pages) } ?? Slot() }
        }
        return copy
    }

    /// Wraps each job so that what it makes and reads is recorded under its number.
    func recording(_ jobs: [SiteRenderer.Job], numbers: [Int]? = nil) -> [SiteRenderer.Job] {
        zip(numbers ?? Array(jobs.indices), jobs).map { number, job in
            { [self] in
                let (files, log) = ReadLog.recording(job)
                let made = files.compactMap { file in file.digest.map { Page(path: file.path, digest: $0) } }
                let entry = made.count == files.count
                    ? Entry(pages: made[...], events: log.eventsAndPlaces[...], quotes: log.quotesAndPlaces[...], documents: log.documents[...]) : nil
                lock.withLock {
                    slots[number] = entry.map { Self.append($0, &reads, &pages) } ?? Slot()
                    if encoding != nil { recordedAgain.insert(number) }
                }
                return files
            }
        }
    }

    /// The numbers of the jobs that read any of these items, or that were never recorded. Records are read in place:
    /// copying each of 22,000 cost more than the test.
    func jobs(reading items: EditedItems) -> [Int] {
        let isEvent = Self.membership(items.events.map { Int32(truncatingIfNeeded: $0) })
        let isQuote = Self.membership(items.quotes.map { Int32(truncatingIfNeeded: $0) })
        let isDocument = Self.membership(items.documents)
        return lock.withLock {
            reads.withUnsafeBufferPointer { reads in
                slots.indices.filter { number in
                    let slot = slots[number], start = Int(slot.reads), quotes = start + Int(slot.events)
                    let documents = quotes + Int(slot.quotes)
                    return slot.pageCount < 0 || reads[start..<quotes].contains(where: isEvent)
                        || reads[quotes..<documents].contains(where: isQuote)
                        || reads[documents..<(documents + Int(slot.documents))].contains(where: isDocument)
                }
            }
        }
    }

    /// The numbers of the jobs that read an event (its view or its place) at one of the places `events` names, or a quote
    /// at one of those `quotes` names, or that were never recorded.
    func jobs(readingEventsIn events: ClosedRange<Int>?, quotesIn quotes: ClosedRange<Int>?) -> [Int] {
        let events = events.map(Self.places), quotes = quotes.map(Self.places)
        return lock.withLock {
            reads.withUnsafeBufferPointer { reads in
                slots.indices.filter { number in
                    let slot = slots[number], start = Int(slot.reads), quoteStart = start + Int(slot.events)
                    return slot.pageCount < 0 || Self.reads(reads[start..<quoteStart], in: events)
                        || Self.reads(reads[quoteStart..<(quoteStart + Int(slot.quotes))], in: quotes)
                }
            }
        }
    }

    private static func places(_ places: ClosedRange<Int>) -> ClosedRange<Int32> {
        Int32(truncatingIfNeeded: places.lowerBound)...Int32(truncatingIfNeeded: places.upperBound)
    }

    /// Whether `reads` (views as places, other places as `~place`) name one of `places`.
    private static func reads(_ reads: Slice<UnsafeBufferPointer<Int32>>, in places: ClosedRange<Int32>?) -> Bool {
        guard let places else { return false }
        return reads.contains { places.contains($0 < 0 ? ~$0 : $0) }
    }

    /// Runs the jobs numbered `again` (of `jobs`, recording what they read), a batch at a time, and hands every job's
    /// files to `emit` in job order: those of the jobs run as each batch is made, the others' reported unchanged
    /// between them. Returns how many files were made. Held until the last was made, the pages of an edit that reached
    /// 10,000 events came to 500 MB; in job order, a preview finds most pages where the last build had them.
    func run(_ again: [Int], of jobs: JobList, _ emit: ([OutputFile]) -> Void) -> Int {
        let again = again.sorted()
        var made = 0, next = 0
        for start in stride(from: 0, to: again.count, by: SiteRenderer.batchSize) {
            let numbers = Array(again[start..<min(start + SiteRenderer.batchSize, again.count)])
            // One hand-over a batch: handing each job's files over apart cost a one-shot rebuild 7 ms in the writer.
            var batch: [OutputFile] = []
            for (number, files) in zip(numbers, recording(numbers.map { jobs[$0] }, numbers: numbers).parallelMap { $0() }) {
                batch += unchangedFiles(of: next..<number) + files
                made += files.count
                next = number + 1
            }
            emit(batch)
        }
        emit(unchangedFiles(of: next..<jobCount))
        return made
    }

    /// The files of the jobs numbered `numbers`, in job order, reported unchanged.
    private func unchangedFiles(of numbers: Range<Int>) -> [OutputFile] {
        lock.withLock {
            var files: [OutputFile] = []
            for slot in slots[numbers] where slot.pageCount > 0 {
                let start = Int(slot.pages)
                files += pages[start..<(start + Int(slot.pageCount))].map { OutputFile(unchangedAt: $0.path, digest: $0.digest) }
            }
            return files
        }
    }

    private static func entry(_ slot: Slot, _ reads: [Int32], _ pages: [Page]) -> Entry? {
        guard slot.pageCount >= 0 else { return nil }
        let start = Int(slot.reads), quotes = start + Int(slot.events), documents = quotes + Int(slot.quotes)
        let first = Int(slot.pages)
        return Entry(pages: pages[first..<(first + Int(slot.pageCount))], events: reads[start..<quotes],
                     quotes: reads[quotes..<documents], documents: reads[documents..<(documents + Int(slot.documents))])
    }

    private static func append(_ entry: Entry, _ reads: inout [Int32], _ pages: inout [Page]) -> Slot {
        let slot = Slot(reads: Int32(reads.count), events: Int32(entry.events.count), quotes: Int32(entry.quotes.count),
                        documents: Int32(entry.documents.count), pages: Int32(pages.count), pageCount: Int32(entry.pages.count))
        reads += entry.events
        reads += entry.quotes
        reads += entry.documents
        pages += entry.pages
        return slot
    }

    /// A membership test for a few values (one edit's) by comparison, for many by hashing.
    private static func membership(_ values: [Int32]) -> @Sendable (Int32) -> Bool {
        if values.count <= 8 { return { values.contains($0) } }
        let set = Set(values)
        return { set.contains($0) }
    }
}
