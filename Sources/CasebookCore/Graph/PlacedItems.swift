/// What a build's graph held at each place, as digests: one per event and per quote of the item there (its structure
/// and wording together), and one of what the order decides besides the pages that read the places (`chrome`). Kept
/// with the page ledger, so that a new `casebook build` process can tell where a date edit moved items, as a
/// long-lived process tells it from its last graph (`MovedItems`).
struct PlacedItems: Equatable, Sendable {
    let events: [PageDigest]
    let quotes: [PageDigest]
    /// The footer's latest date and the topics' labels and slugs, which the first and last items decide.
    let chrome: PageDigest

    init(events: [PageDigest], quotes: [PageDigest], chrome: PageDigest) {
        (self.events, self.quotes, self.chrome) = (events, quotes, chrome)
    }

    /// The places of `graph`, made from `content` (as loaded: drafts in it, left out of the graph unless `drafts`),
    /// whose items `shape` digests one by one; nil when the shape has no digest for each item.
    init?(_ graph: SiteGraph, content: SiteContent, shape: ContentShape, drafts: Bool) {
        guard shape.eventStructure.count == content.events.count, shape.eventWording.count == content.events.count,
              shape.quoteStructure.count == content.quotes.count, shape.quoteWording.count == content.quotes.count
        else { return nil }
        let publishedEvents = drafts ? nil : Self.published(content.events) { $0.pointee.draft }
        let publishedQuotes = drafts ? nil : Self.published(content.quotes) { $0.pointee.draft }
        guard (publishedEvents?.count ?? content.events.count) == graph.eventOrder.count,
              (publishedQuotes?.count ?? content.quotes.count) == graph.quoteOrder.count
        else { return nil }
        events = Self.places(graph.eventOrder, of: publishedEvents, structure: shape.eventStructure, wording: shape.eventWording)
        quotes = Self.places(graph.quoteOrder, of: publishedQuotes, structure: shape.quoteStructure, wording: shape.quoteWording)
        var state = DigestState()
        state.add(graph.latestDate?.description ?? "")
        for topic in graph.topics {
            state.add(topic.label)
            state.add(topic.slug)
        }
        chrome = state.digest
    }

    /// The indexes of the items that are not drafts, when some are (the graph's order counts only those); nil when
    /// none is.
    private static func published<Item>(_ items: [Item], isDraft: (UnsafePointer<Item>) -> Bool) -> [Int]? {
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.indices.contains(where: { isDraft(base + $0) }) else { return nil }
            return buffer.indices.filter { !isDraft(base + $0) }
        }
    }

    private static func places(_ order: [Int], of published: [Int]?, structure: [PageDigest], wording: [PageDigest]) -> [PageDigest] {
        order.map { index in
            let item = published?[index] ?? index
            var state = DigestState()
            state.add(structure[item])
            state.add(wording[item])
            return state.digest
        }
    }
}
