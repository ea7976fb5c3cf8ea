/// The content as digests of what `ProseEdit` tells apart: one of its structure (configuration, the front matter of
/// cases, parties, sources and pages, and each event's and quote's ids, dates, links and tags), one per event and
/// quote of what it says, and one per case, party, source and page of its body's text. Kept on disk with a
/// build's page ledger, so that a new process (`casebook build`) can tell a prose edit without the last build's
/// content, which only a long-lived process keeps.
struct ContentShape: Equatable, Sendable {
    let structure: PageDigest
    /// Index by index with the content's events and quotes.
    let eventWording: [PageDigest]
    let quoteWording: [PageDigest]
    /// The cases', the parties', the sources', then the pages' bodies, in the content's order.
    let documentWording: [PageDigest]

    init(structure: PageDigest, eventWording: [PageDigest], quoteWording: [PageDigest], documentWording: [PageDigest]) {
        self.structure = structure
        self.eventWording = eventWording
        self.quoteWording = quoteWording
        self.documentWording = documentWording
    }

    init(_ content: SiteContent) {
        var writer = BinaryWriter()
        // Reflection names every field of the configuration, one added later included.
        writer.write(String(reflecting: content.config))
        writer.write(content.cases) { $0.write($1.withoutBodyText) }
        writer.write(content.parties) { $0.write($1.withoutBodyText) }
        writer.write(content.sources) { $0.write($1.withoutBodyText) }
        writer.write(content.pages) { $0.write($1.withoutBodyText) }
        // Each event and quote is read where it lies in the list's storage: handed to a closure, a method or a `for`
        // loop, each was copied first, which retains every string in it (a third of this shape's time).
        Self.write(content.events, TimelineEvent.writeStructure(of:to:), to: &writer)
        Self.write(content.quotes, Quote.writeStructure(of:to:), to: &writer)
        structure = Self.digest(&writer)
        eventWording = Self.digests(content.events, TimelineEvent.writeWording(of:to:), &writer)
        quoteWording = Self.digests(content.quotes, Quote.writeWording(of:to:), &writer)
        documentWording = Self.bodies(content.cases, &writer) + Self.bodies(content.parties, &writer)
            + Self.bodies(content.sources, &writer) + Self.bodies(content.pages, &writer)
    }

    private static func bodies(_ documents: [some ProseDocument], _ writer: inout BinaryWriter) -> [PageDigest] {
        documents.map { document in
            writer.write(document.body.text)
            return digest(&writer)
        }
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
