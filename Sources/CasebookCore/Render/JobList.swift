/// The site's page jobs in their fixed order, each made only when it is asked for: a patched preview build runs 8
/// of a big tracker's 22,000, and making a closure for every page took it 7 ms.
struct JobList: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    /// Consecutive jobs made by one function from their number within the run.
    private struct Run: Sendable {
        let start: Int
        let count: Int
        let make: @Sendable (Int) -> SiteRenderer.Job
    }

    private var runs: [Run] = []
    private(set) var endIndex = 0
    var startIndex: Int { 0 }

    init(_ jobs: [SiteRenderer.Job]) {
        append(count: jobs.count) { jobs[$0] }
    }

    init(arrayLiteral jobs: SiteRenderer.Job...) {
        self.init(jobs)
    }

    /// `count` jobs, the one at `number` (from 0) made by `make(number)`.
    init(count: Int, _ make: @escaping @Sendable (Int) -> SiteRenderer.Job) {
        append(count: count, make)
    }

    subscript(position: Int) -> SiteRenderer.Job {
        precondition(indices.contains(position), "job \(position) of \(count)")
        // The last run that starts at or before `position`; runs are few (one per kind of page).
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        return runs[low].make(position - runs[low].start)
    }

    static func + (lhs: JobList, rhs: JobList) -> JobList {
        var joined = lhs
        for run in rhs.runs { joined.append(count: run.count, run.make) }
        return joined
    }

    private mutating func append(count: Int, _ make: @escaping @Sendable (Int) -> SiteRenderer.Job) {
        guard count > 0 else { return }
        runs.append(Run(start: endIndex, count: count, make: make))
        endIndex += count
    }
}
