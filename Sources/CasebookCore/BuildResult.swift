/// What a build produced or why it stopped.
public struct BuildResult: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        /// Bad flags, missing folders, a refused output folder: exit code 2.
        case usage(String)
        /// Writing failed: exit code 2.
        case io(String)
    }

    public var diagnostics = DiagnosticList()
    public var failure: Failure?
    public var pageCount = 0
    /// Set when a build after a prose edit made again only the pages that read an edited item (`casebook serve` by
    /// patching its last build, `casebook build` by its page ledger): how many pages it made again.
    public var pagesPatched: Int?
    /// JSON and CSV downloads, feeds and other machine-readable files.
    public var dataFileCount = 0
    /// Whether the data files were made by splicing an edit's records into the last build's (`DataFiles`) rather
    /// than whole.
    public var dataSpliced = false
    /// Set when a long-lived process's build after an edit that was more than prose kept its last build's views of the
    /// events and quotes that say what they said (`KeptViews`): how many it kept.
    public var viewsKept: Int?
    public var files: [OutputFile] = []
    /// The data files, when the build left them to the caller (`BuildOptions.deferData`).
    public var data: DeferredFiles?
    /// The content the site was built from, when loading succeeded without errors.
    public var content: SiteContent?
    /// The path the site lives under (`/` or `/trackers/parler/`), once the base URL was understood.
    public var basePath: String?
    public var timings: [(stage: String, seconds: Double)] = []
    /// The process's peak resident memory in bytes at the end of each stage, where the system reports it (Linux).
    public var peakMemory: [(stage: String, bytes: Int)] = []

    /// 0 when the site was built, 1 for content errors, 2 for usage and IO errors.
    public var exitCode: Int32 {
        if failure != nil { return 2 }
        return diagnostics.hasErrors ? 1 : 0
    }

}

/// Files a build names but leaves to its caller to make, on whichever thread it likes.
public struct DeferredFiles: Sendable {
    public let paths: [String]
    /// Makes the files; once `abandoned` returns true (a newer build replaced this one), it skips the rest.
    public let make: @Sendable (_ abandoned: @escaping @Sendable () -> Bool) -> [OutputFile]

    public init(paths: [String], make: @escaping @Sendable (_ abandoned: @escaping @Sendable () -> Bool) -> [OutputFile]) {
        self.paths = paths
        self.make = make
    }
}
