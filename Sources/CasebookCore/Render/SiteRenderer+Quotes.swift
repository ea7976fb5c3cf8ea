/// The quote index grouped by speaker, quote permalinks, and the topic pages.
extension SiteRenderer {
    func quoteJobs() -> JobList {
        let urls = graph.urls
        let topicFilters = graph.topics.map {
            PageContents.Filter(id: $0.slug, label: $0.label, url: urls.path(.topic($0.slug)),
                                countLabel: Plural.count($0.quotes.count, "quote"))
        }
        let topics: Job = {
            [page(.topics, "topics", title: "Topics", description: "Quotes by topic.",
                 crumbs: [layout.homeCrumb, layout.crumb("Quotes", .quotes), .init(label: "Topics", url: nil)],
                 content: PageContents.Topics(lede: "\(Plural.count(topicFilters.count, "topic")) that the quotes touch on.",
                                              topics: topicFilters))]
        }
        let quotePages = jobs(for: Array(views.quotes.indices)) { index in
            let view = views.quotes[index]
            let bySpeaker = graph.quotesBySpeaker[view.speaker.id] ?? []
            let position = bySpeaker.firstIndex(of: index) ?? 0
            let window = bySpeaker[max(0, position - 2)..<min(bySpeaker.count, max(0, position - 2) + 6)]
            let more = Array(window.filter { $0 != index }.prefix(5))
            let title = "\(view.speaker.label), \(view.date.label)"
            let speaker = view.speaker.label, text = view.text
            return page(.quote(view.id), "quote", title: "Quote: \(title)", description: nil,
                        describedBy: LazyHTML(standingFor: [speaker, text]) { "\(speaker): “\(MarkdownRenderer.excerpt(text, limit: 140))”" },
                        crumbs: [layout.homeCrumb, layout.crumb("Quotes", .quotes), .init(label: title, url: nil)],
                        schema: .init(source: quoteViews[index]) { [StructuredData.quote(view, urls: urls)] },
                        content: PageContents.Quote(quote: quoteViews[index], more: more.map { quoteCards[$0] },
                                                    moreLabel: Plural.count(more.count, "quote"),
                                                    allByLabel: bySpeaker.count - 1 > more.count
                                                        ? "All \(Plural.count(bySpeaker.count, "quote")) by \(view.speaker.label)" : nil))
        }
        return JobList(quoteIndexJobs(topics: topicFilters) + [topics]) + quotePages + JobList(graph.topics.flatMap(topicJobs))
    }

    /// The quote index, grouped by speaker, cut into pages of `paginate_by` quotes; a speaker whose quotes
    /// run over a page break is shown on both pages, and says so.
    private func quoteIndexJobs(topics: [PageContents.Filter]) -> [Job] {
        let urls = graph.urls
        // Each speaker's view is read by the pages that show it (see `caseJobs`).
        let speakers = graph.parties.compactMap { party -> (party: Party, quotes: [Int])? in
            guard let indexes = graph.quotesBySpeaker[party.id], views.parties.has(party.id) else { return nil }
            return (party, indexes)
        }
        let entries = speakers.indices.flatMap { speaker in speakers[speaker].quotes.indices.map { (speaker: speaker, nth: $0) } }
        let pagination = Pagination(list: .quotes, count: entries.count, size: graph.config.paginateBy)
        // Speakers first to last; a page within one speaker's quotes is told apart by their dates.
        let labels = pagination.pages.map { range -> String in
            guard let first = range.first, let last = range.last else { return "" }
            let from = speakers[entries[first].speaker], to = speakers[entries[last].speaker]
            guard from.party.id == to.party.id else { return Pagination.span(from.party.name, to.party.name) }
            return from.party.name + ", " + Pagination.span(DateLabel.text(graph.quotes[from.quotes[entries[first].nth]].date),
                                                            DateLabel.text(graph.quotes[to.quotes[entries[last].nth]].date))
        }
        // Every page's pager is labelled by the dates of the first and last quote of each page.
        let labelled = pagination.pages.flatMap { range in
            [range.first, range.last].compactMap { $0.map { speakers[entries[$0].speaker].quotes[entries[$0].nth] } }
        }
        let lede = "\(Plural.count(graph.quotes.count, "quote")) from \(Plural.count(speakers.count, "speaker")), grouped by speaker. "
            + "Where sources print different wording, each version is shown."
        return pagination.pages.indices.map { index in {
            let number = index + 1, range = pagination.pages[index]
            var groups: [PageContents.Quotes.Speaker] = []
            var start = range.lowerBound
            while start < range.upperBound {
                let speaker = entries[start].speaker
                var end = start
                while end < range.upperBound, entries[end].speaker == speaker { end += 1 }
                let (party, quotes) = speakers[speaker]
                defer { start = end }
                guard let view = views.parties[party.id] else { continue }
                let first = entries[start].nth, last = entries[end - 1].nth
                var countLabel = view.quoteCountLabel
                if first > 0 { countLabel += ", continued from page \(pagination.number(of: start - 1))" }
                if last < quotes.count - 1 { countLabel += ", continued on page \(number + 1)" }
                groups.append(.init(party: Chip(id: party.id, label: party.name, url: view.url), role: party.role,
                                    anchor: "speaker-\(party.id)", countLabel: countLabel,
                                    quotes: quotes[first...last].map { quoteCards[$0] }))
            }
            let pager = pagination.pager(number, labels: labels, urls: urls)
            if pager != nil { labelled.forEach { ReadLog.note(.placedQuote, $0) } }
            return [page(pagination.route(number), "quotes", title: number == 1 ? "Quotes" : "Quotes, page \(number)",
                         description: Pagination.description("Everything said in \(graph.config.title), by speaker, with sources", pager),
                         crumbs: [layout.homeCrumb] + (number == 1 ? [.init(label: "Quotes", url: nil)]
                            : [layout.crumb("Quotes", .quotes), .init(label: "Page \(number)", url: nil)]),
                         content: PageContents.Quotes(lede: lede, speakers: groups, topics: topics, pager: pager))]
        } }
    }

    /// A topic's quotes, oldest first, in pages of `paginate_by`.
    private func topicJobs(_ topic: SiteGraph.Topic) -> [Job] {
        let urls = graph.urls
        let pagination = Pagination(list: .topic(topic.slug), count: topic.quotes.count, size: graph.config.paginateBy)
        let labels = pagination.pages.map { range in
            range.isEmpty ? "" : Pagination.span(DateLabel.text(graph.quotes[topic.quotes[range.lowerBound]].date),
                                                  DateLabel.text(graph.quotes[topic.quotes[range.upperBound - 1]].date))
        }
        let labelled = pagination.pages.flatMap { $0.isEmpty ? [] : [topic.quotes[$0.lowerBound], topic.quotes[$0.upperBound - 1]] }
        return pagination.pages.indices.map { index in {
            let number = index + 1
            let pager = pagination.pager(number, labels: labels, urls: urls)
            if pager != nil { labelled.forEach { ReadLog.note(.placedQuote, $0) } }
            var crumbs = [layout.homeCrumb, layout.crumb("Quotes", .quotes), layout.crumb("Topics", .topics)]
            crumbs += number == 1 ? [.init(label: topic.label, url: nil)]
                : [layout.crumb(topic.label, .topic(topic.slug)), .init(label: "Page \(number)", url: nil)]
            return [page(pagination.route(number), "topic",
                         title: "Topic: \(topic.label)" + (number == 1 ? "" : ", page \(number)"),
                         description: Pagination.description("Quotes about \(topic.label) in \(graph.config.title)", pager),
                         crumbs: crumbs,
                         content: PageContents.Topic(label: topic.label, countLabel: Plural.count(topic.quotes.count, "quote"),
                                                     quotes: pagination.pages[index].map { quoteCards[topic.quotes[$0]] },
                                                     pager: pager))]
        } }
    }
}
