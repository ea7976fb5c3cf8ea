import Foundation

/// The build, stage by stage: load → validate → graph → render → write. Nothing is written unless
/// every stage before it succeeded without errors.
public enum BuildPipeline {
    public static func run(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        var clock = StageClock()
        do {
            try checkOutputFolder(options)
            let input = try load(options, &result)
            defer { input.loads?.waitUntilSaved() }
            clock.lap("load")
            if try !patch(input, options, &result, &clock) { try buildWhole(input, options, &result, &clock) }
        } catch {
            result.failure = error
        }
        result.timings = clock.laps
        result.peakMemory = clock.peaks
        return result
    }

    /// Validates, makes the graph, renders and writes the whole site from `input`.
    static func buildWhole(_ input: Input, _ options: BuildOptions, _ result: inout BuildResult,
                           _ clock: inout StageClock) throws(BuildResult.Failure) {
        guard let urls = validate(input, options, &result), let templates = input.templates else { return }
        clock.lap("validate")
        let graph = SiteGraph(content: options.drafts ? input.content : input.content.withoutDrafts(), urls: urls)
        clock.lap("graph")
        var output = try Output(options)
        defer { output.discard() }
        guard render(graph, input, templates, into: &output, &result) else { return }
        clock.lap("render")
        clock.move(output.writeSeconds, from: "render", to: "write")
        try output.commit()
        output.finish()
        if options.write, let folder = options.cacheFolder { StaleCacheFiles.remove(in: folder) }
        clock.lap("write")
    }

    /// Everything read from disk before anything is checked.
    struct Input {
        let content: SiteContent
        let templates: TemplateSet?
        let assets: [OutputFile]
        let statics: [OutputFile]
        let contentRoot: String
        /// The load cache, which may still be saving while the build goes on.
        let loads: LoadMemory?
    }

    static func checkOutputFolder(_ options: BuildOptions) throws(BuildResult.Failure) {
        guard options.write else { return }
        let policy = OutputFolderPolicy(output: options.output, projectRoot: options.projectRoot,
                                        sourceFolders: [options.content, options.templates], force: options.force)
        do { try policy.check() } catch { throw .usage(error.description) }
    }

    static func load(_ options: BuildOptions, _ result: inout BuildResult) throws(BuildResult.Failure) -> Input {
        let contentFiles = LocalFileSystem(root: options.content), templateFiles = LocalFileSystem(root: options.templates)
        // Templates are parsed on another core while the content loads: they do not depend on each other.
        let parsed = Pending { try? TemplateSet.load(from: options.templates, fileSystem: templateFiles) }
        let memory = options.memory?.loads ?? options.cacheFolder.flatMap { folder in
            options.write ? LoadMemory(file: folder + "/loads-" + RenderCache.outputKey(options.content) + ".bin",
                                       content: options.content, ignoringPrevious: options.ignoreCache) : nil
        }
        let loadedContent = try? ContentLoader(fileSystem: contentFiles, root: options.content, memory: memory).load()
        guard let (content, contentDiagnostics) = loadedContent else {
            throw .usage("content folder '\(options.content)' not found (use --content to name another)")
        }
        guard let (templates, templateDiagnostics) = parsed.value else {
            memory?.waitUntilSaved()
            throw .usage("templates folder '\(options.templates)' not found (use --templates to name another)")
        }
        result.diagnostics.append(contentsOf: contentDiagnostics)
        result.diagnostics.append(contentsOf: templateDiagnostics)
        let assets = TreeFiles.collect(from: options.templates + "/assets", to: "assets/", keepHidden: false,
                                       fileSystem: templateFiles, &result.diagnostics)
        let statics = StaticFiles.collect(from: options.content, fileSystem: contentFiles, &result.diagnostics)
        return Input(content: content, templates: templates, assets: assets, statics: statics, contentRoot: options.content,
                     loads: memory)
    }

    /// Cross-reference checks; returns the URL builder when nothing is wrong.
    static func validate(_ input: Input, _ options: BuildOptions, _ result: inout BuildResult) -> URLBuilder? {
        result.diagnostics.append(contentsOf: ContentValidator(includeDrafts: options.drafts).validate(input.content))
        var urls: URLBuilder?
        do {
            urls = try URLBuilder(baseURL: options.baseURL ?? input.content.config.baseURL)
            if let origin = options.origin { urls = urls?.servedFrom(origin: origin) }
            result.basePath = urls?.basePath
        } catch {
            if options.baseURL != nil {
                result.failure = .usage(error.description)
            } else {
                result.diagnostics.error(error.description, at: SourceLocation(file: options.content + "/site.yml"))
            }
        }
        guard !result.diagnostics.hasErrors, result.failure == nil else { return nil }
        result.content = input.content
        return urls
    }

    /// Renders pages, data files, assets and static files into `output`; false when a static file would
    /// replace a generated one or writing failed.
    static func render(_ graph: SiteGraph, _ input: Input, _ templates: TemplateSet, into output: inout Output,
                       _ result: inout BuildResult) -> Bool {
        let settings = MarkdownRenderer.settings(graph.urls, graph.config.unsafeHTML)
        let views = ViewCatalog(graph: graph, markdown: MarkdownRenderer(urls: graph.urls, unsafeHTML: graph.config.unsafeHTML,
                                                                         memo: output.markdownMemo(settings: settings)))
        output.markdownUsed()
        let stylesheet = input.assets.first { $0.path == "assets/casebook.css" }.map { ContentHash.hex($0.bytes) }
        // Pages are independent jobs, run on all cores in one stream rather than kind by kind with a wait at the end
        // of each (that wait was a good part of a small site's build). The downloads, feed, search index and calendar
        // follow once the renderer and its cards are released, so their large buffers do not add to them.
        var pagePaths: [String] = [], renderedBytes = 0
        do {
            let renderer = SiteRenderer(graph: graph, views: views, templates: templates, stylesheetVersion: stylesheet,
                                        cache: output.cache, cards: output.cards)
            var jobs = renderer.jobs()
            // A long-lived process learns which events and quotes each page reads, to patch this build later.
            let ledger = output.memory.map { _ in PageLedger(jobs: jobs.count) }
            if let ledger { jobs = ledger.recording(jobs) }
            SiteRenderer.run(jobs) { files in
                pagePaths += files.map(\.path)
                renderedBytes += files.reduce(0) { $0 + $1.byteCount }
                output.add(files)
            }
            output.cardsUsed()
            if let ledger {
                output.lastBuild = LastBuild(inputs: .init(output.options, templates: templates, assets: input.assets, statics: input.statics),
                                             content: input.content, graph: graph, views: views, renderer: renderer, ledger: ledger)
            }
        }
        // Handing freed memory back costs 30 ms at N=10,000, worth it only after many pages (and the cards in them)
        // were rendered and released: a rebuild that renders a few pages has little to give back.
        if renderedBytes > Self.releaseAfter { GlibcHeap.returnFreedMemory() }
        return renderData(graph, views, input, pagePaths: pagePaths, into: &output, &result)
    }

    /// Renders the data files, sitemap, assets and static files after the pages at `pagePaths`.
    static func renderData(_ graph: SiteGraph, _ views: ViewCatalog, _ input: Input, pagePaths: [String], into output: inout Output,
                           _ result: inout BuildResult) -> Bool {
        var dataPaths: [String] = []
        // A preview's data files are made after its pages are shown (with no digests to compare: every one is new).
        let deferred = output.options.deferData && !output.options.write
        let downloads: [(path: String, job: SiteRenderer.Job)] = DataExport(graph: graph, cache: deferred ? nil : output.cache).jobs() + [
            ("search-index.json", { @Sendable in [SearchIndex(graph: graph, views: views).file()] }),
            ("timeline.ics", { @Sendable in [CalendarFile(graph: graph, views: views).file()] }),
            ("feed.xml", { @Sendable in [AtomFeed(graph: graph, views: views).file()] }),
        ]
        let sitemap = Sitemap(graph: graph)
        if deferred {
            let jobs = slowestFirst(downloads) + [{ sitemap.files(pagePaths: pagePaths) }]
            dataPaths = downloads.map(\.path) + sitemap.paths
            result.data = DeferredFiles(paths: dataPaths) { abandoned in jobs.parallelMap { abandoned() ? [] : $0() }.flatMap { $0 } }
        } else {
            // Two at a time (one per core on the usual machine): each is tens of MB at N=10,000, written as soon as
            // it is made and before another starts, so that together they do not set the build's memory peak.
            SiteRenderer.stream(slowestFirst(downloads), width: 2) { files in
                dataPaths += files.map(\.path)
                output.add(files)
                output.waitForWrites()
            }
            let files = sitemap.files(pagePaths: pagePaths)
            dataPaths += files.map(\.path)
            output.add(files)
        }
        output.add(input.assets)
        let conflicts = StaticFiles.conflicts(input.statics, generated: Set(pagePaths + dataPaths + input.assets.map(\.path)),
                                              content: input.contentRoot)
        result.diagnostics.append(contentsOf: conflicts)
        guard !conflicts.hasErrors else { return false }
        output.add(input.statics)
        output.waitForWrites()
        result.pageCount = pagePaths.count
        result.dataFileCount = dataPaths.count
        result.files = output.kept
        if let failure = output.failure {
            result.failure = .io(failure.description)
            return false
        }
        return true
    }

    /// How many bytes of pages a build renders before the memory they held is worth handing back.
    static let releaseAfter = 16 << 20

    /// The downloads that take longest at N=10,000, longest first (cold: search index 0.12 s, timeline JSON and CSV
    /// 0.1 s each, calendar 0.075 s, quotes JSON and CSV 0.045 s each, feed 0.02 s), so that the short ones fill in
    /// while the long ones run. The rest follow in their own order.
    static let slowDownloads = ["search-index.json", "data/timeline.json", "data/timeline.csv", "timeline.ics",
                                "data/quotes.json", "data/quotes.csv", "feed.xml"]

    static func slowestFirst(_ downloads: [(path: String, job: SiteRenderer.Job)]) -> [SiteRenderer.Job] {
        func rank(_ path: String) -> Int { slowDownloads.firstIndex(of: path) ?? slowDownloads.count }
        return downloads.enumerated()
            .sorted { (rank($0.element.path), $0.offset) < (rank($1.element.path), $1.offset) }
            .map(\.element.job)
    }

    /// Where rendered files go: into memory (`write: false`), or straight into the staging folder of the new
    /// output, batch by batch, so that a big site is never held in memory whole.
    struct Output {
        private(set) var kept: [OutputFile] = []
        private(set) var staged: SiteWriter.StagedSite?
        private let writes: WriteQueue?
        private let inspection: SiteInspection?
        /// Page digests of the last build: from the output's record for writing builds with a cache folder, in
        /// memory for a long-lived process's builds.
        let cache: RenderCache?
        let cards: CardCache?
        /// Where the records of the output and spare trees are kept, and the output's record when it matches the
        /// output: after the swap, that tree is the spare.
        private let trees: TreeRecordFile?
        private let outputRecord: TreeRecord?
        /// A long-lived process's memory, for in-memory builds, and what it is to keep of this build should it succeed.
        let memory: BuildMemory?
        var lastBuild: LastBuild?
        let options: BuildOptions
        /// Where a writing build keeps rendered Markdown, once the renderer settings are known.
        private let cacheFolder: String?
        private let output: String
        private let ignoreCache: Bool
        private var markdown: MarkdownMemo?
        private(set) var failure: SiteWriter.Failure?
        /// Time the build waited for pages to be written (they are written while the next ones render).
        var writeSeconds: Double { writes?.waitSeconds ?? 0 }

        init(_ options: BuildOptions) throws(BuildResult.Failure) {
            self.options = options
            cacheFolder = options.write ? options.cacheFolder : nil
            output = options.output
            ignoreCache = options.ignoreCache
            inspection = options.write ? nil : options.inspection
            guard options.write else {
                memory = options.memory
                cache = options.memory?.renderCache()
                cards = options.memory?.cards
                writes = nil
                trees = nil
                outputRecord = nil
                return
            }
            memory = nil
            // The card cache (50 MB at N=10,000) is read on another core while the spare is checked against its record.
            let cardsRead = Pending {
                options.cacheFolder.map { CardCache(folder: $0, output: options.output, ignoringPrevious: options.ignoreCache) }
            }
            trees = options.cacheFolder.map { TreeRecordFile(folder: $0, output: options.output) }
            let records = options.ignoreCache ? (output: nil, spare: nil) : trees?.read()
            let writer = SiteWriter(output: options.output)
            let outputRecord = records?.output.flatMap { $0.isStamped(on: writer.output) ? $0 : nil }
            self.outputRecord = outputRecord
            cache = trees.map { _ in RenderCache(output: writer.output, previous: outputRecord?.files ?? [:]) }
            let begun: Result<SiteWriter.StagedSite, SiteWriter.Failure>
            do { begun = .success(try writer.begin(spareRecord: records?.spare)) } catch { begun = .failure(error) }
            cards = cardsRead.value
            switch begun {
            case .success(let site): staged = site
            case .failure(let error): throw .io(error.description)
            }
            writes = staged.map { WriteQueue($0) }
        }

        mutating func add(_ files: [OutputFile]) {
            guard let writes else {
                if let inspection { inspection.add(files) } else { kept += files }
                return
            }
            writes.add(files)
        }

        /// Removes the staging folder unless it was swapped in, once the writer has stopped writing into it.
        mutating func discard() {
            waitForWrites()
            staged?.discard()
        }

        /// Waits until every file handed to `add` is on disk, and notes the first failure.
        mutating func waitForWrites() {
            if let writes, let error = writes.finish(), failure == nil { failure = error }
        }

        /// Swaps the staged site in; a no-op for in-memory builds.
        mutating func commit() throws(BuildResult.Failure) {
            waitForWrites()
            if let failure { throw .io(failure.description) }
            guard let staged else { return }
            self.staged = nil
            let stamp = cache?.stamp
            do {
                if let stamp, let trees {
                    if let record = try staged.commitRecording(stamp: stamp) { trees.save(output: record, spare: outputRecord) }
                } else {
                    try staged.commit(stamp: stamp)
                }
            } catch {
                throw .io(error.description)
            }
        }

        /// The Markdown memo for these renderer settings: the long-lived process's, or one kept on disk.
        mutating func markdownMemo(settings: String) -> MarkdownMemo? {
            markdown = memory?.markdownMemo(settings: settings)
                ?? cacheFolder.map { MarkdownMemo(settings: settings, folder: $0, output: output, ignoringPrevious: ignoreCache) }
            return markdown
        }

        /// Markdown and cards are saved (in a long-lived process, kept) as soon as they are used: they are pure
        /// functions of their digests, so a later failure does not make them wrong, and a writing build then lets
        /// them go instead of holding them through the data files, where they raised the memory peak.
        mutating func markdownUsed() {
            markdown?.finishBuild()
            markdown = nil
        }

        func cardsUsed() {
            cards?.finishBuild()
        }

        /// After a successful build of a long-lived process: its pages are the ones the next build compares with.
        func finish() {
            if let memory, let cache { memory.remember(cache, build: lastBuild) }
        }
    }
}

/// Where to read and write, and how; the CLI fills it from its flags.
public struct BuildOptions: Sendable {
    public var content = "Content"
    public var templates = "Templates"
    public var output = "Site"
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// Replaces the base URL's scheme and host, keeping its path: the preview server's own address, so that
    /// feeds and canonical links point at the preview.
    public var origin: String?
    /// Where page digests are kept between builds (`.casebook-cache/`), so a rebuild renders only pages that
    /// changed; nil renders every page.
    public var cacheFolder: String?
    /// Renders every page and card but still records digests for the next build.
    public var ignoreCache = false
    /// Kept by a long-lived process between in-memory builds (`write == false`): unchanged pages come back as
    /// `OutputFile.unchanged`, for the caller to take from the files it kept.
    public var memory: BuildMemory?
    /// For an in-memory build: each file is handed to it as it is made and then dropped instead of kept in
    /// the result (`casebook check` of a big site).
    public var inspection: SiteInspection?
    public var drafts = false
    public var force = false
    /// False builds in memory only (for tests and `casebook check`).
    public var write = true
    /// For an in-memory build: leaves the data files (downloads, search index, calendar, feed) to `BuildResult.data`,
    /// for the caller to make once it has shown the pages (`casebook serve` reloads the browser first).
    public var deferData = false
    public var projectRoot = FileManager.default.currentDirectoryPath

    public init() {}
}

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
    /// Set when a long-lived process's build patched its last one after a prose edit: how many pages it made again.
    public var pagesPatched: Int?
    /// JSON and CSV downloads, feeds and other machine-readable files.
    public var dataFileCount = 0
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

/// Measures each stage's wall time for `--timings`.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    private(set) var peaks: [(stage: String, bytes: Int)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        add(Double(now - last) / 1e9, to: stage)
        // Read twice, the kernel's VmHWM can go down (it is the larger of a lazily updated mark and the current
        // RSS; seen under parallel tests): the peak so far is the largest value read.
        if let peak = Self.peakResidentBytes() { peaks.append((stage, max(peak, peaks.last?.bytes ?? 0))) }
        last = now
    }

    /// `VmHWM` from /proc/self/status: the most memory the process has held so far.
    static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }

    /// Moves time measured in one stage to another: pages are written between render batches.
    mutating func move(_ seconds: Double, from stage: String, to other: String) {
        add(-seconds, to: stage)
        add(seconds, to: other)
    }

    private mutating func add(_ seconds: Double, to stage: String) {
        if let index = laps.firstIndex(where: { $0.stage == stage }) {
            laps[index].seconds += seconds
        } else {
            laps.append((stage, seconds))
        }
    }
}
