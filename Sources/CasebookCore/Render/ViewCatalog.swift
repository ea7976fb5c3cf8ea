/// Builds every item's view model once (Markdown rendered once per field), on all cores, so pages only look views up.
public struct ViewCatalog: Sendable {
    public private(set) var events: ItemList<EventView>
    public private(set) var quotes: ItemList<QuoteView>
    public private(set) var cases: ViewsByID<CaseView>
    public private(set) var parties: ViewsByID<PartyView>
    public private(set) var sources: ViewsByID<SourceView>
    /// The free pages' Markdown, rendered.
    public private(set) var pages: ViewsByID<RenderedMarkdown>

    public init(graph: SiteGraph, markdown: MarkdownRenderer) {
        self.init(graph: graph, markdown: markdown, whenRead: false)
    }

    /// With `whenRead`, each view of an event, quote, case, party or source is made when first read rather than all
    /// at once: for a rebuild that makes a few pages after a prose edit (making all 20,000 events' and quotes' took
    /// 0.2 s at N=10,000, and the 1,600 cases', parties' and sources' 15 ms of a 0.35 s rebuild).
    /// With `kept`, the events' and quotes' views it names are taken from that catalog, the last build's, and only
    /// the others made.
    init(graph: SiteGraph, markdown: MarkdownRenderer, whenRead: Bool, keeping kept: (KeptViews, of: ViewCatalog)? = nil) {
        let maker = ViewMaker(graph: graph, markdown: markdown)
        if let (kept, last) = kept {
            events = ItemList(.event, Array(graph.events.indices).parallelMap { index in
                kept.events[index].map(last.events.element(at:)) ?? maker.event(graph.events[index])
            })
            quotes = ItemList(.quote, Array(graph.quotes.indices).parallelMap { index in
                kept.quotes[index].map(last.quotes.element(at:)) ?? maker.quote(graph.quotes[index])
            })
        } else if whenRead {
            events = ItemList(.event, count: graph.events.count) { maker.event(graph.events[$0]) }
            quotes = ItemList(.quote, count: graph.quotes.count) { maker.quote(graph.quotes[$0]) }
        } else {
            events = ItemList(.event, Array(graph.events).parallelMap(maker.event))
            quotes = ItemList(.quote, Array(graph.quotes).parallelMap(maker.quote))
        }
        let caseIDs = graph.cases.map(\.id), partyIDs = graph.parties.map(\.id), sourceIDs = graph.sources.map(\.id)
        if whenRead {
            cases = ViewsByID(.legalCase, ids: caseIDs) { maker.legalCase(graph.cases[$0]) }
            parties = ViewsByID(.party, ids: partyIDs) { maker.party(graph.parties[$0]) }
            sources = ViewsByID(.source, ids: sourceIDs) { maker.source(graph.sources[$0]) }
        } else {
            cases = ViewsByID(.legalCase, ids: caseIDs, views: graph.cases.parallelMap(maker.legalCase))
            parties = ViewsByID(.party, ids: partyIDs, views: graph.parties.parallelMap(maker.party))
            sources = ViewsByID(.source, ids: sourceIDs, views: graph.sources.parallelMap(maker.source))
        }
        pages = ViewsByID(.page, ids: graph.pages.map(\.id), views: graph.pages.map { markdown.render($0.body.text) })
    }

    /// This catalog for a graph whose items `moved` (see `MovedItems`): each view where they moved is the one `kept`
    /// names, from wherever it stood, or made again; every other view is this catalog's.
    func moving(_ moved: MovedItems, keeping kept: KeptViews, graph: SiteGraph, markdown: MarkdownRenderer) -> ViewCatalog {
        let maker = Pending.whenAsked { ViewMaker(graph: graph, markdown: markdown) }  // most often every view is kept
        var copy = self
        copy.events = events.replacing(Self.made(moved.events.map(Array.init) ?? []) { place in
            kept.events[place].map(events.element(at:)) ?? maker.value.event(graph.events[place])
        })
        copy.quotes = quotes.replacing(Self.made(moved.quotes.map(Array.init) ?? []) { place in
            kept.quotes[place].map(quotes.element(at:)) ?? maker.value.quote(graph.quotes[place])
        })
        return copy
    }

    /// The same catalog with the views of some items (by index into `graph`'s lists) made again from `graph`, whose
    /// other items and indexes are those this catalog was made from.
    func replacing(_ items: EditedItems, graph: SiteGraph, markdown: MarkdownRenderer) -> ViewCatalog {
        let maker = ViewMaker(graph: graph, markdown: markdown)
        var copy = self
        copy.events = events.replacing(Self.made(items.events) { maker.event(graph.events[$0]) })
        copy.quotes = quotes.replacing(Self.made(items.quotes) { maker.quote(graph.quotes[$0]) })
        copy.cases = cases.replacing(Self.made(items.cases) { maker.legalCase(graph.cases[$0]) })
        copy.parties = parties.replacing(Self.made(items.parties) { maker.party(graph.parties[$0]) })
        copy.sources = sources.replacing(Self.made(items.sources) { maker.source(graph.sources[$0]) })
        copy.pages = pages.replacing(Self.made(items.pages) { markdown.render(graph.pages[$0].body.text) })
        return copy
    }

    /// A view made by `make` for each of `indexes`, by index.
    private static func made<View>(_ indexes: [Int], _ make: (Int) -> View) -> [Int: View] {
        Dictionary(uniqueKeysWithValues: indexes.map { ($0, make($0)) })
    }
}

extension Party.Kind {
    var label: String {
        switch self {
        case .person: return "Person"
        case .organization: return "Organization"
        case .court: return "Court"
        case .government: return "Government"
        case .media: return "News organization"
        }
    }

    var pluralLabel: String {
        switch self {
        case .person: return "People"
        case .organization: return "Organizations"
        case .court: return "Courts"
        case .government: return "Government"
        case .media: return "News organizations"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
