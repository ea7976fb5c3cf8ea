/// What a long-lived process keeps of its last successful build, so that the next one, after a prose edit
/// (`ProseEdit`), patches it: the edited items' views, cards and the pages that read them are made again, and every
/// other page is reported unchanged without being built or digested.
struct LastBuild: Sendable {
    /// Everything the build was made from besides the content: options, templates, theme assets, static files.
    let inputs: Inputs
    let content: SiteContent
    /// The content's shape (nil when it had errors), for the next build to tell whether its content needs checking.
    let shape: Pending<ContentShape>?
    let graph: SiteGraph
    let views: ViewCatalog
    let renderer: SiteRenderer
    let ledger: PageLedger
    /// Its data files, made when first asked for: by a preview once its pages are shown, or by the next build.
    let data: Pending<DataFiles>
    /// Each event's and quote's index in the graph, by id.
    let eventIndex: [String: Int]
    let quoteIndex: [String: Int]

    struct Inputs: Equatable, Sendable {
        let options: [String?]
        let templates: PageDigest
        let assets: [OutputFile]
        let statics: [OutputFile]

        init(_ options: BuildOptions, templates: TemplateSet, assets: [OutputFile], statics: [OutputFile]) {
            self.options = [options.baseURL, options.origin, options.drafts ? "drafts" : nil, options.content, options.templates]
            self.templates = templates.digest
            self.assets = assets
            self.statics = statics
        }

        /// All of it in one digest, for a build to compare with on disk (`LedgerFile`).
        var digest: PageDigest {
            var state = DigestState()
            for option in options { state.add(option.map { "+" + $0 } ?? "-") }
            state.add(templates)
            for files in [assets, statics] {
                state.add(UInt64(files.count))
                for file in files {
                    state.add(file.path)
                    file.withBytes { state.add($0) }
                }
            }
            return state.digest
        }
    }

    /// `indexes`, when given, are the graph's events' and quotes' indexes by id (see `indexes(after:in:)`).
    init(inputs: Inputs, content: SiteContent, shape: Pending<ContentShape>?, graph: SiteGraph, views: ViewCatalog,
         renderer: SiteRenderer, ledger: PageLedger, data: Pending<DataFiles>, indexes: (events: [String: Int], quotes: [String: Int])? = nil) {
        self.init(inputs, content, shape, graph, views, renderer, ledger, data,
                  eventIndex: indexes?.events ?? Self.index(graph.events) { $0.pointee.id },
                  quoteIndex: indexes?.quotes ?? Self.index(graph.quotes) { $0.pointee.id })
    }

    /// Each event's and quote's index by id in `graph`, whose items are this build's but where they `moved`.
    func indexes(after moved: MovedItems, in graph: SiteGraph) -> (events: [String: Int], quotes: [String: Int]) {
        var events = eventIndex, quotes = quoteIndex
        for place in moved.events.map(Array.init) ?? [] { events[graph.events.withElement(at: place) { $0.pointee.id }] = place }
        for place in moved.quotes.map(Array.init) ?? [] { quotes[graph.quotes.withElement(at: place) { $0.pointee.id }] = place }
        return (events, quotes)
    }

    /// Items' indexes by id (the first of a duplicate id), read where they lie.
    private static func index<Item>(_ items: ChunkedList<Item>, id: (UnsafePointer<Item>) -> String) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        for place in items.indices.reversed() { index[items.withElement(at: place, id)] = place }
        return index
    }

    /// The build that patched this one: the same inputs and item places, its own content and what it made.
    func patched(content: SiteContent, shape: Pending<ContentShape>?, graph: SiteGraph, views: ViewCatalog, renderer: SiteRenderer,
                 ledger: PageLedger, data: Pending<DataFiles>) -> LastBuild {
        LastBuild(inputs, content, shape, graph, views, renderer, ledger, data, eventIndex: eventIndex, quoteIndex: quoteIndex)
    }

    private init(_ inputs: Inputs, _ content: SiteContent, _ shape: Pending<ContentShape>?, _ graph: SiteGraph, _ views: ViewCatalog,
                 _ renderer: SiteRenderer, _ ledger: PageLedger, _ data: Pending<DataFiles>, eventIndex: [String: Int],
                 quoteIndex: [String: Int]) {
        self.inputs = inputs
        self.content = content
        self.shape = shape
        self.graph = graph
        self.views = views
        self.renderer = renderer
        self.ledger = ledger
        self.data = data
        self.eventIndex = eventIndex
        self.quoteIndex = quoteIndex
    }
}
