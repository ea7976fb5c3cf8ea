/// The content as digests of what `ProseEdit` tells apart: one of its structure (configuration, the front matter of
/// cases, parties, sources and pages, and each event's and quote's ids, dates, links and tags), one per event and
/// quote of what it says, and one per case, party, source and page of its body's text; and the structure in two parts
/// that a date edit leaves as they were (`frame`, `links`). Kept on disk with a build's page ledger, so that a new
/// process (`casebook build`) can tell a prose or date edit without the last build's content, which only a
/// long-lived process keeps.
struct ContentShape: Equatable, Sendable {
    let structure: PageDigest
    /// The structure but for the events and quotes: the configuration and the documents' front matter.
    let frame: PageDigest
    /// The events' and quotes' links (`hasLinks(of:)`), in the content's order: the structure but for the frame and
    /// the items' places, which a date edit alone leaves as they were (see `PlacedItems`).
    let links: PageDigest
    /// Index by index with the content's events and quotes.
    let eventWording: [PageDigest]
    let quoteWording: [PageDigest]
    /// The cases', the parties', the sources', then the pages' bodies, in the content's order.
    let documentWording: [PageDigest]
    /// Each event's and quote's structure, index by index; empty in a shape read from a ledger, which keeps each
    /// place's item instead (`PlacedItems`).
    let eventStructure: [PageDigest]
    let quoteStructure: [PageDigest]

    init(structure: PageDigest, frame: PageDigest, links: PageDigest, eventWording: [PageDigest], quoteWording: [PageDigest],
         documentWording: [PageDigest]) {
        (self.structure, self.frame, self.links) = (structure, frame, links)
        self.eventWording = eventWording
        self.quoteWording = quoteWording
        self.documentWording = documentWording
        (eventStructure, quoteStructure) = ([], [])
    }

    /// What the shape keeps of one event or quote: digests of its structure, of its links alone and of its wording,
    /// each of the item alone. The loader takes them as it parses a piece and keeps them with the piece, so that a
    /// rebuild after one edit digests the edited piece's items, not all 20,000 (30 ms of a one-event rebuild's CPU at
    /// N=10,000 in its profile).
    struct Item: Equatable, Sendable {
        let structure: PageDigest
        let links: PageDigest
        let wording: PageDigest
    }

    /// The shape of `content`, with its events' and quotes' digests taken from `events` and `quotes` when they
    /// are given, one for each item in order (`ContentLoader.Loaded`), and made here otherwise.
    init(_ content: SiteContent, events: [Item]? = nil, quotes: [Item]? = nil) {
        let events = events.flatMap { $0.count == content.events.count ? $0 : nil } ?? Self.items(content.events)
        let quotes = quotes.flatMap { $0.count == content.quotes.count ? $0 : nil } ?? Self.items(content.quotes)
        var writer = BinaryWriter()
        // Reflection names every field of the configuration, one added later included.
        writer.write(String(reflecting: content.config))
        writer.write(content.cases) { $0.write($1.withoutBodyText) }
        writer.write(content.parties) { $0.write($1.withoutBodyText) }
        writer.write(content.sources) { $0.write($1.withoutBodyText) }
        writer.write(content.pages) { $0.write($1.withoutBodyText) }
        frame = Self.digest(&writer)
        writer.write(frame)
        for items in [events, quotes] {
            writer.write(items) { writer, item in writer.write(item.structure) }
        }
        structure = Self.digest(&writer)
        for items in [events, quotes] {
            writer.write(items) { writer, item in writer.write(item.links) }
        }
        links = Self.digest(&writer)
        eventWording = events.map(\.wording)
        quoteWording = quotes.map(\.wording)
        eventStructure = events.map(\.structure)
        quoteStructure = quotes.map(\.structure)
        documentWording = Self.bodies(content.cases, &writer) + Self.bodies(content.parties, &writer)
            + Self.bodies(content.sources, &writer) + Self.bodies(content.pages, &writer)
    }

    /// The digests of each of `items`, in order.
    static func items<Shaped: ShapedItem>(_ items: [Shaped]) -> [Item] {
        var writer = BinaryWriter()
        // Each item is read where it lies in the list's storage: handed to a closure, a method or a `for` loop, each
        // was copied first, which retains every string in it (a third of this shape's time).
        return items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return buffer.indices.map { index in
                Shaped.writeLinks(of: base + index, to: &writer)
                let links = digest(&writer)
                writer.write(links)
                Shaped.writePlacement(of: base + index, to: &writer)
                let structure = digest(&writer)
                Shaped.writeWording(of: base + index, to: &writer)
                return Item(structure: structure, links: links, wording: digest(&writer))
            }
        }
    }

    private static func bodies(_ documents: [some ProseDocument], _ writer: inout BinaryWriter) -> [PageDigest] {
        documents.map { document in
            writer.writeText(of: document.body)
            return digest(&writer)
        }
    }

    /// The ids of the items of `content` (this shape's) that say something else than in `old`; nil when more than
    /// prose changed.
    func reworded(since old: ContentShape, in content: SiteContent) -> EditedItems.IDs? {
        guard structure == old.structure, eventWording.count == old.eventWording.count,
              quoteWording.count == old.quoteWording.count, documentWording.count == old.documentWording.count,
              eventWording.count == content.events.count, quoteWording.count == content.quotes.count,
              documentWording.count == content.cases.count + content.parties.count + content.sources.count + content.pages.count
        else { return nil }
        func changed(_ new: [PageDigest], _ old: [PageDigest], from start: Int = 0, count: Int, id: (Int) -> String) -> Set<String> {
            Set((0..<count).filter { new[start + $0] != old[start + $0] }.map(id))
        }
        let parties = content.cases.count, sources = parties + content.parties.count, pages = sources + content.sources.count
        return EditedItems.IDs(
            events: changed(eventWording, old.eventWording, count: content.events.count) { content.events[$0].id },
            quotes: changed(quoteWording, old.quoteWording, count: content.quotes.count) { content.quotes[$0].id },
            cases: changed(documentWording, old.documentWording, count: content.cases.count) { content.cases[$0].id },
            parties: changed(documentWording, old.documentWording, from: parties, count: content.parties.count) { content.parties[$0].id },
            sources: changed(documentWording, old.documentWording, from: sources, count: content.sources.count) { content.sources[$0].id },
            pages: changed(documentWording, old.documentWording, from: pages, count: content.pages.count) { content.pages[$0].id })
    }

    private static func digest(_ writer: inout BinaryWriter) -> PageDigest {
        var state = DigestState()
        _ = writer.drain { bytes in
            state.add(bytes)
            return true
        }
        return state.digest
    }
}

/// An event or a quote, as `ContentShape` digests it: what the graph's orders and indexes read of it (its structure:
/// its links, then its placement), and what else it says (its wording).
protocol ShapedItem {
    static func writeLinks(of item: UnsafePointer<Self>, to writer: inout BinaryWriter)
    static func writePlacement(of item: UnsafePointer<Self>, to writer: inout BinaryWriter)
    static func writeWording(of item: UnsafePointer<Self>, to writer: inout BinaryWriter)
}

extension TimelineEvent: ShapedItem {}
extension Quote: ShapedItem {}
