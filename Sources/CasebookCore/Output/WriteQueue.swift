import Foundation

/// Writes batches of rendered files into a staged site on a thread of its own, so the disk works while the next
/// pages render, and only one thread creates folders and files at a time: two threads creating entries in one
/// parent folder wait on its lock by spinning, which was a seventh of a cold build's CPU at N=10,000.
final class WriteQueue: @unchecked Sendable {
    private let site: SiteWriter.StagedSite
    private let queue = DispatchQueue(label: "casebook.write-queue")
    /// Batches handed over and not yet written; `add` waits for a free slot, so memory stays bounded.
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: SiteWriter.Failure?
    /// Time callers spent waiting for the writer: in `add` for a slot, and in `finish`.
    private(set) var waitSeconds = 0.0

    /// A batch larger than this is written before the next one renders, as rendering used to wait for every
    /// batch: a big tracker's case pages are several MB each, and two such batches at once set the memory peak.
    private let largeBatch: Int

    /// `depth`: how many batches may wait while one is written.
    init(_ site: SiteWriter.StagedSite, depth: Int = 1, largeBatch: Int = 8 << 20) {
        self.site = site
        self.largeBatch = largeBatch
        slots = DispatchSemaphore(value: max(depth, 0) + 1)
    }

    /// Hands a batch to the writer; after a failure, later batches are dropped (the build discards the site).
    func add(_ files: [OutputFile]) {
        defer {
            if files.reduce(0, { $0 + $1.byteCount }) > largeBatch { _ = finish() }
        }
        waiting { slots.wait() }
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do throws(SiteWriter.Failure) { try site.add(files, onAllCores: false) } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits until every batch is written; the first failure, if any.
    func finish() -> SiteWriter.Failure? {
        waiting { queue.sync {} }
        return lock.withLock { failure }
    }

    private func waiting(_ body: () -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        waitSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
