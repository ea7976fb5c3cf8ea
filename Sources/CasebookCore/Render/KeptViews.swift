import Foundation

/// Which of the last build's event and quote views a long-lived process's next build keeps, by index in each graph,
/// after an edit that is more than prose (a date changed, an item added or removed) but leaves the site's settings and
/// documents alone: an item that says the same keeps its view wherever it now stands, and with it the view's digest,
/// card and data files' pieces. Making and digesting all 20,000 views again was a sixth of such a rebuild at N=10,000.
struct KeptViews: Sendable {
    /// For each event of the new graph, its index in the last build's graph when its view is kept.
    let events: [Int?]
    let quotes: [Int?]
    /// How many events and quotes the last build's graph has.
    let lastEventCount: Int
    let lastQuoteCount: Int

    /// Nil when a view may read something that changed: the settings, a case, party or source (their names and
    /// links are in event and quote views), or a topic's slug.
    init?(from last: LastBuild, to content: SiteContent, graph: SiteGraph) {
        self.init(from: last.graph, last.content, eventIndex: last.eventIndex, quoteIndex: last.quoteIndex, to: content, graph: graph)
    }

    /// The same from the last build's graph and content, and its events' and quotes' indexes by id.
    init?(from lastGraph: SiteGraph, _ lastContent: SiteContent, eventIndex: [String: Int], quoteIndex: [String: Int],
          to content: SiteContent, graph: SiteGraph) {
        guard lastContent.config == content.config, lastContent.cases == content.cases, lastContent.parties == content.parties,
              lastContent.sources == content.sources, lastGraph.urls == graph.urls
        else { return nil }
        events = Self.kept(graph.events, lastGraph.events, eventIndex) { $0.pointee.id } same: { $0.pointee.saysTheSame(as: $1.pointee) }
        quotes = lastGraph.topicSlugs == graph.topicSlugs
            ? Self.kept(graph.quotes, lastGraph.quotes, quoteIndex) { $0.pointee.id } same: { $0.pointee.saysTheSame(as: $1.pointee) }
            : Array(repeating: nil, count: graph.quotes.count)
        lastEventCount = lastGraph.events.count
        lastQuoteCount = lastGraph.quotes.count
    }

    /// For each new item, the index of the old one with its id when the two say the same, a slice of items to a core.
    /// Items read where they lie: an item the loader kept from the last load has the same bytes as the old one and is
    /// not compared field by field.
    private static func kept<Item: Sendable>(_ new: ChunkedList<Item>, _ old: ChunkedList<Item>, _ oldIndex: [String: Int],
                                             id: @Sendable (UnsafePointer<Item>) -> String,
                                             same: @Sendable (UnsafePointer<Item>, UnsafePointer<Item>) -> Bool) -> [Int?] {
        let slice = 1024
        return Array(stride(from: 0, to: new.count, by: slice)).parallelMap { start in
            (start..<min(start + slice, new.count)).map { index in
                new.withElement(at: index) { item in
                    guard let previous = oldIndex[id(item)] else { return nil }
                    let isSame = old.withElement(at: previous) { oldItem in
                        memcmp(oldItem, item, MemoryLayout<Item>.size) == 0 || same(oldItem, item)
                    }
                    return isSame ? previous : nil
                }
            }
        }.flatMap { $0 }
    }

    /// How many views are kept.
    var count: Int { events.lazy.filter { $0 != nil }.count + quotes.lazy.filter { $0 != nil }.count }
}
