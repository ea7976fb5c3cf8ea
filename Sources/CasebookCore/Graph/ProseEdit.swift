import Foundation

/// How a new load of the content differs from the last when only prose changed: what events and quotes say (titles,
/// summaries, quote text and context, citation locators and wording) and the Markdown bodies of cases, parties,
/// sources and pages. Every id, date, reference, tag and front matter field is as it was, so every order, index, page
/// and link of the site stays, and only the pages that show those items can change. Any other difference is not a
/// prose edit, and the site is built whole.
struct ProseEdit: Sendable {
    /// Events and quotes that differ at all (a line moved counts), to replace in the graph, by id.
    let replacedEvents: [String: TimelineEvent]
    let replacedQuotes: [String: Quote]
    /// Cases, parties, sources and pages whose bodies say something else, by id.
    let replacedCases: [String: LegalCase]
    let replacedParties: [String: Party]
    let replacedSources: [String: Source]
    let replacedPages: [String: Page]
    /// The ids of the items whose views may differ: what they say changed, not only where they are written.
    let reworded: EditedItems.IDs

    init?(from old: SiteContent, to new: SiteContent) {
        guard old.config == new.config, old.events.count == new.events.count, old.quotes.count == new.quotes.count,
              let cases = Self.reworded(old.cases, new.cases), let parties = Self.reworded(old.parties, new.parties),
              let sources = Self.reworded(old.sources, new.sources), let pages = Self.reworded(old.pages, new.pages)
        else { return nil }
        var events: [String: TimelineEvent] = [:], quotes: [String: Quote] = [:]
        var reworded = EditedItems.IDs(cases: Set(cases.keys), parties: Set(parties.keys), sources: Set(sources.keys),
                                       pages: Set(pages.keys))
        let eventsReworded = Self.eachDiffering(old.events, new.events) { index in
            let before = old.events[index], after = new.events[index]
            guard before.hasStructure(of: after) else { return false }
            events[after.id] = after
            if !before.saysTheSame(as: after) { reworded.events.insert(after.id) }
            return true
        }
        let quotesReworded = eventsReworded && Self.eachDiffering(old.quotes, new.quotes) { index in
            let before = old.quotes[index], after = new.quotes[index]
            guard before.hasStructure(of: after) else { return false }
            quotes[after.id] = after
            if !before.saysTheSame(as: after) { reworded.quotes.insert(after.id) }
            return true
        }
        guard quotesReworded else { return nil }
        replacedEvents = events
        replacedQuotes = quotes
        (replacedCases, replacedParties, replacedSources, replacedPages) = (cases, parties, sources, pages)
        self.reworded = reworded
    }

    /// The documents of `new` whose body's text differs from the one at the same place in `old`, by id; nil when any
    /// differs in more than that.
    private static func reworded<Document: ProseDocument>(_ old: [Document], _ new: [Document]) -> [String: Document]? {
        guard old.count == new.count else { return nil }
        var reworded: [String: Document] = [:]
        for (before, after) in zip(old, new) where before != after {
            guard before.withoutBodyText == after.withoutBodyText else { return nil }
            reworded[after.id] = after
        }
        return reworded
    }

    /// Hands `body` each index where two lists of the same length differ, in order, while it returns true; false when
    /// it stopped (at the first change of structure, so that a date edit is told from prose without comparing every
    /// item). An item whose bytes are those of the old one (the same strings and lists, as an item of a piece the
    /// loader reused has) is equal without comparing its fields: reading 20,000 items to compare them copied each one
    /// first. Bytes that differ, if only in padding (events' are not always copied), fall back to `==`.
    private static func eachDiffering<Item: Equatable>(_ old: [Item], _ new: [Item], _ body: (Int) -> Bool) -> Bool {
        let size = MemoryLayout<Item>.size, stride = MemoryLayout<Item>.stride
        return old.withUnsafeBytes { oldBytes in
            new.withUnsafeBytes { newBytes in
                guard let oldBase = oldBytes.baseAddress, let newBase = newBytes.baseAddress else { return true }
                return old.indices.allSatisfy { index in
                    memcmp(oldBase + index * stride, newBase + index * stride, size) == 0 || old[index] == new[index] || body(index)
                }
            }
        }
    }
}

extension TimelineEvent {
    /// Same id, place in the timeline, links to cases, parties and sources, tags and draft state: what the graph's
    /// orders and indexes, and the pages other than the event's own views, read of an event.
    func hasStructure(of other: TimelineEvent) -> Bool {
        date == other.date && time == other.time && timezone == other.timezone && hasLinks(of: other)
    }

    /// The structure but for the place in the timeline: what the graph's indexes read of an event besides its place.
    func hasLinks(of other: TimelineEvent) -> Bool {
        id == other.id && draft == other.draft && tags == other.tags && cases.map(\.id) == other.cases.map(\.id)
            && parties.map(\.id) == other.parties.map(\.id) && sources.map(\.source.id) == other.sources.map(\.source.id)
    }

    /// Equal but for where each part is written in its file.
    func saysTheSame(as other: TimelineEvent) -> Bool {
        hasStructure(of: other) && approximate == other.approximate && title.text == other.title.text
            && summary?.text == other.summary?.text && disputed?.text == other.disputed?.text
            && sources.map(\.wordingAndLocator) == other.sources.map(\.wordingAndLocator)
    }

    /// What `hasLinks(of:)` compares, for `ContentShape`'s digests: read through a pointer to where the event lies,
    /// as a method's `self` was a copy of it (see `ContentShape.init`).
    static func writeLinks(of event: UnsafePointer<TimelineEvent>, to writer: inout BinaryWriter) {
        writer.write(event.pointee.id)
        writer.write(event.pointee.draft)
        writer.write(event.pointee.tags) { $0.write($1) }
        writer.write(event.pointee.cases) { $0.write($1.id) }
        writer.write(event.pointee.parties) { $0.write($1.id) }
        writer.write(event.pointee.sources) { $0.write($1.source.id) }
    }

    /// What `hasStructure(of:)` compares besides the links: the event's place in the timeline.
    static func writePlacement(of event: UnsafePointer<TimelineEvent>, to writer: inout BinaryWriter) {
        writer.write(event.pointee.date)
        writer.write(event.pointee.time) { $0.write($1.description) }
        writer.write(event.pointee.timezone) { $0.write($1) }
    }

    /// What `saysTheSame(as:)` compares besides the structure, for `ContentShape`'s digests.
    static func writeWording(of event: UnsafePointer<TimelineEvent>, to writer: inout BinaryWriter) {
        writer.write(event.pointee.approximate)
        writer.writeText(of: event.pointee.title)
        writer.write(event.pointee.summary) { $0.writeText(of: $1) }
        writer.write(event.pointee.disputed) { $0.writeText(of: $1) }
        writer.write(event.pointee.sources) { $1.writeWordingAndLocator(to: &$0) }
    }
}

extension Quote {
    /// Same id, date, speaker, case, mentions, sources, topics and draft state: what the graph's orders and indexes
    /// read of a quote.
    func hasStructure(of other: Quote) -> Bool {
        date == other.date && hasLinks(of: other)
    }

    /// The structure but for the date: what the graph's indexes read of a quote besides its place.
    func hasLinks(of other: Quote) -> Bool {
        id == other.id && speaker.id == other.speaker.id && legalCase?.id == other.legalCase?.id && draft == other.draft
            && topics == other.topics && mentions.map(\.id) == other.mentions.map(\.id)
            && sources.map(\.source.id) == other.sources.map(\.source.id)
    }

    /// Equal but for where each part is written in its file.
    func saysTheSame(as other: Quote) -> Bool {
        hasStructure(of: other) && text == other.text && context?.text == other.context?.text
            && sources.map(\.wordingAndLocator) == other.sources.map(\.wordingAndLocator)
    }

    /// What `hasLinks(of:)` compares, for `ContentShape`'s digests.
    static func writeLinks(of quote: UnsafePointer<Quote>, to writer: inout BinaryWriter) {
        writer.write(quote.pointee.id)
        writer.write(quote.pointee.speaker.id)
        writer.write(quote.pointee.legalCase) { $0.write($1.id) }
        writer.write(quote.pointee.draft)
        writer.write(quote.pointee.topics) { $0.write($1) }
        writer.write(quote.pointee.mentions) { $0.write($1.id) }
        writer.write(quote.pointee.sources) { $0.write($1.source.id) }
    }

    /// What `hasStructure(of:)` compares besides the links: the quote's date.
    static func writePlacement(of quote: UnsafePointer<Quote>, to writer: inout BinaryWriter) {
        writer.write(quote.pointee.date)
    }

    /// What `saysTheSame(as:)` compares besides the structure, for `ContentShape`'s digests.
    static func writeWording(of quote: UnsafePointer<Quote>, to writer: inout BinaryWriter) {
        writer.write(kept: quote.pointee.quoted)
        writer.write(quote.pointee.context) { $0.writeText(of: $1) }
        writer.write(quote.pointee.sources) { $1.writeWordingAndLocator(to: &$0) }
    }
}

/// A case, party, source or page: its Markdown body is its prose, read only by its own views and downloads; the rest,
/// its front matter, is structure that other pages, the graph and the checks read.
protocol ProseDocument: Equatable {
    var id: String { get }
    var body: MarkdownSource { get set }
}

extension ProseDocument {
    /// The document with its body's text left out (its place kept: it moves only with the front matter).
    var withoutBodyText: Self {
        var copy = self
        copy.body = MarkdownSource("", at: body.location)
        return copy
    }
}

extension LegalCase: ProseDocument {}
extension Party: ProseDocument {}
extension Source: ProseDocument {}
extension Page: ProseDocument {}

private extension Citation {
    var wordingAndLocator: [String?] { [wording, locator] }

    func writeWordingAndLocator(to writer: inout BinaryWriter) {
        writer.write(wording) { $0.write($1) }
        writer.write(locator) { $0.write($1) }
    }
}
