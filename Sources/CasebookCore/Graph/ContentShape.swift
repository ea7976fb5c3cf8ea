/// The content as digests of what `ProseEdit` tells apart: one of its structure (configuration, documents, and each
/// event's and quote's ids, dates, links and tags) and one per event and quote of what it says. Kept on disk with a
/// build's page ledger, so that a new process (`casebook build`) can tell a prose edit without the last build's
/// content, which only a long-lived process keeps.
struct ContentShape: Equatable, Sendable {
    let structure: PageDigest
    /// Index by index with the content's events and quotes.
    let eventWording: [PageDigest]
    let quoteWording: [PageDigest]

    init(structure: PageDigest, eventWording: [PageDigest], quoteWording: [PageDigest]) {
        self.structure = structure
        self.eventWording = eventWording
        self.quoteWording = quoteWording
    }

    init(_ content: SiteContent) {
        var writer = BinaryWriter()
        // Reflection names every field of the configuration, one added later included.
        writer.write(String(reflecting: content.config))
        writer.write(content.cases) { $0.write($1) }
        writer.write(content.parties) { $0.write($1) }
        writer.write(content.sources) { $0.write($1) }
        writer.write(content.pages) { $0.write($1) }
        // Each event and quote is read where it lies in the list's storage: handed to a closure, a method or a `for`
        // loop, each was copied first, which retains every string in it (a third of this shape's time).
        Self.write(content.events, TimelineEvent.writeStructure(of:to:), to: &writer)
        Self.write(content.quotes, Quote.writeStructure(of:to:), to: &writer)
        structure = Self.digest(&writer)
        eventWording = Self.digests(content.events, TimelineEvent.writeWording(of:to:), &writer)
        quoteWording = Self.digests(content.quotes, Quote.writeWording(of:to:), &writer)
    }

    /// Writes the count of `items`, then what `write` writes of each, read where it lies.
    private static func write<Item>(_ items: [Item], _ write: (UnsafePointer<Item>, inout BinaryWriter) -> Void,
                                    to writer: inout BinaryWriter) {
        writer.write(UInt64(items.count))
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in buffer.indices { write(base + index, &writer) }
        }
    }

    /// The digest of what `write` writes of each item, read where it lies.
    private static func digests<Item>(_ items: [Item], _ write: (UnsafePointer<Item>, inout BinaryWriter) -> Void,
                                      _ writer: inout BinaryWriter) -> [PageDigest] {
        items.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return buffer.indices.map { index in
                write(base + index, &writer)
                return digest(&writer)
            }
        }
    }

    /// The ids of the events and quotes of `content` (this shape's) that say something else than in `old`; nil
    /// when more than prose changed.
    func reworded(since old: ContentShape, in content: SiteContent) -> (events: Set<String>, quotes: Set<String>)? {
        guard structure == old.structure, eventWording.count == old.eventWording.count,
              quoteWording.count == old.quoteWording.count, eventWording.count == content.events.count,
              quoteWording.count == content.quotes.count
        else { return nil }
        return (Set(eventWording.indices.filter { eventWording[$0] != old.eventWording[$0] }.map { content.events[$0].id }),
                Set(quoteWording.indices.filter { quoteWording[$0] != old.quoteWording[$0] }.map { content.quotes[$0].id }))
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
