/// The quotes in display order (by date, then speaker name) with their indexes by speaker, mention, case, source and
/// topic. Made apart from the events' order and indexes, which need nothing from them, so the two run on two cores.
struct QuoteIndexes: Sendable {
    let quotes: [Quote]
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
        let names = unordered.map { partyByID[$0.speaker.id]?.name ?? "" }
        quotes = unordered.indices
            .sorted { (unordered[$0].date, names[$0], $0) < (unordered[$1].date, names[$1], $1) }
            .map { unordered[$0] }
        var bySpeaker: [String: [Int]] = [:], mentioning: [String: [Int]] = [:], byCase: [String: [Int]] = [:]
        var bySource: [String: [Int]] = [:], byTopic: [String: (label: String, quotes: [Int])] = [:]
        var topicSlugs: [String: String] = [:]
        for (index, quote) in quotes.enumerated() {
            bySpeaker[quote.speaker.id, default: []].append(index)
            for id in Set(quote.mentions.map(\.id)) where id != quote.speaker.id { mentioning[id, default: []].append(index) }
            if let legalCase = quote.legalCase { byCase[legalCase.id, default: []].append(index) }
            for id in Set(quote.sources.map(\.source.id)) { bySource[id, default: []].append(index) }
            for topic in quote.topics {
                let slug = topicSlugs[topic] ?? Slug.make(from: topic)
                topicSlugs[topic] = slug
                guard !slug.isEmpty, byTopic[slug]?.quotes.last != index else { continue }
                byTopic[slug, default: (topic, [])].quotes.append(index)
            }
        }
        self.bySpeaker = bySpeaker
        self.mentioning = mentioning
        self.byCase = byCase
        self.bySource = bySource
        self.topicSlugs = topicSlugs
        topics = byTopic.map { SiteGraph.Topic(slug: $0.key, label: $0.value.label, quotes: $0.value.quotes) }
            .sorted { ($0.label.lowercased(), $0.slug) < ($1.label.lowercased(), $1.slug) }
    }
}
