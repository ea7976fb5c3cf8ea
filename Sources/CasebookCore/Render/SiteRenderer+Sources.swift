/// The bibliography and one page per source listing everything it supports.
extension SiteRenderer {
    /// Views are read by the jobs, not while they are made (see `caseJobs`).
    func sourceJobs() -> JobList {
        let index: Job = {
            let all = graph.sources.compactMap { views.sources[$0.id] }
            let groups = Source.Kind.allCases.compactMap { kind -> PageContents.Sources.Group? in
                let members = all.filter { $0.kind == kind.rawValue }
                return members.isEmpty ? nil : .init(label: kind.pluralLabel, anchor: "sources-\(kind.rawValue)",
                                                     countLabel: Plural.count(members.count, "source"), sources: members)
            }
            return [page(.sources, "sources", title: "Sources", description: "Every source this tracker cites.",
                         crumbs: [layout.homeCrumb, .init(label: "Sources", url: nil)],
                         content: PageContents.Sources(
                            lede: "The \(Plural.count(all.count, "source")) behind every event and quote, oldest first. Each entry lists what it supports.",
                            groups: groups))]
        }
        return [index] + jobs(for: graph.sources) { item -> OutputFile? in
            guard let view = views.sources[item.id] else { return nil }
            let events = graph.eventsBySource[view.id] ?? [], quotes = graph.quotesBySource[view.id] ?? []
            let content = PageContents.Source(
                source: view, months: TimelineGroups.months(events, events: graph.events, cards: eventCards),
                eventCountLabel: Plural.count(events.count, "event"),
                quotes: quotes.map { quoteCards[$0] }, quoteCountLabel: Plural.count(quotes.count, "quote"))
            return page(.source(view.id), "source", title: view.title,
                        description: "\(view.publisher), \(view.published.label). \(view.supportLabel).",
                        crumbs: [layout.homeCrumb, layout.crumb("Sources", .sources), .init(label: view.title, url: nil)],
                        schema: .init(source: view) { [StructuredData.source(view, urls: graph.urls)] },
                        content: content)
        }
    }
}

extension Source.Kind {
    var pluralLabel: String {
        switch self {
        case .article: return "News articles"
        case .filing: return "Court filings"
        case .statement: return "Statements"
        case .other: return "Other sources"
        }
    }
}
