/// The quotes in display order (by date, then speaker name) with their indexes by speaker, mention, case, source and
/// topic. Made apart from the events' order and indexes, which need nothing from them, so the two run on two cores.
struct QuoteIndexes: Sendable {
    /// The quotes in display order, as indexes into the unordered list they were made from.
    let order: [Int]
    let bySpeaker: [String: [Int]]
    let mentioning: [String: [Int]]
    let byCase: [String: [Int]]
    let bySource: [String: [Int]]
    let topics: [SiteGraph.Topic]
    /// Each topic as written, by its slug: a few hundred spellings among tens of thousands of mentions, and
    /// slugging folds Unicode through ICU.
    let topicSlugs: [String: String]

    init(_ unordered: [Quote], partyByID: [String: Party]) {
        // Each speaker's name looked up once, not twice per comparison.
        let (names, dates) = unordered.withUnsafeBufferPointer { quotes in
            (quotes.indices.map { partyByID[quotes[$0].speaker.id]?.name ?? "" }, quotes.indices.map { quotes[$0].date })
        }
        let order = unordered.indices.sorted { (dates[$0], names[$0], $0) < (dates[$1], names[$1], $1) }
        var bySpeaker: [String: [Int]] = [:], mentioning: [String: [Int]] = [:], byCase: [String: [Int]] = [:]
        var bySource: [String: [Int]] = [:], topicSlugs: [String: String] = [:]
        // Each spelling of a topic is looked up once per quote, for its place in `byTopic` (-1: it has no slug); four
        // lookups per topic were half of this index's time.
        var topicPlaces: [String: Int] = [:], placeBySlug: [String: Int] = [:]
        var byTopic: [(slug: String, label: String, quotes: [Int])] = []
        // Each quote's fields are read where it lies in `unordered` (see `ContentShape.init`).
        unordered.withUnsafeBufferPointer { quotes in
            for (index, original) in order.enumerated() {
                let speaker = quotes[original].speaker.id
                bySpeaker.append(index, under: speaker)
                for mention in quotes[original].mentions where mention.id != speaker { mentioning.append(index, under: mention.id) }
                if let legalCase = quotes[original].legalCase { byCase.append(index, under: legalCase.id) }
                for citation in quotes[original].sources { bySource.append(index, under: citation.source.id) }
                for topic in quotes[original].topics {
                    let place = topicPlaces[topic] ?? {
                        let slug = Slug.make(from: topic)
                        topicSlugs[topic] = slug
                        let place = slug.isEmpty ? -1 : placeBySlug[slug] ?? byTopic.count
                        if place == byTopic.count {
                            placeBySlug[slug] = place
                            byTopic.append((slug, topic, []))
                        }
                        topicPlaces[topic] = place
                        return place
                    }()
                    guard place >= 0, byTopic[place].quotes.last != index else { continue }
                    byTopic[place].quotes.append(index)
                }
            }
        }
        self.order = order
        self.bySpeaker = bySpeaker
        self.mentioning = mentioning
        self.byCase = byCase
        self.bySource = bySource
        self.topicSlugs = topicSlugs
        topics = byTopic.map { topic in (SiteGraph.Topic(slug: topic.slug, label: topic.label, quotes: topic.quotes), topic.label.lowercased()) }
            .sorted { ($0.1, $0.0.slug) < ($1.1, $1.0.slug) }
            .map(\.0)
    }
}
