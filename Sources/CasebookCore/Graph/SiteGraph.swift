import Foundation

/// The validated content with every cross-reference resolved and every index built once, in display
/// order: what each page needs is a lookup here, never a search over all items.
public struct SiteGraph: Sendable {
    public let config: SiteConfig
    public let urls: URLBuilder
    /// By filing date, then title.
    public private(set) var cases: [LegalCase]
    /// By name.
    public private(set) var parties: [Party]
    /// By publication date, then title.
    public private(set) var sources: [Source]
    /// Oldest first (see `TimelineOrder`). A page job's reads are noted as the places it read (see `MovedItems`).
    public private(set) var events: ChunkedList<TimelineEvent>
    /// Oldest first, then by speaker name; reads noted as the events' are.
    public private(set) var quotes: ChunkedList<Quote>
    /// The index in the content the graph was made from (drafts left out unless built with them) of the event and
    /// the quote at each place.
    let eventOrder: [Int]
    let quoteOrder: [Int]
    /// By nav order, then title.
    public private(set) var pages: [Page]
    /// By label, case-insensitively.
    public let topics: [Topic]
    /// The slug of each topic as the quotes write it.
    let topicSlugs: [String: String]

    public private(set) var caseByID: [String: LegalCase]
    public private(set) var partyByID: [String: Party]
    public private(set) var sourceByID: [String: Source]

    /// Indexes into `events`, in timeline order.
    public let eventsByCase: [String: [Int]]
    public let eventsByParty: [String: [Int]]
    public let eventsBySource: [String: [Int]]
    /// Indexes into `quotes`, in date order.
    public let quotesBySpeaker: [String: [Int]]
    public let quotesMentioning: [String: [Int]]
    public let quotesByCase: [String: [Int]]
    public let quotesBySource: [String: [Int]]
    /// For each party id, the cases it appears in with its role there.
    public let rolesByParty: [String: [(caseID: String, role: String)]]

    /// The quotes and parties the quotes' order and indexes were made from, with them, for the next graph to take when
    /// its quotes and parties are the same.
    private let quoteIndexes: (quotes: [Quote], parties: [Party], made: QuoteIndexes)

    /// A topic of quotes, from the free-text `topics` field; spellings that make the same slug are one topic.
    public struct Topic: Sendable {
        public let slug: String
        public let label: String
        public let quotes: [Int]
    }

    /// With `last`, the graph of a build before, whose quotes' order and indexes are taken if made from the same
    /// quotes and parties (after a date edit of a long-lived process's, making them was a quarter of this stage).
    public init(content: SiteContent, urls: URLBuilder, last: SiteGraph? = nil) {
        config = content.config
        self.urls = urls
        let partyByID = Dictionary(content.parties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The quotes' order and indexes are made on another core while the events' are: this stage ran on one
        // core, a twelfth of a one-event rebuild at N=10,000.
        let quoteIndexes = last.flatMap { last in
            Self.sameBytes(last.quoteIndexes.quotes, content.quotes) && last.quoteIndexes.parties == content.parties
                ? Pending.whenAsked { [made = last.quoteIndexes.made] in made } : nil
        } ?? Pending { QuoteIndexes(content.quotes, partyByID: partyByID) }
        cases = content.cases.sorted { ($0.filed ?? PartialDate(year: 9999), $0.title) < ($1.filed ?? PartialDate(year: 9999), $1.title) }
        let partyNames = content.parties.map { $0.name.lowercased() }
        parties = content.parties.indices.sorted { (partyNames[$0], content.parties[$0].id) < (partyNames[$1], content.parties[$1].id) }
            .map { content.parties[$0] }
        sources = content.sources.sorted { ($0.published, $0.title) < ($1.published, $1.title) }
        pages = content.pages.sorted { ($0.navOrder ?? Int.max, $0.title) < ($1.navOrder ?? Int.max, $1.title) }
        let order = TimelineOrder(siteTimeZone: content.config.timezone).order(of: content.events)
        events = ChunkedList(content.events, order: order, noting: .placedEvent)
        eventOrder = order
        self.partyByID = partyByID
        caseByID = Dictionary(content.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sourceByID = Dictionary(content.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var eventsByCase: [String: [Int]] = [:], eventsByParty: [String: [Int]] = [:], eventsBySource: [String: [Int]] = [:]
        // Each event's fields are read where it lies in the content (see `ContentShape.init`).
        content.events.withUnsafeBufferPointer { events in
            for (index, original) in order.enumerated() {
                for reference in events[original].cases { eventsByCase.append(index, under: reference.id) }
                for reference in events[original].parties { eventsByParty.append(index, under: reference.id) }
                for citation in events[original].sources { eventsBySource.append(index, under: citation.source.id) }
            }
        }
        var roles: [String: [(caseID: String, role: String)]] = [:]
        for legalCase in cases {
            for role in legalCase.roles {
                for party in role.parties { roles[party.id, default: []].append((legalCase.id, role.name)) }
            }
        }
        self.eventsByCase = eventsByCase
        self.eventsByParty = eventsByParty
        self.eventsBySource = eventsBySource
        rolesByParty = roles
        let quoted = quoteIndexes.value
        self.quoteIndexes = (content.quotes, content.parties, quoted)
        quotes = ChunkedList(content.quotes, order: quoted.order, noting: .placedQuote)
        quoteOrder = quoted.order
        quotesBySpeaker = quoted.bySpeaker
        quotesMentioning = quoted.mentioning
        quotesByCase = quoted.byCase
        quotesBySource = quoted.bySource
        topics = quoted.topics
        topicSlugs = quoted.topicSlugs
    }

    /// The latest date of an event or of a source's publication or update: when the site was last updated, in every
    /// page's footer. Events' dates are read where they lie: copying each event was most of it.
    var latestDate: PartialDate? {
        let eventDates = events.indices.map { events.withElement(at: $0) { $0.pointee.date } }
        return (sources.map { $0.updated ?? $0.published } + eventDates).max()
    }

    /// Whether two lists hold the same bytes: the same items, as the loader keeps them from an unchanged file.
    private static func sameBytes<Item>(_ old: [Item], _ new: [Item]) -> Bool {
        old.count == new.count && old.withUnsafeBytes { old in
            new.withUnsafeBytes { new in
                guard let oldBase = old.baseAddress, let newBase = new.baseAddress else { return true }
                return memcmp(oldBase, newBase, new.count) == 0
            }
        }
    }

    /// The same graph with some items replaced by edited ones that keep every order and index as it was (see
    /// `ProseEdit`): events and quotes by index, cases, parties, sources and pages by id (drafts left out of it stay
    /// out).
    func replacing(events: [Int: TimelineEvent], quotes: [Int: Quote], cases: [String: LegalCase] = [:],
                   parties: [String: Party] = [:], sources: [String: Source] = [:], pages: [String: Page] = [:]) -> SiteGraph {
        var copy = self
        copy.events = self.events.replacing(events)
        copy.quotes = self.quotes.replacing(quotes)
        (copy.cases, copy.caseByID) = Self.replacing(self.cases, caseByID, with: cases)
        (copy.parties, copy.partyByID) = Self.replacing(self.parties, partyByID, with: parties)
        (copy.sources, copy.sourceByID) = Self.replacing(self.sources, sourceByID, with: sources)
        copy.pages = pages.isEmpty ? self.pages : self.pages.map { pages[$0.id] ?? $0 }
        return copy
    }

    private static func replacing<Document: ProseDocument>(_ list: [Document], _ byID: [String: Document],
                                                           with edited: [String: Document]) -> ([Document], [String: Document]) {
        let placed = edited.filter { byID[$0.key] != nil }
        guard !placed.isEmpty else { return (list, byID) }
        return (list.map { placed[$0.id] ?? $0 }, byID.merging(placed) { _, new in new })
    }
}
