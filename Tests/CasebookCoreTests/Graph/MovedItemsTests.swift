import Testing
@testable import CasebookCore

/// A new graph differs from the last only in events or quotes that moved within one stretch of their order, or in more.
@Suite struct MovedItemsTests {
    static let events = """
    - {id: a, date: 2021-01-01, title: A, parties: [aws], sources: [news]}
    - {id: b, date: 2021-01-02, title: B, sources: [news]}
    - {id: c, date: 2021-01-03, title: C, parties: [parler], sources: [news]}
    - {id: d, date: 2021-01-04, title: D, sources: [news]}
    - {id: e, date: 2021-01-05, title: E, sources: [news]}
    """
    static let quotes = "- {id: q, text: Q, speaker: parler, date: 2021-01-02, sources: [news]}\n"

    /// The content of a site with these events and quotes, and its graph.
    struct Built {
        let content: SiteContent
        let graph: SiteGraph
    }

    func built(_ events: String = events, quotes: String = quotes) throws -> Built {
        let files = Fixtures.site(adding: ["Content/timeline/a.yml": events, "Content/quotes/q.yml": quotes])
        let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return Built(content: content, graph: SiteGraph(content: content, urls: try URLBuilder(baseURL: "/")))
    }

    /// What moved, as a long-lived process tells it from its last graph. A `casebook build` process tells it from the
    /// last build's shape and places, and must tell the same when the footer's latest date is the same (a long-lived
    /// process compares that apart).
    func moved(_ last: Built, _ new: Built, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> MovedItems? {
        func index<Item>(_ items: ChunkedList<Item>, _ id: (Item) -> String) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: items.enumerated().map { (id($1), $0) })
        }
        let moved = KeptViews(from: last.graph, last.content, eventIndex: index(last.graph.events, \.id), quoteIndex: index(last.graph.quotes, \.id),
                              to: new.content, graph: new.graph).flatMap { MovedItems(from: last.graph, to: new.graph, kept: $0) }
        let sameFooter = last.graph.latestDate == new.graph.latestDate
        #expect(byPlaces(last, new).map { [$0.events, $0.quotes] } == (sameFooter ? moved : nil).map { [$0.events, $0.quotes] },
                "by places", sourceLocation: sourceLocation)
        return moved
    }

    /// What moved, as a `casebook build` process tells it.
    func byPlaces(_ last: Built, _ new: Built) -> MovedItems? {
        let shape = ContentShape(last.content)
        return PlacedItems(last.graph, content: last.content, shape: shape, drafts: false).flatMap { places in
            MovedItems(since: shape, places, to: new.graph, content: new.content, shape: ContentShape(new.content), drafts: false)
        }
    }

    @Test func aMoveIsTheStretchFromItsOldPlaceToItsNew() throws {
        let last = try built()
        #expect(moved(last, last) == nil, "nothing moved")
        let later = try built(Self.events.replacingOccurrences(of: "2021-01-02", with: "2021-01-04"))
        #expect(later.graph.events.map(\.id) == ["a", "c", "b", "d", "e"])
        #expect(moved(last, later)?.events == 1...2)
        let back = try built(Self.events.replacingOccurrences(of: "2021-01-05", with: "2021-01-01"))
        #expect(back.graph.events.map(\.id) == ["a", "e", "b", "c", "d"], "after the event of the same day it follows in the file")
        #expect(moved(last, back)?.events == 1...4, "every place from e's new to its old holds another event")
    }

    @Test func aTimeGivenInPlaceOrADateChangedWithTheWordingIsAMove() throws {
        let last = try built()
        let timed = try built(Self.events.replacingOccurrences(of: "date: 2021-01-03,", with: "date: 2021-01-03, time: \"10:00\","))
        #expect(moved(last, timed)?.events == 2...2)
        // Known only to the month, it sorts after the month's days.
        let retitled = try built(Self.events.replacingOccurrences(of: "date: 2021-01-03, title: C", with: "date: 2021-01, title: C2"))
        #expect(retitled.graph.events.map(\.id) == ["a", "b", "d", "e", "c"])
        #expect(moved(last, retitled)?.events == 2...4)
    }

    @Test func aQuoteMovedIsAStretchOfTheQuotes() throws {
        let quotes = Self.quotes + """
        - {id: r, text: R, speaker: aws, date: 2021-01-03, sources: [news]}
        - {id: s, text: S, speaker: aws, date: 2021-01-04, sources: [news]}

        """
        let last = try built(quotes: quotes)
        let later = try built(quotes: quotes.replacingOccurrences(of: "date: 2021-01-02", with: "date: 2021-01-05"))
        #expect(later.graph.quotes.map(\.id) == ["r", "s", "q"])
        #expect(moved(last, later).map { [$0.events, $0.quotes] } == [nil, 0...2])
        let both = try built(Self.events.replacingOccurrences(of: "2021-01-02", with: "2021-01-04"),
                             quotes: quotes.replacingOccurrences(of: "text: S", with: "text: S2"))
        #expect(moved(last, both).map { [$0.events, $0.quotes] } == [1...2, 2...2], "an event moved and a quote reworded")
    }

    @Test func moreThanMovesIsNotAMove() throws {
        let last = try built()
        let relinked = Self.events.replacingOccurrences(of: "title: B, sources", with: "title: B, parties: [aws], sources")
        #expect(moved(last, try built(relinked)) == nil, "an event's parties changed")
        let added = Self.events + "\n- {id: f, date: 2021-01-06, title: F, sources: [news]}\n"
        #expect(moved(last, try built(added)) == nil, "an event added")
        let respoken = Self.quotes.replacingOccurrences(of: "speaker: parler", with: "speaker: aws")
        #expect(moved(last, try built(quotes: respoken)) == nil, "a quote's speaker changed")
        let both = Self.events.replacingOccurrences(of: "2021-01-02", with: "2021-01-04")
        #expect(moved(last, try built(both, quotes: respoken)) == nil, "an event moved and a quote's speaker changed")
        let latest = try built(Self.events.replacingOccurrences(of: "2021-01-02", with: "2021-01-20"))
        #expect(moved(last, latest) != nil && byPlaces(last, latest) == nil, "the footer's latest date changed")
    }

    /// A `casebook build` process finds the graph's items by their index in the content, which counts no draft when
    /// the graph leaves drafts out: a draft before the moved event shifts every index after it.
    @Test func draftsLeftOutOfTheGraphDoNotShiftThePlaces() throws {
        let events = "- {id: z, date: 2021-01-01, title: Z, draft: true, sources: [news]}\n" + Self.events
        func places(_ built: Built, drafts: Bool) throws -> (SiteGraph, PlacedItems) {
            let graph = SiteGraph(content: drafts ? built.content : built.content.withoutDrafts(), urls: try URLBuilder(baseURL: "/"))
            return (graph, try #require(PlacedItems(graph, content: built.content, shape: ContentShape(built.content), drafts: drafts)))
        }
        let last = try built(events), later = try built(events.replacingOccurrences(of: "2021-01-02", with: "2021-01-04"))
        for drafts in [false, true] {
            let (old, (graph, new)) = (try places(last, drafts: drafts).1, try places(later, drafts: drafts))
            #expect(old.events.count == (drafts ? 6 : 5) && new.events.count == old.events.count)
            #expect(MovedItems(since: ContentShape(last.content), old, to: graph, content: later.content,
                               shape: ContentShape(later.content), drafts: drafts)?.events == (drafts ? 2...3 : 1...2))
        }
    }
}
