/// The bibliography and one page per source listing everything it supports.
extension SiteRenderer {
    func sourcePages() -> [OutputFile] {
        let all = graph.sources.compactMap { views.sources[$0.id] }
        var files = [page(.sources, "sources", title: "Sources", description: "Every source this tracker cites.",
                          crumbs: [layout.homeCrumb, .init(label: "Sources", url: nil)], content: PageContents.Sources(sources: all))]
        for view in all {
            let events = (graph.eventsBySource[view.id] ?? []).map { index -> PageContents.Source.Item in
                let event = views.events[index]
                return .init(label: event.titleText, labelHTML: event.titleHTML, url: event.url, date: event.date,
                             detail: graph.events[index].sources.first { $0.source.id == view.id }?.locator)
            }
            let quotes = (graph.quotesBySource[view.id] ?? []).map { index -> PageContents.Source.Item in
                let quote = views.quotes[index]
                let text = "“\(MarkdownRenderer.excerpt(quote.text, limit: 120))”"
                return .init(label: text, labelHTML: HTML.escape(text), url: quote.url, date: quote.date, detail: quote.speaker.label)
            }
            files.append(page(.source(view.id), "source", title: view.title, description: "\(view.publisher), \(view.published.label). \(view.supportLabel).",
                              crumbs: [layout.homeCrumb, layout.crumb("Sources", .sources), .init(label: view.title, url: nil)],
                              schema: [StructuredData.source(view, urls: graph.urls)],
                              content: PageContents.Source(source: view, events: events, quotes: quotes)))
        }
        return files
    }
}
