/// How a new graph differs from the last build's when only events moved within one stretch of the timeline, or quotes
/// within one stretch of their order (a date or time changed, their wording with it or not), and nothing else changed:
/// outside each stretch each place holds the same item as before, saying the same, and inside it are the same items,
/// with the same links, in another order. Every list of events or quotes by case, party, source, speaker or topic then
/// differs only where it holds those places and is as long as it was, so a page job that read no item in either
/// stretch (neither its view nor its place, see `ReadLog`) makes the page it made.
struct MovedItems: Sendable {
    /// From the first place whose event differs to the last; nil when every event is where it was.
    let events: ClosedRange<Int>?
    /// The same for quotes.
    let quotes: ClosedRange<Int>?

    /// Nil when nothing moved or more than items' places and wording changed. `kept` (made only when the settings,
    /// cases, parties and sources are the last build's) tells, for each event and quote of `graph`, the place of the
    /// one of `last` with its id when the two say the same, dates and links included.
    init?(from last: SiteGraph, to graph: SiteGraph, kept: KeptViews) {
        // A topic is labelled as its first quote spells it: that quote may be another after a move.
        guard last.events.count == graph.events.count, last.quotes.count == graph.quotes.count, last.pages == graph.pages,
              last.topics.map(\.label) == graph.topics.map(\.label), last.topics.map(\.slug) == graph.topics.map(\.slug)
        else { return nil }
        events = Self.stretch(kept.events.count) { kept.events[$0] == $0 }
        quotes = Self.stretch(kept.quotes.count) { kept.quotes[$0] == $0 }
        guard events != nil || quotes != nil,
              Self.sameItems(in: events, last.events, graph.events, id: \.id, sameLinks: { $0.hasLinks(of: $1) }),
              Self.sameItems(in: quotes, last.quotes, graph.quotes, id: \.id, sameLinks: { $0.hasLinks(of: $1) })
        else { return nil }
    }

    /// The same for a `casebook build` process, from the `old` shape and `last` places of the build that left the page
    /// ledger: nil unless the content is that build's but for its items' places and wording (the same settings,
    /// documents and links of each item), when nothing moved, or when the footer's date or a topic's label changed.
    /// Outside each stretch each place then holds the same item saying the same, and inside it the others.
    init?(since old: ContentShape, _ last: PlacedItems, to graph: SiteGraph, content: SiteContent, shape: ContentShape, drafts: Bool) {
        guard shape.frame == old.frame, shape.links == old.links, shape.documentWording == old.documentWording,
              let new = PlacedItems(graph, content: content, shape: shape, drafts: drafts),
              last.events.count == new.events.count, last.quotes.count == new.quotes.count, last.chrome == new.chrome
        else { return nil }
        events = Self.stretch(new.events.count) { last.events[$0] == new.events[$0] }
        quotes = Self.stretch(new.quotes.count) { last.quotes[$0] == new.quotes[$0] }
        guard events != nil || quotes != nil else { return nil }
    }

    /// The places from the first to the last whose item is not the one kept from the same place.
    private static func stretch(_ count: Int, _ isKept: (Int) -> Bool) -> ClosedRange<Int>? {
        guard let first = (0..<count).first(where: { !isKept($0) }), let last = (0..<count).last(where: { !isKept($0) }) else { return nil }
        return first...last
    }

    /// Whether the places hold the same items in both lists, each with the links it had.
    private static func sameItems<Item>(in places: ClosedRange<Int>?, _ last: ChunkedList<Item>, _ new: ChunkedList<Item>,
                                        id: (Item) -> String, sameLinks: (Item, Item) -> Bool) -> Bool {
        guard let places else { return true }
        var before: [String: Int] = [:]
        for place in places { before[id(last[place])] = place }
        return before.count == places.count
            && places.allSatisfy { place in before[id(new[place])].map { sameLinks(last[$0], new[place]) } ?? false }
    }
}
