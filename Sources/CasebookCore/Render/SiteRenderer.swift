import Foundation

/// Turns the site graph into HTML pages through the templates. Cards for events and quotes are
/// rendered once and reused by every page that lists them.
public struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let views: ViewCatalog
    let templates: TemplateSet
    let layout: LayoutFactory
    let filterChoices: FilterPanel.Choices
    /// Card HTML, parallel to `graph.events` and `graph.quotes`.
    let eventCards: ItemList<Card>
    let quoteCards: ItemList<Card>
    /// Each event's and quote's view with its digest (taken once, when there is a cache to key), for the pages
    /// that show it whole.
    let eventViews: ItemList<KnownDigest<EventView>>
    let quoteViews: ItemList<KnownDigest<QuoteView>>
    /// When set, a page whose digest matches the one the current output was built from is not rendered.
    let cache: RenderCache?

    public init(graph: SiteGraph, views: ViewCatalog, templates: TemplateSet, stylesheetVersion: String?,
                cache: RenderCache? = nil, cards: CardCache? = nil) {
        self.init(graph: graph, views: views, templates: templates, stylesheetVersion: stylesheetVersion, cache: cache, cards: cards,
                  keeping: nil)
    }

    /// With `kept`, the events' and quotes' views it names, digests taken, are that renderer's (the last build's).
    init(graph: SiteGraph, views: ViewCatalog, templates: TemplateSet, stylesheetVersion: String?, cache: RenderCache?,
         cards: CardCache?, keeping kept: (KeptViews, of: SiteRenderer)?) {
        self.cache = cache
        self.graph = graph
        self.views = views
        self.templates = templates
        layout = LayoutFactory(graph: graph, templates: templates, stylesheetVersion: stylesheetVersion)
        filterChoices = FilterPanel.Choices(graph: graph)
        let digested = cache != nil || cards != nil
        let eventViews = Self.prepared(views.events, templates, digested: digested, keeping: kept.map { ($0.events, $1.eventViews) })
        let quoteViews = Self.prepared(views.quotes, templates, digested: digested, keeping: kept.map { ($0.quotes, $1.quoteViews) })
        self.eventViews = ItemList(.event, eventViews)
        self.quoteViews = ItemList(.quote, quoteViews)
        eventCards = ItemList(.event, eventViews.parallelMap { Self.eventCard($0, templates, cards) })
        quoteCards = ItemList(.quote, quoteViews.parallelMap { Self.quoteCard($0, templates, cards) })
    }

    /// A renderer for a build that makes a few of its pages (by its page ledger) and reports the others unchanged:
    /// each view, card and digest is made when a page first asks for it (the views too, when the catalog makes them
    /// when read), a card's HTML looked up in the card cache, whose table finds a few hundred of its 20,000 cards
    /// without reading the rest (see `DigestIndex`).
    init(fewPagesOf graph: SiteGraph, views: ViewCatalog, templates: TemplateSet, stylesheetVersion: String?, cache: RenderCache,
         cards: CardCache?) {
        self.cache = cache
        self.graph = graph
        self.views = views
        self.templates = templates
        layout = LayoutFactory(graph: graph, templates: templates, stylesheetVersion: stylesheetVersion)
        filterChoices = FilterPanel.Choices(graph: graph)
        let eventViews = ItemList(.event, count: views.events.count) { KnownDigest(digestWhenAsked: Self.citing(views.events.element(at: $0), templates)) }
        let quoteViews = ItemList(.quote, count: views.quotes.count) { KnownDigest(digestWhenAsked: Self.citing(views.quotes.element(at: $0), templates)) }
        self.eventViews = eventViews
        self.quoteViews = quoteViews
        // The cards a page prints are looked up in the card cache by their digests, which the page's digest takes.
        eventCards = ItemList(.event, count: eventViews.count) { Self.cardWhenAsked(Self.eventCardTemplate, eventViews.element(at: $0), templates, cards) }
        quoteCards = ItemList(.quote, count: quoteViews.count) { Self.cardWhenAsked(Self.quoteCardTemplate, quoteViews.element(at: $0), templates, cards) }
    }

    /// This renderer for a graph and views that differ from its own only in the events and quotes at the given
    /// indexes: their views and cards are made again, every other one is kept.
    init(patching previous: SiteRenderer, graph: SiteGraph, views: ViewCatalog, events: [Int], quotes: [Int],
         cache: RenderCache?, cards: CardCache?) {
        let templates = previous.templates, digested = cache != nil || cards != nil
        let eventViews = Dictionary(uniqueKeysWithValues: zip(events, Self.prepared(events.map(views.events.element(at:)), templates, digested: digested)))
        let quoteViews = Dictionary(uniqueKeysWithValues: zip(quotes, Self.prepared(quotes.map(views.quotes.element(at:)), templates, digested: digested)))
        let eventCards = eventViews.mapValues { Self.eventCard($0, templates, cards) }
        let quoteCards = quoteViews.mapValues { Self.quoteCard($0, templates, cards) }
        self.init(following: previous, graph: graph, views: views, cache: cache,
                  events: (previous.eventViews.replacing(eventViews), previous.eventCards.replacing(eventCards)),
                  quotes: (previous.quoteViews.replacing(quoteViews), previous.quoteCards.replacing(quoteCards)))
    }

    /// This renderer for a graph whose items `moved` (see `MovedItems`) and the views `ViewCatalog.moving` made for
    /// it: each event's and quote's view, digest and card where they moved is the one `kept` names, from wherever it
    /// stood, or made again; every other one is kept where it is.
    init(moving previous: SiteRenderer, _ moved: MovedItems, keeping kept: KeptViews, graph: SiteGraph, views: ViewCatalog,
         cache: RenderCache?, cards: CardCache?) {
        let templates = previous.templates, digested = cache != nil || cards != nil
        let events = Self.moving(moved.events, kept.events, previous.eventViews, previous.eventCards) { place in
            let view = Self.prepared(views.events.element(at: place), templates, digested: digested)
            return (view, Self.eventCard(view, templates, cards))
        }
        let quotes = Self.moving(moved.quotes, kept.quotes, previous.quoteViews, previous.quoteCards) { place in
            let view = Self.prepared(views.quotes.element(at: place), templates, digested: digested)
            return (view, Self.quoteCard(view, templates, cards))
        }
        self.init(following: previous, graph: graph, views: views, cache: cache, events: events, quotes: quotes)
    }

    /// A renderer with `previous`'s templates, layout and filters, and these views and cards.
    private init(following previous: SiteRenderer, graph: SiteGraph, views: ViewCatalog, cache: RenderCache?,
                 events: (ItemList<KnownDigest<EventView>>, ItemList<Card>), quotes: (ItemList<KnownDigest<QuoteView>>, ItemList<Card>)) {
        self.graph = graph
        self.views = views
        self.cache = cache
        templates = previous.templates
        layout = previous.layout
        filterChoices = previous.filterChoices
        (eventViews, eventCards) = events
        (quoteViews, quoteCards) = quotes
    }

    /// The views and cards of one kind, those at `places` taken from where `kept` names or `made`.
    private static func moving<View>(_ places: ClosedRange<Int>?, _ kept: [Int?], _ views: ItemList<KnownDigest<View>>,
                                     _ cards: ItemList<Card>, made: (Int) -> (KnownDigest<View>, Card))
        -> (ItemList<KnownDigest<View>>, ItemList<Card>) {
        guard let places else { return (views, cards) }
        var movedViews: [Int: KnownDigest<View>] = [:], movedCards: [Int: Card] = [:]
        for place in places {
            (movedViews[place], movedCards[place]) = kept[place].map { (views.element(at: $0), cards.element(at: $0)) } ?? made(place)
        }
        return (views.replacing(movedViews), cards.replacing(movedCards))
    }

    private static let eventCardTemplate = "partials/event-card", quoteCardTemplate = "partials/quote-card"

    private static func eventCard(_ view: KnownDigest<EventView>, _ templates: TemplateSet, _ cards: CardCache?) -> Card {
        card(eventCardTemplate, view, templates, cards)
    }

    private static func quoteCard(_ view: KnownDigest<QuoteView>, _ templates: TemplateSet, _ cards: CardCache?) -> Card {
        card(quoteCardTemplate, view, templates, cards)
    }

    /// Each view with its citations, rendered when first printed (by its card or its page), and its digest when
    /// pages are digested.
    private static func prepared<View: CitingView>(_ views: [View], _ templates: TemplateSet, digested: Bool) -> [KnownDigest<View>] {
        views.parallelMap { prepared($0, templates, digested: digested) }
    }

    /// The same for every view of a list, each kept one (by the index `kept` names) taken from the last build's.
    private static func prepared<View: CitingView>(_ views: ItemList<View>, _ templates: TemplateSet, digested: Bool,
                                                   keeping kept: ([Int?], of: ItemList<KnownDigest<View>>)?) -> [KnownDigest<View>] {
        guard let (kept, last) = kept else { return prepared(views.elements, templates, digested: digested) }
        return Array(views.indices).parallelMap { index in
            kept[index].map(last.element(at:)) ?? prepared(views.element(at: index), templates, digested: digested)
        }
    }

    private static func prepared<View: CitingView>(_ plain: View, _ templates: TemplateSet, digested: Bool) -> KnownDigest<View> {
        let view = citing(plain, templates)
        return KnownDigest(view, digest: digested ? PageDigest.of(view) : nil)
    }

    /// The view with its citations, rendered when first printed.
    private static func citing<View: CitingView>(_ plain: View, _ templates: TemplateSet) -> View {
        var view = plain
        view.citationsHTML = LazyHTML { templates.render("partials/citations", plain) }
        return view
    }

    /// A card whose digest is taken when a page asks for it, and whose HTML, when first printed, is the card cache's
    /// for that digest or rendered (and added to the cache).
    private static func cardWhenAsked<View: TemplateValue & Sendable>(_ template: String, _ view: KnownDigest<View>,
                                                                     _ templates: TemplateSet, _ cards: CardCache?) -> Card {
        let digest = LazyDigest { view.digest.map { CardCache.digest(template, templates: templates, viewDigest: $0) } }
        let render: @Sendable () -> String = { templates.render(template, view.view) }
        return Card(html: LazyHTML { if let cards, let known = digest.value { cards.text(known, render: render) } else { render() } },
                    digestWhenAsked: digest)
    }

    private static func card<View: TemplateValue & Sendable>(_ template: String, _ view: KnownDigest<View>, _ templates: TemplateSet,
                                                            _ cards: CardCache?) -> Card {
        let render: @Sendable () -> String = { templates.render(template, view.view) }
        guard let viewDigest = view.digest else { return Card(html: LazyHTML(render), digest: nil) }
        let digest = CardCache.digest(template, templates: templates, viewDigest: viewDigest)
        return Card(html: cards?.html(digest, render: render) ?? LazyHTML(render), digest: digest)
    }

    /// Every page, in one list.
    public func render() -> [OutputFile] {
        var files: [OutputFile] = []
        Self.run(Array(jobs())) { files += $0 }
        return files
    }

    /// One piece of rendering work (a page, or a few data files), done on whichever core is free.
    public typealias Job = @Sendable () -> [OutputFile]

    /// Every page as a job, in a fixed order.
    func jobs() -> JobList {
        var jobs: JobList = [{ [home()] }]
        jobs = jobs + timelineJobs() + caseJobs() + partyJobs() + quoteJobs() + sourceJobs()
        jobs = jobs + JobList(graph.pages.map { item in { [freePage(item)] } })
        return jobs + [{
            [page(.search, "search", title: "Search", description: "Search events, quotes, parties and sources.",
                  crumbs: [layout.homeCrumb, .init(label: "Search", url: nil)],
                  content: PageContents.Search(indexURL: graph.urls.path(.file("search-index.json")),
                                               scriptURL: graph.urls.path(.file("assets/search.js"))))]
        }, {
            [page(.notFound, "404", title: "Page not found", description: "There is no page at this address.",
                  crumbs: [], content: PageContents.FreePage(title: "Page not found", html: ""))]
        }]
    }

    /// How many jobs run (on all cores) before their files are handed on: enough to keep both cores busy,
    /// few enough that even a big tracker's largest pages (case pages of several MB) stay a few tens of MB.
    public static let batchSize = 64

    /// Runs `jobs` on all cores a batch at a time and hands each batch's files to `emit`, in order, so that a
    /// caller writing them out never holds the whole site in memory.
    public static func run(_ jobs: [Job], batchSize: Int = batchSize, _ emit: ([OutputFile]) -> Void) {
        var start = jobs.startIndex
        while start < jobs.endIndex {
            let end = min(jobs.endIndex, start + max(batchSize, 1))
            emit(Array(jobs[start..<end]).parallelMap { $0() }.flatMap { $0 })
            start = end
        }
    }

    /// Starts `jobs` in order, `width` at a time, and hands each job's files to `emit` (on the calling thread) as
    /// soon as that job ends, whatever the order they end in; the next job starts only then, so no more than `width`
    /// jobs' files are held at once and, unlike batches, no core waits for the longest job of a batch.
    static func stream(_ jobs: [Job], width: Int, _ emit: ([OutputFile]) -> Void) {
        let finished = LockedCache<[[OutputFile]]>([]), ended = DispatchSemaphore(value: 0)
        func start(_ job: @escaping Job) {
            DispatchQueue.global().async {
                let files = job()
                finished.withLock { $0.append(files) }
                ended.signal()
            }
        }
        var waiting = jobs[...]
        for _ in 0..<min(max(width, 1), jobs.count) { start(waiting.removeFirst()) }
        for _ in jobs.indices {
            ended.wait()
            emit(finished.withLock { $0.removeFirst() })
            if let next = waiting.popFirst() { start(next) }
        }
    }

    /// One job per item, each making that item's page.
    func jobs<Item: Sendable>(for items: [Item], _ makePage: @escaping @Sendable (Item) -> OutputFile?) -> JobList {
        JobList(count: items.count) { number in
            let item = items[number]
            return { makePage(item).map { [$0] } ?? [] }
        }
    }

    func page<Content: Encodable & TemplateValue>(_ route: Route, _ template: String, title: String, description: String?,
                                  describedBy lazyDescription: LazyHTML? = nil, crumbs: [LayoutView.Crumb],
                                  schema: StructuredData.PageSchema? = nil, content: Content) -> OutputFile {
        let context = PageContext(layout: layout.view(for: route, title: title, description: description,
                                                      describedBy: lazyDescription, crumbs: crumbs, schema: schema),
                                  content: content)
        let digest = cache.map { _ in PageDigest.of(template: template, templates: templates.digest, context: context) }
        if let cache, let digest, cache.unchanged(route.outputPath, digest) {
            return OutputFile(unchangedAt: route.outputPath, digest: digest)
        }
        return OutputFile(path: route.outputPath, text: templates.render(template, context), digest: digest)
    }

    func home() -> OutputFile {
        let speakers = graph.parties.compactMap { party -> (PartyView, Int)? in
            guard let view = views.parties[party.id], view.quoteCount > 0 else { return nil }
            return (view, view.quoteCount)
        }.sorted { ($1.1, $0.0.name) < ($0.1, $1.0.name) }.prefix(6)
        let stats = [
            PageContents.Stat(value: graph.cases.count, label: graph.cases.count == 1 ? "case" : "cases", url: graph.urls.path(.cases)),
            PageContents.Stat(value: graph.events.count, label: graph.events.count == 1 ? "event" : "events", url: graph.urls.path(.timeline)),
            PageContents.Stat(value: graph.quotes.count, label: graph.quotes.count == 1 ? "quote" : "quotes", url: graph.urls.path(.quotes)),
            PageContents.Stat(value: graph.sources.count, label: graph.sources.count == 1 ? "source" : "sources", url: graph.urls.path(.sources)),
        ]
        // Events known only to the year sort last but are not news; prefer those dated at least to the month. Read
        // from the last, so that the page reads the places of the events it shows and of those it passes over only.
        var latest: [Int] = []
        for index in graph.events.indices.reversed() where graph.events[index].date.precision != .year {
            latest.append(index)
            if latest.count == 5 { break }
        }
        if latest.isEmpty { latest = Array(graph.events.indices.suffix(5).reversed()) }
        let content = PageContents.Home(
            cases: graph.cases.compactMap { views.cases[$0.id] },
            latestMonths: TimelineGroups.months(latest, events: graph.events, cards: eventCards),
            topSpeakers: speakers.map { .init(party: Chip(id: $0.0.id, label: $0.0.name, url: $0.0.url),
                                             kindLabel: $0.0.kindLabel, countLabel: $0.0.quoteCountLabel) },
            topics: graph.topics.map { Chip(id: $0.slug, label: $0.label, url: graph.urls.path(.topic($0.slug))) },
            stats: stats)
        return page(.home, "home", title: graph.config.title, description: graph.config.description, crumbs: [], content: content)
    }

    func freePage(_ item: Page) -> OutputFile {
        page(.page(item.id), "page", title: item.title, description: views.pages[item.id]?.excerpt,
             crumbs: [layout.homeCrumb, .init(label: item.title, url: nil)],
             content: PageContents.FreePage(title: item.title, html: views.pages[item.id]?.html ?? ""))
    }
}
