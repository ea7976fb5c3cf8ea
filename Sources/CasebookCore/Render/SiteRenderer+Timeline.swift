/// The timeline and one permalink page per event.
extension SiteRenderer {
    func timelinePages() -> [OutputFile] {
        let urls = graph.urls
        let content = PageContents.Timeline(
            countLabel: Plural.count(graph.events.count, "event"),
            years: TimelineGroups.years(Array(graph.events.indices), events: graph.events, cards: eventCards),
            caseFilters: graph.cases.compactMap { item in
                guard let count = graph.eventsByCase[item.id]?.count else { return nil }
                return .init(id: item.id, label: item.shortTitle ?? item.title, url: urls.path(.legalCase(item.id)),
                             countLabel: Plural.count(count, "event"))
            },
            partyFilters: graph.parties.compactMap { item in
                guard let count = graph.eventsByParty[item.id]?.count else { return nil }
                return .init(id: item.id, label: item.name, url: urls.path(.party(item.id)), countLabel: Plural.count(count, "event"))
            })
        var files = [page(.timeline, "timeline", title: "Timeline",
                          description: "Every event in \(graph.config.title), oldest first, with its sources.",
                          crumbs: [layout.homeCrumb, .init(label: "Timeline", url: nil)], content: content)]
        for (index, event) in graph.events.enumerated() {
            let view = views.events[index]
            let neighbours = event.cases.compactMap { reference -> PageContents.Event.Neighbours? in
                guard let list = graph.eventsByCase[reference.id], let position = list.firstIndex(of: index),
                      let legalCase = view.cases.first(where: { $0.id == reference.id })
                else { return nil }
                func chip(_ at: Int) -> Chip? {
                    guard list.indices.contains(at) else { return nil }
                    let other = views.events[list[at]]
                    return Chip(id: other.id, label: other.titleText, url: other.url)
                }
                return .init(legalCase: legalCase, previous: chip(position - 1), next: chip(position + 1))
            }
            files.append(page(.event(event.id), "event", title: view.titleText, description: view.excerpt,
                              crumbs: [layout.homeCrumb, layout.crumb("Timeline", .timeline), .init(label: view.titleText, url: nil)],
                              schema: [StructuredData.event(view, urls: graph.urls)],
                              content: PageContents.Event(event: view, card: eventCards[index], neighbours: neighbours)))
        }
        return files
    }
}
