/// The items a prose edit reworded (see `ProseEdit`), or the places a date edit moved items in, by index in the graph's
/// list of each kind, in order: whose views, cards and data pieces are made again, and the pages that read them.
struct EditedItems: Sendable, Equatable {
    var events: [Int] = []
    var quotes: [Int] = []
    var cases: [Int] = []
    var parties: [Int] = []
    var sources: [Int] = []
    var pages: [Int] = []
    /// Whether the events and quotes are every place of the stretches where a date edit moved them (`MovedItems`):
    /// the calendar's head, which names the years of the events with a time, is then made again too.
    var moved = false

    /// The same items by id, as an edit is found before there is a graph to place them in.
    struct IDs: Sendable, Equatable {
        var events: Set<String> = []
        var quotes: Set<String> = []
        var cases: Set<String> = []
        var parties: Set<String> = []
        var sources: Set<String> = []
        var pages: Set<String> = []
    }

    init(events: [Int] = [], quotes: [Int] = [], cases: [Int] = [], parties: [Int] = [], sources: [Int] = [], pages: [Int] = []) {
        (self.events, self.quotes, self.cases, self.parties, self.sources, self.pages) = (events, quotes, cases, parties, sources, pages)
    }

    /// Every place of the stretches where items `moved`, as items edited there.
    init(moved: MovedItems) {
        events = moved.events.map(Array.init) ?? []
        quotes = moved.quotes.map(Array.init) ?? []
        self.moved = true
    }

    /// The items of `graph` with these ids, events and quotes looked up in their indexes by id when given; drafts
    /// left out of the graph have none.
    init(_ ids: IDs, in graph: SiteGraph, eventIndex: [String: Int]? = nil, quoteIndex: [String: Int]? = nil) {
        func placed(_ count: Int, _ ids: Set<String>, _ index: [String: Int]?, _ id: (Int) -> String) -> [Int] {
            if let index { return ids.compactMap { index[$0] }.sorted() }
            return ids.isEmpty ? [] : (0..<count).filter { ids.contains(id($0)) }
        }
        // Each id read where its item lies: a copy of each of 10,000 events, retaining every string in it, was 4 ms of
        // a one-event rebuild's critical path.
        events = placed(graph.events.count, ids.events, eventIndex) { graph.events.withElement(at: $0) { $0.pointee.id } }
        quotes = placed(graph.quotes.count, ids.quotes, quoteIndex) { graph.quotes.withElement(at: $0) { $0.pointee.id } }
        cases = placed(graph.cases.count, ids.cases, nil) { graph.cases[$0].id }
        parties = placed(graph.parties.count, ids.parties, nil) { graph.parties[$0].id }
        sources = placed(graph.sources.count, ids.sources, nil) { graph.sources[$0].id }
        pages = placed(graph.pages.count, ids.pages, nil) { graph.pages[$0].id }
    }

    /// The cases, parties, sources and pages, numbered as `ReadLog` notes their reads.
    var documents: [Int32] {
        cases.map { ReadLog.document(.legalCase, $0) } + parties.map { ReadLog.document(.party, $0) }
            + sources.map { ReadLog.document(.source, $0) } + pages.map { ReadLog.document(.page, $0) }
    }

    /// Whether a case, party, source or page is among them: then the downloads of cases, parties and sources and the
    /// search index's entries for them and pages are made again.
    var hasDocuments: Bool { !(cases.isEmpty && parties.isEmpty && sources.isEmpty && pages.isEmpty) }
}
