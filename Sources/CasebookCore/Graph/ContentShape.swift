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
        content.events.withUnsafeBufferPointer { events in
            writer.write(UInt64(events.count))
            events.baseAddress.map { base in events.indices.forEach { TimelineEvent.writeStructure(of: base + $0, to: &writer) } }
        }
        content.quotes.withUnsafeBufferPointer { quotes in
            writer.write(UInt64(quotes.count))
            quotes.baseAddress.map { base in quotes.indices.forEach { Quote.writeStructure(of: base + $0, to: &writer) } }
        }
        structure = Self.digest(&writer)
        eventWording = content.events.withUnsafeBufferPointer { events in
            events.baseAddress.map { base in
                events.indices.map { index in
                    TimelineEvent.writeWording(of: base + index, to: &writer)
                    return Self.digest(&writer)
                }
            } ?? []
        }
        quoteWording = content.quotes.withUnsafeBufferPointer { quotes in
            quotes.baseAddress.map { base in
                quotes.indices.map { index in
                    Quote.writeWording(of: base + index, to: &writer)
                    return Self.digest(&writer)
                }
            } ?? []
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
