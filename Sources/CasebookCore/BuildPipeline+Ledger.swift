import Foundation

/// A `casebook build` after a prose edit: the ledger the last build left on disk (`LedgerFile`) names the page jobs
/// that read an edited item, and only those run; every other page is reported unchanged without being made or
/// digested, as `casebook serve` patches its last build from memory.
extension BuildPipeline {
    /// The items (by id) that a prose edit since the build that made the output reworded, when that build's ledger
    /// still describes the output and was made from these inputs and content of this structure; nil when the build
    /// must digest every page.
    static func rewordedSinceLedger(_ output: Output, shape: Pending<ContentShape>?, inputs: PageDigest?,
                                    _ content: SiteContent) -> EditedItems.IDs? {
        guard output.cache != nil, let shape, let inputs, let previous = output.previousLedger, previous.inputs == inputs else { return nil }
        return shape.value.reworded(since: previous.shape, in: content)
    }

    /// The numbers of the jobs to run, in order, after a prose edit that `reworded` these items when the ledger
    /// describes a build of as many jobs; nil when it does not, and every job runs. A job whose files the output no
    /// longer holds as the ledger lists them runs too.
    static func jobsToRun(_ jobCount: Int, after previous: LedgerFile.Stored, reworded: EditedItems, _ cache: RenderCache?,
                          spare: TreeRecord?) -> [Int]? {
        guard let cache, previous.ledger.jobCount == jobCount else { return nil }
        let reading = previous.ledger.jobs(reading: reworded)
        return jobsWithFilesLost(previous.ledger, besides: reading, cache, spare: spare)
    }

    /// `jobs` and every other job of the ledger whose files the output no longer holds as listed, in order. Each file
    /// is checked as a build that digests it would check it (and its digest kept for the new output's record), a
    /// slice of jobs to a core; but for a file that `spare`, the record of the staging tree checked to match it,
    /// holds under the same digest: the staging tree keeps its own copy, so the output's is not needed.
    static func jobsWithFilesLost(_ ledger: PageLedger, besides jobs: [Int], _ cache: RenderCache, spare: TreeRecord?) -> [Int] {
        let reading = Set(jobs), jobCount = ledger.jobCount
        let slices = Array(stride(from: 0, to: jobCount, by: 1024))
        let missing = slices.parallelMap { start in
            var jobs: [Int] = [], pages: [PageLedger.Page] = []
            for number in start..<min(start + 1024, jobCount) where !reading.contains(number) {
                guard let entry = ledger.entry(number) else { continue }
                jobs += repeatElement(number, count: entry.pages.count)
                pages += entry.pages
            }
            // One lock for the slice's digests rather than one per file: the cores took turns at it.
            return Set(zip(jobs, cache.unchanged(pages, keptIn: spare)).compactMap { $1 ? nil : $0 })
        }
        return reading.union(missing.joined()).sorted()
    }
}
