/// The data files of a long-lived process's build (`casebook serve`, `casebook build --watch`), kept for its next
/// build: after a prose edit, that build splices the edited events' and quotes' pieces into the downloads, search
/// index and calendar, keeps the files that hold no event or quote as they were, and makes only the feed again.
/// At N=10,000 making them all took 0.2 s of two cores, most of such a rebuild.
struct DataFiles: Sendable {
    /// Files with one piece per event or quote.
    let spliced: [SplicedFile]
    /// Files a prose edit leaves as they are: the parties', sources' and cases' downloads, the sitemap, robots.txt.
    let kept: [OutputFile]
    let feed: OutputFile

    var files: [OutputFile] { spliced.map(\.file) + kept + [feed] }

    /// The paths of a build's data files, before they are made.
    static func paths(_ graph: SiteGraph) -> [String] {
        DataExport.paths + ["search-index.json", "timeline.ics", "feed.xml"] + Sitemap(graph: graph).paths
    }

    /// The spliced files, besides the downloads of one record per event or quote.
    private static let splicedPaths = DataExport.eventAndQuotePaths + ["search-index.json", "timeline.ics"]

    /// Every data file of a build whose pages are at `pagePaths`, the files made on all cores, the longest (the
    /// search index and the timeline's downloads) first.
    init(_ graph: SiteGraph, _ views: ViewCatalog, pagePaths: [String]) {
        let export = DataExport(graph: graph)
        typealias Job = @Sendable () -> (spliced: [SplicedFile], kept: [OutputFile])
        let spliced: [Job] = Self.splicedPaths.map { path in
            { @Sendable in
                switch path {
                case "search-index.json": ([SearchIndex(graph: graph, views: views).file()], [])
                case "timeline.ics": ([CalendarFile(graph: graph, views: views).file()], [])
                default: (export.eventAndQuoteFile(path).map { [$0] } ?? [], [])
                }
            }
        }
        let kept: [Job] = export.jobs().filter { !Self.splicedPaths.contains($0.path) }.map { path, job in { @Sendable in ([], job()) } }
            + [{ @Sendable in ([], Sitemap(graph: graph).files(pagePaths: pagePaths)) }]
        let made = (spliced + kept).parallelMap { $0() }
        self.spliced = made.flatMap(\.spliced)
        self.kept = made.flatMap(\.kept)
        feed = AtomFeed(graph: graph, views: views).file()
    }

    private init(spliced: [SplicedFile], kept: [OutputFile], feed: OutputFile) {
        self.spliced = spliced
        self.kept = kept
        self.feed = feed
    }

    /// These files after a prose edit that reworded the events and quotes at these indexes of `graph`.
    func patched(_ graph: SiteGraph, _ views: ViewCatalog, events: [Int], quotes: [Int]) -> DataFiles {
        let export = DataExport(graph: graph), search = SearchIndex(graph: graph, views: views)
        let calendar = CalendarFile(graph: graph, views: views)
        let spliced = spliced.parallelMap { file in
            var pieces: [Int: [UInt8]] = [:]
            switch file.path {
            case "search-index.json":
                for event in events { pieces[event] = search.piece(event: event) }
                for quote in quotes { pieces[graph.events.count + quote] = search.piece(quote: quote) }
            case "timeline.ics":
                for event in events { pieces[event] = calendar.piece(event: event) }
            default:
                for event in events { pieces[event] = export.piece(of: file.path, event: event) }
                for quote in quotes { pieces[quote] = export.piece(of: file.path, quote: quote) }
            }
            return file.replacing(pieces)
        }
        return DataFiles(spliced: spliced, kept: kept, feed: AtomFeed(graph: graph, views: views).file())
    }
}
