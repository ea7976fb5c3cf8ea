/// Turns the site graph into HTML pages through the templates. Cards for events and quotes are
/// rendered once and reused by every page that lists them.
public struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let views: ViewCatalog
    let templates: TemplateSet
    let layout: LayoutFactory
    /// Card HTML, parallel to `graph.events` and `graph.quotes`.
    let eventCards: [String]
    let quoteCards: [String]

    public init(graph: SiteGraph, views: ViewCatalog, templates: TemplateSet, stylesheetVersion: String?) {
        self.graph = graph
        self.views = views
        self.templates = templates
        layout = LayoutFactory(graph: graph, templates: templates, stylesheetVersion: stylesheetVersion)
        eventCards = views.events.parallelMap { templates.render("partials/event-card", $0) }
        quoteCards = views.quotes.parallelMap { templates.render("partials/quote-card", $0) }
    }

    /// Every page, in one list.
    public func render() -> [OutputFile] {
        var files: [OutputFile] = []
        render { files += $0 }
        return files
    }

    /// Every page, handed to `emit` a batch at a time in a fixed order, so that a caller writing them out
    /// never holds the whole site in memory.
    public func render(_ emit: PageBatches) {
        emit([home()])
        timelinePages(emit)
        casePages(emit)
        partyPages(emit)
        quotePages(emit)
        sourcePages(emit)
        emit(freePages())
        emit([page(.search, "search", title: "Search", description: "Search events, quotes, parties and sources.",
                          crumbs: [layout.homeCrumb, .init(label: "Search", url: nil)],
                          content: PageContents.Search(indexURL: graph.urls.path(.file("search-index.json")),
                                                       scriptURL: graph.urls.path(.file("assets/search.js"))))])
        emit([page(.notFound, "404", title: "Page not found", description: "There is no page at this address.",
                   crumbs: [], content: PageContents.FreePage(title: "Page not found", html: ""))])
    }

    /// Receives rendered pages a batch at a time.
    public typealias PageBatches = ([OutputFile]) -> Void

    /// How many pages are rendered (on all cores) before they are handed on: enough to keep both cores busy,
    /// few enough that even a big tracker's largest pages (case pages of several MB) stay a few tens of MB.
    static let batchSize = 64

    /// One page per item, rendered on all cores a batch at a time.
    func pages<Item: Sendable>(for items: [Item], _ emit: PageBatches, _ makePage: @Sendable (Item) -> OutputFile?) {
        var start = items.startIndex
        while start < items.endIndex {
            let end = min(items.endIndex, start + Self.batchSize)
            emit(Array(items[start..<end]).parallelMap(makePage).compactMap { $0 })
            start = end
        }
    }

    func page<Content>(_ route: Route, _ template: String, title: String, description: String?,
                       crumbs: [LayoutView.Crumb], schema: [StructuredData.Object] = [], content: Content) -> OutputFile {
        let context = PageContext(layout: layout.view(for: route, title: title, description: description, crumbs: crumbs,
                                                      schema: schema),
                                  content: content)
        return OutputFile(path: route.outputPath, text: templates.render(template, context))
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
        // Events known only to the year sort last but are not news; prefer those dated at least to the month.
        let dated = graph.events.indices.filter { graph.events[$0].date.precision != .year }
        let latest = Array((dated.isEmpty ? Array(graph.events.indices) : dated).suffix(5).reversed())
        let content = PageContents.Home(
            cases: graph.cases.compactMap { views.cases[$0.id] },
            latestMonths: TimelineGroups.months(latest, events: graph.events, cards: eventCards),
            topSpeakers: speakers.map { .init(party: Chip(id: $0.0.id, label: $0.0.name, url: $0.0.url),
                                             kindLabel: $0.0.kindLabel, countLabel: $0.0.quoteCountLabel) },
            topics: graph.topics.map { Chip(id: $0.slug, label: $0.label, url: graph.urls.path(.topic($0.slug))) },
            stats: stats)
        return page(.home, "home", title: graph.config.title, description: graph.config.description, crumbs: [], content: content)
    }

    func freePages() -> [OutputFile] {
        graph.pages.map { item in
            let html = views.pages[item.id]?.html ?? ""
            return page(.page(item.id), "page", title: item.title, description: views.pages[item.id]?.excerpt,
                        crumbs: [layout.homeCrumb, .init(label: item.title, url: nil)],
                        content: PageContents.FreePage(title: item.title, html: html))
        }
    }
}
