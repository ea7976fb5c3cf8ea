/// The quote index grouped by speaker, quote permalinks, and the topic pages.
extension SiteRenderer {
    func quoteJobs() -> [Job] {
        let urls = graph.urls
        let speakers = graph.parties.compactMap { party -> PageContents.Quotes.Speaker? in
            guard let indexes = graph.quotesBySpeaker[party.id], let view = views.parties[party.id] else { return nil }
            return .init(party: Chip(id: party.id, label: party.name, url: view.url), role: party.role, anchor: "speaker-\(party.id)",
                         countLabel: view.quoteCountLabel, quotes: indexes.map { quoteCards[$0] })
        }
        let topicFilters = graph.topics.map {
            PageContents.Filter(id: $0.slug, label: $0.label, url: urls.path(.topic($0.slug)),
                                countLabel: Plural.count($0.quotes.count, "quote"))
        }
        let indexes: [Job] = [{
            [page(.quotes, "quotes", title: "Quotes", description: "Everything said in \(graph.config.title), by speaker, with sources.",
                 crumbs: [layout.homeCrumb, .init(label: "Quotes", url: nil)],
                 content: PageContents.Quotes(
                    lede: "\(Plural.count(graph.quotes.count, "quote")) from \(Plural.count(speakers.count, "speaker")), grouped by speaker. "
                        + "Where sources print different wording, each version is shown.",
                    speakers: speakers, topics: topicFilters))]
        }, {
            [page(.topics, "topics", title: "Topics", description: "Quotes by topic.",
                 crumbs: [layout.homeCrumb, layout.crumb("Quotes", .quotes), .init(label: "Topics", url: nil)],
                 content: PageContents.Topics(lede: "\(Plural.count(topicFilters.count, "topic")) that the quotes touch on.",
                                              topics: topicFilters))]
        }]
        let quotePages = jobs(for: Array(views.quotes.indices)) { index in
            let view = views.quotes[index]
            let bySpeaker = graph.quotesBySpeaker[view.speaker.id] ?? []
            let position = bySpeaker.firstIndex(of: index) ?? 0
            let window = bySpeaker[max(0, position - 2)..<min(bySpeaker.count, max(0, position - 2) + 6)]
            let more = Array(window.filter { $0 != index }.prefix(5))
            let title = "\(view.speaker.label), \(view.date.label)"
            return page(.quote(view.id), "quote", title: "Quote: \(title)",
                        description: "\(view.speaker.label): “\(MarkdownRenderer.excerpt(view.text, limit: 140))”",
                        crumbs: [layout.homeCrumb, layout.crumb("Quotes", .quotes), .init(label: title, url: nil)],
                        schema: [StructuredData.quote(view, urls: urls)],
                        content: PageContents.Quote(quote: view, more: more.map { quoteCards[$0] },
                                                    moreLabel: Plural.count(more.count, "quote"),
                                                    allByLabel: bySpeaker.count - 1 > more.count
                                                        ? "All \(Plural.count(bySpeaker.count, "quote")) by \(view.speaker.label)" : nil))
        }
        let topicPages = jobs(for: graph.topics) { topic in
            page(.topic(topic.slug), "topic", title: "Topic: \(topic.label)",
                 description: "Quotes about \(topic.label) in \(graph.config.title).",
                 crumbs: [layout.homeCrumb, layout.crumb("Quotes", .quotes), layout.crumb("Topics", .topics),
                          .init(label: topic.label, url: nil)],
                 content: PageContents.Topic(label: topic.label, countLabel: Plural.count(topic.quotes.count, "quote"),
                                             quotes: topic.quotes.map { quoteCards[$0] }))
        }
        return indexes + quotePages + topicPages
    }
}
