/// The data files of a long-lived process's build (`casebook serve`, `casebook build --watch`), kept for its next
/// build: after a prose edit, that build splices the edited events' and quotes' pieces into the downloads, search
/// index and calendar, keeps the files that hold no event or quote as they were (but for an edit to a case's, party's,
/// source's or page's body, which makes their downloads and the search index's tail again), and makes only the feed
/// again.
/// At N=10,000 making them all took 0.2 s of two cores, most of such a rebuild. A `casebook build` after a prose edit
/// does the same from the files in the output, by the layouts its ledger keeps.
struct DataFiles: Sendable {
    /// Files with one piece per event or quote.
    let spliced: [SplicedFile]
    /// Files a prose edit to events and quotes leaves as they are: the parties', sources' and cases' downloads, the
    /// sitemap, robots.txt (and, read back from an output, those of the spliced files the edit does not reach).
    let kept: [OutputFile]
    /// The feed, made again by every build (nil for files read back from an output, before they are patched).
    let feed: OutputFile?
    /// The pages the sitemap names.
    let pagePaths: [String]

    var files: [OutputFile] { spliced.map(\.file) + kept + (feed.map { [$0] } ?? []) }

    /// The paths of a build's data files, before they are made.
    static func paths(_ graph: SiteGraph) -> [String] {
        DataExport.paths + ["search-index.json", "timeline.ics", "feed.xml"] + Sitemap(graph: graph).paths
    }

    /// The files with one piece per event or quote: four downloads, the search index and the calendar.
    static let splicedPaths = DataExport.eventAndQuotePaths + ["search-index.json", "timeline.ics"]

    /// Every data file of a build whose pages are at `pagePaths`, the files made on all cores, the longest (the
    /// search index and the timeline's downloads) first.
    init(_ graph: SiteGraph, _ views: ViewCatalog, pagePaths: [String]) {
        let export = DataExport(graph: graph, digestsRecords: true)
        let spliced: [Job] = Self.splicedPaths.map { path in
            { @Sendable in
                switch path {
                case "search-index.json": ([SearchIndex(graph: graph, views: views).file()], [])
                case "timeline.ics": ([CalendarFile(graph: graph, views: views).file()], [])
                default: (export.eventAndQuoteFile(path).map { [$0] } ?? [], [])
                }
            }
        }
        self.init(made: spliced + Self.unsplicedJobs(export, graph, pagePaths: pagePaths), feed: AtomFeed(graph: graph, views: views).file(),
                  pagePaths: pagePaths)
    }

    /// A job making some of the files.
    private typealias Job = @Sendable () -> (spliced: [SplicedFile], kept: [OutputFile])

    /// The files the jobs make, made on all cores, the longest (the search index and the timeline's downloads) first.
    private init(made jobs: [Job], feed: OutputFile, pagePaths: [String]) {
        let made = jobs.parallelMap { $0() }
        spliced = made.flatMap(\.spliced)
        kept = made.flatMap(\.kept)
        self.feed = feed
        self.pagePaths = pagePaths
    }

    /// Jobs making the files with no piece per event or quote; the sitemap's files are `sitemap` when given.
    private static func unsplicedJobs(_ export: DataExport, _ graph: SiteGraph, pagePaths: [String], sitemap: [OutputFile]? = nil) -> [Job] {
        export.jobs().filter { !Self.splicedPaths.contains($0.path) }.map { path, job in { @Sendable in ([], job()) } }
            + [{ @Sendable in ([], sitemap ?? Sitemap(graph: graph).files(pagePaths: pagePaths)) }]
    }

    /// Whether two builds' pages are the same, in whatever order: compared place by place (a patched build hands most
    /// on where the last build did, with the same strings), and the few that differ sorted. False when many differ:
    /// sorting 22,000 paths to tell was most of making the sitemap again.
    static func samePages(_ pages: [String], _ others: [String]) -> Bool {
        guard pages.count == others.count else { return false }
        var differing: [String] = [], otherDiffering: [String] = []
        for index in pages.indices where pages[index] != others[index] {
            guard differing.count < max(pages.count / 8, 64) else { return false }
            differing.append(pages[index])
            otherDiffering.append(others[index])
        }
        return differing.sorted() == otherDiffering.sorted()
    }

    /// These files for a build that keeps the views `kept` names (a long-lived process's, after an edit that moved,
    /// added or removed events or quotes): each kept item's piece copied from here, every other one made, and the files
    /// with no piece per item made again. Nil when either build has no events or no quotes: a list's first piece and
    /// what follows its last then differ.
    func rearranged(_ graph: SiteGraph, _ views: ViewCatalog, keeping kept: KeptViews, pagePaths: [String]) -> DataFiles? {
        let events = graph.events.count, quotes = graph.quotes.count
        guard events > 0, quotes > 0, kept.lastEventCount > 0, kept.lastQuoteCount > 0 else { return nil }
        let export = DataExport(graph: graph, digestsRecords: true), search = SearchIndex(graph: graph, views: views)
        let calendar = CalendarFile(graph: graph, views: views)
        // A list's first piece has no comma before it: an item that comes first in one build and not the other is made.
        @Sendable func place(_ number: Int, _ old: Int?) -> Int? { old.flatMap { (number == 0) == ($0 == 0) ? $0 : nil } }
        let spliced: [Job] = spliced.map { file in
            { @Sendable in
                let made = switch file.path {
                case "search-index.json":
                    // The tail's entries (parties, cases, sources, pages) are made again: a page's title may have changed.
                    file.rearranged(count: events + quotes, tail: search.tail(), kept: { number in
                        place(number, number < events ? kept.events[number] : kept.quotes[number - events].map { kept.lastEventCount + $0 })
                    }, make: { $0 < events ? search.piece(event: $0) : search.piece(quote: $0 - events) })
                case "timeline.ics":
                    file.rearranged(count: events, head: calendar.head(), kept: { kept.events[$0] }, make: calendar.piece(event:))
                case "data/quotes.json", "data/quotes.csv":
                    file.rearranged(count: quotes, kept: { place($0, kept.quotes[$0]) }, make: { export.piece(of: file.path, quote: $0) ?? [] })
                default:
                    file.rearranged(count: events, kept: { place($0, kept.events[$0]) }, make: { export.piece(of: file.path, event: $0) ?? [] })
                }
                return ([made], [])
            }
        }
        // The sitemap, which names every page, is kept when the pages are the last build's (after events moved).
        let sitemapPaths = Sitemap(graph: graph).paths
        let sitemap = Self.samePages(pagePaths, self.pagePaths) ? self.kept.filter { sitemapPaths.contains($0.path) } : nil
        return DataFiles(made: spliced + Self.unsplicedJobs(export, graph, pagePaths: pagePaths, sitemap: sitemap),
                         feed: AtomFeed(graph: graph, views: views).file(), pagePaths: pagePaths)
    }

    /// The data files as `output` holds them, as the build that wrote it left them, for a `casebook build` after a
    /// prose edit to patch: the files that hold an edited kind of item read back by their layouts, every other one
    /// reported unchanged as a build that found it so would (a spliced one's layout noted in `noted` again). Nil
    /// when any file is not as that build wrote it; then every data file is made again.
    /// `readBack`: the files `readBack(from:editing:layouts:cache:)` read, when it did.
    init?(in output: String, editing edited: EditedItems, layouts: [SplicedFile.Layout], graph: SiteGraph,
          pagePaths: [String], cache: RenderCache, keeping noted: SplicedFile.Layouts, readBack: [String: SplicedFile]? = nil) {
        @Sendable func file(_ layout: SplicedFile.Layout) -> SplicedFile? {
            if let readBack { return readBack[layout.path] }
            return SplicedFile(layout, in: output)
        }
        let touched = Self.splicedPaths.filter { Self.holds($0, edited) }
        let read = touched.parallelMap { path in layouts.first { $0.path == path }.flatMap(file) }
        let spliced = read.compactMap { $0 }
        guard spliced.count == touched.count else { return nil }
        // The sitemap and robots.txt are made, as by every build (they are not digested).
        let sitemap = Sitemap(graph: graph)
        var kept = sitemap.files(pagePaths: pagePaths)
        for path in Self.paths(graph) where !touched.contains(path) && path != "feed.xml" && !sitemap.paths.contains(path) {
            let layout = layouts.first { $0.path == path }
            // The calendar and search index are not digested either: made by every build that does not splice them,
            // they are kept only while the output holds them as written.
            if cache.recorded(path) == TreeRecord.comparedByBytes, layout.flatMap(file) == nil { return nil }
            guard let file = Self.asWritten(path, cache) else { return nil }
            if let layout { noted.keep(layout) }
            kept.append(file)
        }
        self.init(spliced: spliced, kept: kept, feed: nil, pagePaths: pagePaths)
    }

    /// The spliced files of `output` that `init(in:...)` reads back by their layouts for `edited` (those that hold an
    /// edited kind of item, and those compared by their bytes), by path, those that are as written: read and digested
    /// (40 MB at N=10,000) on another core while the render stage starts on one.
    static func readBack(from output: String, editing edited: EditedItems, layouts: [SplicedFile.Layout],
                         cache: RenderCache) -> [String: SplicedFile] {
        let wanted = layouts.filter { holds($0.path, edited) || cache.recorded($0.path) == TreeRecord.comparedByBytes }
        let read = wanted.parallelMap { SplicedFile($0, in: output) }
        return Dictionary(zip(wanted, read).compactMap { layout, file in file.map { (layout.path, $0) } }) { first, _ in first }
    }

    /// Whether the spliced file at `path` holds any of the edited items (the search index holds every kind).
    private static func holds(_ path: String, _ edited: EditedItems) -> Bool {
        switch path {
        case "search-index.json": !edited.events.isEmpty || !edited.quotes.isEmpty || edited.hasDocuments
        case "data/quotes.json", "data/quotes.csv": !edited.quotes.isEmpty
        default: !edited.events.isEmpty
        }
    }

    /// The output's file at `path` reported unchanged, as a build that found its digest unchanged reports it (one
    /// compared by its bytes, which such a build does not digest, is only looked for); nil when the output does not
    /// hold it as recorded.
    private static func asWritten(_ path: String, _ cache: RenderCache) -> OutputFile? {
        guard let digest = cache.recorded(path) else { return nil }
        let there = digest == TreeRecord.comparedByBytes ? cache.holds(path, digest) : cache.unchanged(path, digest)
        return there ? OutputFile(unchangedAt: path, digest: digest) : nil
    }

    private init(spliced: [SplicedFile], kept: [OutputFile], feed: OutputFile?, pagePaths: [String]) {
        self.spliced = spliced
        self.kept = kept
        self.feed = feed
        self.pagePaths = pagePaths
    }

    /// These files after a prose edit that reworded these items of `graph`, or a date edit that moved items there. The
    /// downloads of cases, parties and sources that one of theirs reached are made again, and kept as the output holds
    /// them when `cache` finds them unchanged.
    func patched(_ graph: SiteGraph, _ views: ViewCatalog, _ edited: EditedItems, cache: RenderCache?) -> DataFiles {
        let export = DataExport(graph: graph, cache: cache, digestsRecords: true), search = SearchIndex(graph: graph, views: views)
        let calendar = CalendarFile(graph: graph, views: views)
        let spliced = spliced.parallelMap { file in
            var pieces: [Int: [UInt8]] = [:]
            switch file.path {
            case "search-index.json":
                for event in edited.events { pieces[event] = search.piece(event: event) }
                for quote in edited.quotes { pieces[graph.events.count + quote] = search.piece(quote: quote) }
                return file.replacing(pieces, tail: edited.hasDocuments ? search.tail() : nil)
            case "timeline.ics":
                for event in edited.events { pieces[event] = calendar.piece(event: event) }
                return file.replacing(pieces, head: edited.moved ? calendar.head() : nil)
            default:
                // A file holds events or quotes: the other kind's numbers are not its pieces (setting nil would drop
                // the piece of an item of its own kind with the same number).
                for event in edited.events { if let piece = export.piece(of: file.path, event: event) { pieces[event] = piece } }
                for quote in edited.quotes { if let piece = export.piece(of: file.path, quote: quote) { pieces[quote] = piece } }
            }
            return file.replacing(pieces)
        }
        var kept = kept
        if edited.hasDocuments {
            let made = export.jobs().filter { !Self.splicedPaths.contains($0.path) }.map(\.job).parallelMap { $0() }.joined()
            kept = kept.filter { file in !made.contains { $0.path == file.path } } + made
        }
        return DataFiles(spliced: spliced, kept: kept, feed: AtomFeed(graph: graph, views: views).file(), pagePaths: pagePaths)
    }
}
