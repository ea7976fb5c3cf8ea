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
            if result.exitCode == 0 { ExitReclaim.leave(input, when: options) }
        } catch {
            result.failure = error
        }
        result.timings = clock.laps
        result.peakMemory = clock.peaks
        return result
    }

    /// Makes the graph, validates, renders and writes the whole site from `input`.
    static func buildWhole(_ input: Input, _ options: BuildOptions, _ result: inout BuildResult,
                           _ clock: inout StageClock) throws(BuildResult.Failure) {
        guard let templates = input.templates else { return }
        guard let urls = siteURLs(input, options, &result), !result.diagnostics.hasErrors else {
            return result.diagnostics.append(contentsOf: crossReferenceErrors(input, options))  // every error at once
        }
        let memo = Output.readMarkdownMemo(options, settings: MarkdownRenderer.settings(urls, input.content.config.unsafeHTML))
        // The content is checked on another core while the graph is made, once its shape, taken on a third, tells
        // whether it needs checking at all (see `checkedBefore`): on the main thread, after a date edit at N=10,000 the
        // check was a sixth of a long-lived process's rebuild.
        let checks = Pending {
            checkedBefore(input, options, templates) ? DiagnosticList() : crossReferenceErrors(input, options)
        }
        let graph = SiteGraph(content: options.drafts ? input.content : input.content.withoutDrafts(), urls: urls,
                              last: options.memory?.lastBuild?.graph)
        clock.lap("graph")
        result.diagnostics.append(contentsOf: checks.value)
        guard !result.diagnostics.hasErrors else { return }
        result.content = input.content
        clock.lap("validate")
        var output = try Output(options, markdownMemo: memo, cacheFiles: input.cacheFiles)
        defer { output.discard() }
        guard render(graph, input, templates, into: &output, &result) else { return }
        clock.lap("render")
        clock.move(output.writeSeconds, from: "render", to: "write")
        try output.commit()
        output.finish()
        if options.write, let folder = options.cacheFolder { StaleCacheFiles.remove(in: folder) }
        ExitReclaim.leave(graph, output, when: options)
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
        /// The content's shape, for a build that keeps a page ledger on disk: taken on another core while the
        /// content is checked, or, by a long-lived process that patches from memory, when the ledger is saved; and
        /// for a long-lived process's build, which keeps it to tell whether the next build's content needs checking.
        let shape: Pending<ContentShape>?
        /// The records of the last builds that a writing build reads, read on another core while the content loads.
        let cacheFiles: Pending<Output.CacheFiles>?
    }

    static func checkOutputFolder(_ options: BuildOptions) throws(BuildResult.Failure) {
        guard options.write else { return }
        let policy = OutputFolderPolicy(output: options.output, projectRoot: options.projectRoot,
                                        sourceFolders: [options.content, options.templates], force: options.force)
        do { try policy.check() } catch { throw .usage(error.description) }
    }

    static func load(_ options: BuildOptions, _ result: inout BuildResult) throws(BuildResult.Failure) -> Input {
        let cacheFiles = Output.CacheFiles.reading(options)
        let contentFiles = LocalFileSystem(root: options.content), templateFiles = LocalFileSystem(root: options.templates)
        // Templates are parsed on another core while the content loads: they do not depend on each other.
        let parsed = Pending { try? TemplateSet.load(from: options.templates, fileSystem: templateFiles) }
        let memory = options.memory?.loads ?? options.cacheFolder.flatMap { folder in
            options.write ? LoadMemory(file: folder + "/loads-" + RenderCache.outputKey(options.content) + ".bin",
                                       content: options.content, ignoringPrevious: options.ignoreCache) : nil
        }
        let loadedContent = try? ContentLoader(fileSystem: contentFiles, root: options.content, memory: memory).loadContent()
        guard let loaded = loadedContent else {
            throw .usage("content folder '\(options.content)' not found (use --content to name another)")
        }
        guard let (templates, templateDiagnostics) = parsed.value else {
            memory?.waitUntilSaved()
            throw .usage("templates folder '\(options.templates)' not found (use --templates to name another)")
        }
        let content = loaded.content, contentDiagnostics = loaded.diagnostics
        result.diagnostics.append(contentsOf: contentDiagnostics)
        result.diagnostics.append(contentsOf: templateDiagnostics)
        let assets = TreeFiles.collect(from: options.templates + "/assets", to: "assets/", keepHidden: false,
                                       fileSystem: templateFiles, &result.diagnostics)
        let statics = StaticFiles.collect(from: options.content, fileSystem: contentFiles, &result.diagnostics)
        // A long-lived process also keeps the shape with its build, for the next to tell whether it needs checking.
        let keepsLedger = options.write && options.cacheFolder != nil
        let shape: Pending<ContentShape>? = if contentDiagnostics.hasErrors || !(keepsLedger || options.memory != nil) {
            nil
        } else if keepsLedger && options.memory?.lastBuild == nil {
            Pending { ContentShape(content, events: loaded.eventShapes, quotes: loaded.quoteShapes) }
        } else {
            .whenAsked { ContentShape(content, events: loaded.eventShapes, quotes: loaded.quoteShapes) }
        }
        return Input(content: content, templates: templates, assets: assets, statics: statics, contentRoot: options.content,
                     loads: memory, shape: shape, cacheFiles: cacheFiles)
    }

    /// Cross-reference checks.
    static func crossReferenceErrors(_ input: Input, _ options: BuildOptions) -> DiagnosticList {
        ContentValidator(includeDrafts: options.drafts).validate(input.content)
    }

    /// Whether the content needs no checking: the last build, which succeeded, had the same inputs and content of this
    /// frame and these links (settings, documents, and every event's and quote's ids, links and tags: all that
    /// `ContentValidator` reads), so checking it again would find nothing; only what items say and their dates may
    /// differ. The last build is a long-lived process's, or the one that left the ledger. After a prose edit at
    /// N=10,000 the check was 20 ms of two cores; after a date edit it ran beside a long-lived process's graph.
    static func checkedBefore(_ input: Input, _ options: BuildOptions, _ templates: TemplateSet) -> Bool {
        guard let shape = input.shape else { return false }
        let inputs = LastBuild.Inputs(options, templates: templates, assets: input.assets, statics: input.statics)
        let last: ContentShape? = if let build = options.memory?.lastBuild {
            build.inputs == inputs ? build.shape?.value : nil
        } else {
            input.cacheFiles?.value.ledger.flatMap { $0.inputs == inputs.digest ? $0.shape : nil }
        }
        guard let last else { return false }
        return last.frame == shape.value.frame && last.links == shape.value.links
    }

    /// The site's URLs by its base URL; nil, with the reason noted, when that is not one.
    static func siteURLs(_ input: Input, _ options: BuildOptions, _ result: inout BuildResult) -> URLBuilder? {
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
        return urls
    }

    /// Renders pages, data files, assets and static files into `output`; false when a static file would
    /// replace a generated one or writing failed.
    static func render(_ graph: SiteGraph, _ input: Input, _ templates: TemplateSet, into output: inout Output,
                       _ result: inout BuildResult) -> Bool {
        let inputs = LastBuild.Inputs(output.options, templates: templates, assets: input.assets, statics: input.statics)
        // Which events and quotes each page reads is learnt, to patch this build later: in memory by a long-lived
        // process, on disk with the content's shape by a writing build with a cache folder. After a prose edit,
        // the ledger of the build that made the output names the pages to make again.
        let shape = output.ledgerFile.flatMap { _ in input.shape }
        let inputsDigest = shape.map { _ in inputs.digest }
        let reworded = rewordedSinceLedger(output, shape: shape, inputs: inputsDigest, input.content).map { EditedItems($0, in: graph) }
        // The ledger names the jobs that read an item a prose edit reworded, or a place a date edit moved items in.
        let fromLedger = if let reworded, let previous = output.previousLedger {
            (edited: reworded, reading: previous.ledger.jobs(reading: reworded))
        } else {
            movedSinceLedger(output, shape: shape, inputs: inputsDigest, input.content, graph)
        }
        let patchedFromLedger = fromLedger?.edited
        // The data files to splice the edit into are read back while the views and jobs are made on one core.
        let outputPath = output.options.output
        let dataReadBack: Pending<[String: SplicedFile]>? =
            if let edited = patchedFromLedger, let cache = output.cache, let layouts = output.previousLedger?.data {
                Pending { DataFiles.readBack(from: outputPath, editing: edited, layouts: layouts, cache: cache) }
            } else {
                nil
            }
        let settings = MarkdownRenderer.settings(graph.urls, graph.config.unsafeHTML)
        // A long-lived process keeps its last build's views of the events and quotes that say what they said.
        let kept = output.memory?.lastBuild.flatMap { last in
            last.inputs == inputs ? KeptViews(from: last, to: input.content, graph: graph).map { ($0, last) } : nil
        }
        result.viewsKept = kept?.0.count
        // When items only moved, it keeps its views, cards and pages but those that read where they moved.
        let moved = kept.flatMap { kept, last in
            graph.latestDate == last.graph.latestDate ? MovedItems(from: last.graph, to: graph, kept: kept) : nil
        }
        // A process that exits after a build of a few pages makes the views those pages read, their Markdown looked up
        // in the memo by its table (see `DigestIndex`); one that keeps the build for the next makes them all.
        let fewViews = patchedFromLedger != nil && output.memory == nil
        let markdown = MarkdownRenderer(urls: graph.urls, unsafeHTML: graph.config.unsafeHTML, memo: output.markdownMemo(settings: settings))
        let views = if let moved, let (kept, last) = kept {
            last.views.moving(moved, keeping: kept, graph: graph, markdown: markdown)
        } else {
            ViewCatalog(graph: graph, markdown: markdown, whenRead: fewViews, keeping: kept.map { ($0, $1.views) })
        }
        // Views made when read use the memo until the data files are made.
        if !fewViews { output.markdownUsed(keepingUnused: kept != nil) }
        let stylesheet = input.assets.first { $0.path == "assets/casebook.css" }.map { ContentHash.hex($0.bytes) }
        // Pages are independent jobs, run on all cores in one stream rather than kind by kind with a wait at the end
        // of each (that wait was a good part of a small site's build). The downloads, feed, search index and calendar
        // follow once the renderer and its cards are released, so their large buffers do not add to them.
        var pagePaths: [String] = [], renderedBytes = 0
        var data: Pending<DataFiles>?, patched: EditedItems?
        do {
            let renderer = if patchedFromLedger != nil, let cache = output.cache {
                SiteRenderer(fewPagesOf: graph, views: views, templates: templates, stylesheetVersion: stylesheet, cache: cache,
                             cards: output.cards)
            } else if let moved, let (kept, last) = kept {
                SiteRenderer(moving: last.renderer, moved, keeping: kept, graph: graph, views: views, cache: output.cache, cards: output.cards)
            } else {
                SiteRenderer(graph: graph, views: views, templates: templates, stylesheetVersion: stylesheet, cache: output.cache,
                             cards: output.cards, keeping: kept.map { ($0, $1.renderer) })
            }
            let ledger: PageLedger?
            func emit(_ files: [OutputFile]) {
                pagePaths += files.map(\.path)
                renderedBytes += files.reduce(0) { $0 + $1.byteCount }
                output.add(files)
            }
            let jobs = renderer.jobs()
            if let fromLedger, let previous = output.previousLedger,
               let again = jobsToRun(jobs.count, after: previous, reading: fromLedger.reading, output.cache, spare: output.staged?.known,
                                     lost: output.filesLost) {
                ledger = previous.ledger
                patched = fromLedger.edited
                result.pagesPatched = previous.ledger.run(again, of: jobs, emit)
            } else if let moved, let last = kept?.1, let again = jobsToRun(jobs.count, after: last, moved: moved, &output) {
                let copy = last.ledger.copy()
                ledger = copy
                result.pagesPatched = copy.run(again, of: jobs, emit)
            } else {
                ledger = output.memory != nil || shape != nil ? PageLedger(jobs: jobs.count) : nil
                SiteRenderer.run(ledger.map { $0.recording(Array(jobs)) } ?? Array(jobs), emit)
            }
            if patchedFromLedger == nil {
                // Cards kept from the last build are not looked up: the cache keeps them as they were.
                if moved == nil { output.cardsUsed() }
            } else {
                output.cardsUsed(keepingUnused: true)
                ExitReclaim.leave(renderer, when: output.options)  // few cards made: it holds little, but 100,000 objects
            }
            if let ledger, output.memory != nil {
                let pages = pagePaths, lastData = kept.flatMap { kept, last in last.data.valueIfMade.map { ($0, kept) } }
                let made = Pending.whenAsked {
                    lastData.flatMap { $0.rearranged(graph, views, keeping: $1, pagePaths: pages) } ?? DataFiles(graph, views, pagePaths: pages)
                }
                data = made
                output.lastBuild = LastBuild(inputs: inputs, content: input.content, shape: input.shape, graph: graph, views: views,
                                             renderer: renderer, ledger: ledger, data: made,
                                             indexes: moved.flatMap { kept?.1.indexes(after: $0, in: graph) })
            }
            if let ledger, let shape, let inputsDigest {
                output.keepLedger(inputs: inputsDigest, shape: shape, ledger, graph: graph, content: input.content)
            }
        }
        // Handing freed memory back costs 30 ms at N=10,000, worth it only after many pages (and the cards in them)
        // were rendered and released: a rebuild that renders a few pages has little to give back.
        if renderedBytes > Self.releaseAfter { GlibcHeap.returnFreedMemory() }
        let rendered = renderData(graph, views, input, pagePaths: pagePaths, kept: data, patching: patched, readBack: dataReadBack,
                                  into: &output, &result)
        if fewViews { output.markdownUsed(keepingUnused: true) }
        if rendered { ExitReclaim.leave(views, when: output.options) }
        return rendered
    }

    /// The numbers of the jobs to run, in order, when the last build of a long-lived process differs from this one
    /// only in items that `moved`: those that read an item where they moved, and in a writing build those whose files
    /// the output lost. Nil when the last build ran another number of jobs, and every page is made and digested.
    private static func jobsToRun(_ jobCount: Int, after last: LastBuild, moved: MovedItems, _ output: inout Output) -> [Int]? {
        guard last.ledger.jobCount == jobCount else { return nil }
        let again = last.ledger.jobs(readingEventsIn: moved.events, quotesIn: moved.quotes)
        output.cache?.keepPrevious()
        guard output.options.write, let cache = output.cache, !cache.outputUnchanged else { return again }
        return jobsWithFilesLost(last.ledger, besides: again, cache, spare: output.staged?.known)
    }

    /// Renders the data files, sitemap, assets and static files after the pages at `pagePaths`; the data files are
    /// `kept` ones when a long-lived process keeps them for its next build, or `patching` an edit into the output's.
    static func renderData(_ graph: SiteGraph, _ views: ViewCatalog, _ input: Input, pagePaths: [String], kept: Pending<DataFiles>?,
                           patching edited: EditedItems? = nil, readBack: Pending<[String: SplicedFile]>? = nil,
                           into output: inout Output, _ result: inout BuildResult) -> Bool {
        var dataPaths: [String] = []
        if let kept {
            dataPaths = DataFiles.paths(graph)
            // A preview's data files are made after its pages are shown.
            if output.options.deferData && !output.options.write {
                result.data = DeferredFiles(paths: dataPaths) { abandoned in abandoned() ? [] : kept.value.files }
            } else {
                output.add(kept.value)
            }
        } else if let edited, let cache = output.cache, let layouts = output.previousLedger?.data,
                  let written = DataFiles(in: output.options.output, editing: edited,
                                          layouts: layouts, graph: graph, pagePaths: pagePaths, cache: cache, keeping: output.splicedLayouts,
                                          readBack: readBack?.value) {
            output.add(written.patched(graph, views, edited, cache: cache))
            dataPaths = DataFiles.paths(graph)
            result.dataSpliced = true
        } else {
            dataPaths = renderDataFiles(graph, views, pagePaths: pagePaths, into: &output)
        }
        output.add(input.assets)
        let conflicts = StaticFiles.conflicts(input.statics, generated: [pagePaths, dataPaths, input.assets.map(\.path)].joined(),
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

    /// Makes the data files and sitemap of a build that does not keep them, and returns their paths. A writing
    /// build keeps a download the output already holds from the same records.
    private static func renderDataFiles(_ graph: SiteGraph, _ views: ViewCatalog, pagePaths: [String], into output: inout Output) -> [String] {
        let layouts = output.splicedLayouts
        let downloads: [(path: String, job: SiteRenderer.Job)] = DataExport(graph: graph, cache: output.cache, onSpliced: { layouts.keep($0) }).jobs() + [
            ("search-index.json", { @Sendable in [layouts.keep(SearchIndex(graph: graph, views: views).file())] }),
            ("timeline.ics", { @Sendable in [layouts.keep(CalendarFile(graph: graph, views: views).file())] }),
            ("feed.xml", { @Sendable in [AtomFeed(graph: graph, views: views).file()] }),
        ]
        var dataPaths: [String] = []
        // Two at a time (one per core on the usual machine): each is tens of MB at N=10,000, written as soon as
        // it is made and before another starts, so that together they do not set the build's memory peak.
        SiteRenderer.stream(slowestFirst(downloads), width: 2) { files in
            dataPaths += files.map(\.path)
            output.add(files)
            output.waitForWrites()
        }
        let files = Sitemap(graph: graph).files(pagePaths: pagePaths)
        output.add(files)
        return dataPaths + files.map(\.path)
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
}
