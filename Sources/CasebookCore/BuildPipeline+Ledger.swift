import Foundation

/// A `casebook build` after a prose or date edit: the ledger the last build left on disk (`LedgerFile`) names the page
/// jobs that read an edited item, or a place where items moved, and only those run; every other page is reported
/// unchanged without being made or digested, as `casebook serve` patches its last build from memory.
extension BuildPipeline {
    /// The items (by id) that a prose edit since the build that made the output reworded, when that build's ledger
    /// still describes the output and was made from these inputs and content of this structure; nil when the build
    /// must digest every page.
    static func rewordedSinceLedger(_ output: Output, shape: Pending<ContentShape>?, inputs: PageDigest?,
                                    _ content: SiteContent) -> EditedItems.IDs? {
        guard output.cache != nil, let shape, let inputs, let previous = output.previousLedger, previous.inputs == inputs else { return nil }
        return shape.value.reworded(since: previous.shape, in: content)
    }

    /// The places where events and quotes moved since the build that left the ledger, as edited items, and the jobs
    /// that read them, when only the items' places and wording changed: the same inputs, settings, documents (front
    /// matter and bodies) and links of each item. Nil otherwise, when nothing moved (`rewordedSinceLedger` tells a prose
    /// edit), or when the jobs are more than an eighth of the site's (and more than a few hundred, which either build
    /// makes in about a tenth of a second) or more than 2,500: a move across months or years reaches thousands of
    /// pages, which a whole build, with the Markdown memo and the card cache, makes as fast or faster. At N=1,000, 275
    /// of 2,240 pages made again took 0.13 s and 471 0.23 s, a whole build 0.13–0.16 s; at N=10,000, 2,900 pages 1.11 s
    /// and 9,055 1.27 s, a whole build 1.1 s; at N=50,000, 1,414 pages 3.2 s and 2,113 and 3,716 3.6–5.6 s, a whole
    /// build 5.9–6.2 s.
    static func movedSinceLedger(_ output: Output, shape: Pending<ContentShape>?, inputs: PageDigest?, _ content: SiteContent,
                                 _ graph: SiteGraph) -> (edited: EditedItems, reading: [Int])? {
        guard output.cache != nil, let shape, let inputs, let previous = output.previousLedger,
              previous.inputs == inputs, let last = previous.places,
              let moved = MovedItems(since: previous.shape, last, to: graph, content: content, shape: shape.value, drafts: output.options.drafts)
        else { return nil }
        let reading = previous.ledger.jobs(readingEventsIn: moved.events, quotesIn: moved.quotes)
        guard reading.count <= min(max(previous.ledger.jobCount / 8, 256), 2_500) else { return nil }
        return (EditedItems(moved: moved), reading)
    }

    /// The numbers of the jobs to run, in order, when the ledger describes a build of as many jobs: those `reading`
    /// an edited item or place, and those whose files the output no longer holds as the ledger lists them (found
    /// already as `lost`, when the spare was taken to hold its files then as now); every other page keeps the digest
    /// the ledger's build gave it. Nil when it describes another number of jobs, and every job runs.
    static func jobsToRun(_ jobCount: Int, after previous: LedgerFile.Stored, reading: [Int], _ cache: RenderCache?,
                          spare: TreeRecord?, lost: (jobs: [Int], keptInSpare: Bool)?) -> [Int]? {
        guard let cache, previous.ledger.jobCount == jobCount else { return nil }
        cache.keepPrevious()
        if let lost, lost.keptInSpare == (spare != nil) { return Set(reading).union(lost.jobs).sorted() }
        return jobsWithFilesLost(previous.ledger, besides: reading, cache, spare: spare)
    }

    /// `jobs` and every other job of the ledger whose files the output no longer holds as listed, in order, a slice of
    /// jobs to a core. The ledger is the last build's, whose digests `cache` took as this build's (`keepPrevious`).
    static func jobsWithFilesLost(_ ledger: PageLedger, besides jobs: [Int], _ cache: RenderCache, spare: TreeRecord?) -> [Int] {
        let reading = Set(jobs), jobCount = ledger.jobCount
        let slices = Array(stride(from: 0, to: jobCount, by: 1024))
        let missing = slices.parallelMap { start in
            let numbers = start..<min(start + 1024, jobCount)
            return zip(numbers, ledger.pages(of: numbers)).compactMap { number, pages -> Int? in
                guard !reading.contains(number), let pages, !cache.holds(pages, keptIn: spare) else { return nil }
                return number
            }
        }
        return reading.union(missing.joined()).sorted()
    }
}
