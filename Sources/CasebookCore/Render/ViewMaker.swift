/// Makes one item's view model from the graph: what `ViewCatalog` runs over every item, and over the few items an
/// edit changed when a long-lived process patches its last build.
struct ViewMaker: Sendable {
    let graph: SiteGraph
    let markdown: MarkdownRenderer
    // Each case, party and source chip (and each source's part of a citation) is made once and shared by every
    // view that shows it: making its URL and date label again for each mention was a twentieth of a rebuild.
    private let caseChips: [String: Chip]
    private let partyChips: [String: Chip]
    private let sourceChips: [String: Chip]
    private let sourceDates: [String: DateView]

    init(graph: SiteGraph, markdown: MarkdownRenderer) {
        self.graph = graph
        self.markdown = markdown
        let urls = graph.urls
        caseChips = graph.caseByID.mapValues { Chip(id: $0.id, label: $0.shortTitle ?? $0.title, url: urls.path(.legalCase($0.id))) }
        partyChips = graph.partyByID.mapValues { Chip(id: $0.id, label: $0.name, url: urls.path(.party($0.id))) }
        sourceChips = graph.sourceByID.mapValues { Chip(id: $0.id, label: $0.title, url: urls.path(.source($0.id))) }
        sourceDates = graph.sourceByID.mapValues { DateLabel.view($0.published) }
    }

    private var urls: URLBuilder { graph.urls }

    private func citations(_ list: [Citation]) -> [CitationView] {
        list.enumerated().compactMap { index, citation in
            guard let source = graph.sourceByID[citation.source.id], let chip = sourceChips[source.id],
                  let published = sourceDates[source.id] else { return nil }
            return CitationView(number: index + 1, sourceID: source.id, sourceTitle: source.title, publisher: source.publisher,
                                published: published, url: chip.url, externalURL: source.url, locator: citation.locator)
        }
    }

    /// Markdown fields rendered with headings nested below where the templates print them.
    private func block(_ source: MarkdownSource?, headingsFrom level: Int) -> RenderedMarkdown? {
        guard let source, !source.isBlank else { return nil }
        return markdown.render(source.text, topHeadingLevel: level)
    }

    @Sendable func event(_ event: TimelineEvent) -> EventView {
        let title = markdown.renderInline(event.title.text)
        let summary = block(event.summary, headingsFrom: 5)
        return EventView(
            id: event.id, url: urls.path(.event(event.id)), titleHTML: title.html, titleText: title.plainText,
            date: DateLabel.view(of: event, siteTimeZone: graph.config.timezone), approximate: event.approximate,
            cases: event.cases.compactMap { caseChips[$0.id] }, parties: event.parties.compactMap { partyChips[$0.id] },
            summaryHTML: summary?.html, disputedHTML: block(event.disputed, headingsFrom: 5)?.html,
            citations: citations(event.sources), tags: event.tags,
            dataCases: event.cases.map(\.id).joined(separator: " "),
            dataParties: event.parties.map(\.id).joined(separator: " "),
            excerpt: summary?.excerpt ?? title.plainText)
    }

    @Sendable func quote(_ quote: Quote) -> QuoteView {
        let cites = citations(quote.sources)
        let variants: [QuoteView.Variant] = zip(quote.sources, cites).compactMap { citation, view in
            guard let wording = citation.wording, WordDiff.normalize(wording) != WordDiff.normalize(quote.text) else { return nil }
            return QuoteView.Variant(number: view.number, sourceTitle: view.sourceTitle, url: view.url, text: wording,
                                     diffHTML: WordDiff.html(from: quote.text, to: wording))
        }
        let speaker = graph.partyByID[quote.speaker.id]
        return QuoteView(
            id: quote.id, url: urls.path(.quote(quote.id)), text: quote.text,
            speaker: partyChips[quote.speaker.id] ?? Chip(id: quote.speaker.id, label: quote.speaker.id, url: ""),
            speakerRole: speaker?.role, date: DateLabel.view(quote.date), contextHTML: block(quote.context, headingsFrom: 5)?.html,
            legalCase: quote.legalCase.flatMap { caseChips[$0.id] }, mentions: quote.mentions.compactMap { partyChips[$0.id] },
            topics: quote.topics.map { topic in
                let slug = graph.topicSlugs[topic] ?? Slug.make(from: topic)
                return Chip(id: slug, label: topic, url: urls.path(.topic(slug)))
            },
            citations: cites, variants: variants,
            variantsLabel: variants.isEmpty ? nil : "Wording differs in \(Plural.count(variants.count, "source"))",
            dataCases: quote.legalCase?.id ?? "",
            dataParties: ([quote.speaker.id] + quote.mentions.map(\.id)).joined(separator: " "))
    }

    @Sendable func legalCase(_ item: LegalCase) -> CaseView {
        let body = block(item.body, headingsFrom: 3)
        let eventCount = graph.eventsByCase[item.id]?.count ?? 0
        let quoteCount = graph.quotesByCase[item.id]?.count ?? 0
        return CaseView(
            id: item.id, url: urls.path(.legalCase(item.id)), title: item.title, shortTitle: item.shortTitle ?? item.title,
            court: item.court, docket: item.docket, filed: item.filed.map { DateLabel.view($0) },
            closed: item.closed.map { DateLabel.view($0) }, status: item.status.rawValue,
            statusLabel: item.status.rawValue.capitalizedFirst,
            claims: item.claims,
            roles: item.roles.map { .init(role: $0.name.capitalizedFirst, parties: $0.parties.compactMap { partyChips[$0.id] }) },
            bodyHTML: body?.html, excerpt: body?.excerpt, sources: item.sources.compactMap { sourceChips[$0.id] },
            eventCount: eventCount, quoteCount: quoteCount,
            eventCountLabel: Plural.count(eventCount, "event"), quoteCountLabel: Plural.count(quoteCount, "quote"))
    }

    @Sendable func party(_ item: Party) -> PartyView {
        let bio = block(item.body, headingsFrom: 2)
        let quoteCount = graph.quotesBySpeaker[item.id]?.count ?? 0
        return PartyView(
            id: item.id, url: urls.path(.party(item.id)), name: item.name, kind: item.kind.rawValue,
            kindLabel: item.kind.label, aliases: item.aliases,
            aliasesLabel: item.aliases.isEmpty ? nil : "Also written as " + Plural.list(item.aliases, conjunction: "or"),
            role: item.role, affiliation: item.affiliation.flatMap { partyChips[$0.id] }, bioHTML: bio?.html,
            excerpt: bio?.excerpt, sources: item.sources.compactMap { sourceChips[$0.id] },
            eventCount: graph.eventsByParty[item.id]?.count ?? 0, quoteCount: quoteCount,
            quoteCountLabel: Plural.count(quoteCount, "quote"),
            countsLabel: "\(Plural.count(graph.eventsByParty[item.id]?.count ?? 0, "event")) · \(Plural.count(quoteCount, "quote"))")
    }

    @Sendable func source(_ item: Source) -> SourceView {
        let events = graph.eventsBySource[item.id]?.count ?? 0
        let quotes = graph.quotesBySource[item.id]?.count ?? 0
        return SourceView(
            id: item.id, url: urls.path(.source(item.id)), title: item.title, publisher: item.publisher,
            authors: item.authors.isEmpty ? nil : Plural.list(item.authors, conjunction: "and"), authorList: item.authors,
            published: DateLabel.view(item.published), updated: item.updated.map { DateLabel.view($0) },
            externalURL: item.url, kind: item.kind.rawValue, kindLabel: item.kind.rawValue.capitalizedFirst,
            notesHTML: block(item.body, headingsFrom: 3)?.html, eventCount: events, quoteCount: quotes,
            supportLabel: "Supports \(Plural.count(events, "event")) and \(Plural.count(quotes, "quote"))")
    }
}
