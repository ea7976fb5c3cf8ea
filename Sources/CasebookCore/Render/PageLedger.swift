import Foundation

/// What each page job of the last build made (paths and digests) and which events and quotes it read, so that a
/// build after a prose edit runs only the jobs that read an edited item and reports every other page unchanged.
/// A long-lived process keeps it in memory; `casebook build` keeps it on disk (`LedgerFile`).
final class PageLedger: @unchecked Sendable {
    struct Entry: Sendable {
        /// The job's files as a build that does not run it reports them; nil when a file has no digest (so cannot be
        /// reported unchanged): the job always runs again.
        let unchanged: [OutputFile]?
        let events: [Int32]
        let quotes: [Int32]
    }

    private let lock = NSLock()
    private var entries: [Entry?]

    init(jobs: Int) {
        entries = Array(repeating: nil, count: jobs)
    }

    /// A ledger as recorded before, read back from `LedgerFile`.
    init(entries: [Entry?]) {
        self.entries = entries
    }

    /// Each job's entry in job order; nil for a job never recorded.
    var recorded: [Entry?] { lock.withLock { entries } }

    /// A copy to update in a patching build, leaving this one as the last good build's until that build succeeds.
    func copy() -> PageLedger {
        let copy = PageLedger(jobs: 0)
        copy.entries = lock.withLock { entries }
        return copy
    }

    var jobCount: Int { lock.withLock { entries.count } }

    /// Wraps each job so that what it makes and reads is recorded under its number.
    func recording(_ jobs: [SiteRenderer.Job], numbers: [Int]? = nil) -> [SiteRenderer.Job] {
        zip(numbers ?? Array(jobs.indices), jobs).map { number, job in
            { [self] in
                let (files, log) = ReadLog.recording(job)
                let unchanged = files.compactMap { file in file.digest.map { OutputFile(unchangedAt: file.path, digest: $0) } }
                let entry = Entry(unchanged: unchanged.count == files.count ? unchanged : nil, events: log.events, quotes: log.quotes)
                lock.withLock { entries[number] = entry }
                return files
            }
        }
    }

    /// The numbers of the jobs that read any of these events or quotes (indexes into the graph's lists), or that
    /// were never recorded. Entries are read in place: copying each of 22,000 cost more than the test.
    func jobs(readingEvents events: Set<Int>, quotes: Set<Int>) -> [Int] {
        let events = Self.membership(events), quotes = Self.membership(quotes)
        return lock.withLock {
            entries.withUnsafeBufferPointer { entries in
                entries.indices.filter { entries[$0]?.mustRun(events: events, quotes: quotes) ?? true }
            }
        }
    }

    /// Every job's files in job order: those `made` again as made, the others as reported unchanged.
    func files(replacing made: [Int: [OutputFile]]) -> [OutputFile] {
        lock.withLock {
            var files: [OutputFile] = []
            files.reserveCapacity(entries.count + made.count)
            for number in entries.indices { files += made[number] ?? entries[number]?.unchanged ?? [] }
            return files
        }
    }

    /// A membership test for a few indexes (one edit's) by comparison, for many by hashing.
    private static func membership(_ indexes: Set<Int>) -> @Sendable (Int32) -> Bool {
        let values = indexes.map { Int32(truncatingIfNeeded: $0) }
        if values.count <= 8 { return { values.contains($0) } }
        let set = Set(values)
        return { set.contains($0) }
    }
}

private extension PageLedger.Entry {
    func mustRun(events isEvent: (Int32) -> Bool, quotes isQuote: (Int32) -> Bool) -> Bool {
        unchanged == nil || events.contains(where: isEvent) || quotes.contains(where: isQuote)
    }
}
