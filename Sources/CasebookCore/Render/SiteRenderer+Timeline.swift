/// The timeline and one permalink page per event.
extension SiteRenderer {
    func timelineJobs() -> [Job] {
        let urls = graph.urls
        let all = Array(graph.events.indices)
        let timeline: Job = {
            let content = PageContents.Timeline(
                countLabel: Plural.count(graph.events.count, "event"),
                years: TimelineGroups.years(all, events: graph.events, cards: eventCards),
                filters: FilterPanel.make(scope: "timeline", events: all, graph: graph, cases: true, parties: true))
            return [page(.timeline, "timeline", title: "Timeline",
                         description: "Every event in \(graph.config.title), oldest first, with its sources.",
                         crumbs: [layout.homeCrumb, .init(label: "Timeline", url: nil)], content: content)]
        }
        return [timeline] + jobs(for: Array(graph.events.indices)) { index in
            let event = graph.events[index]
            let view = views.events[index]
            let neighbours = event.cases.compactMap { reference -> PageContents.Event.Neighbours? in
                guard let list = graph.eventsByCase[reference.id], let position = list.firstIndex(of: index),
                      let legalCase = view.cases.first(where: { $0.id == reference.id })
                else { return nil }
                func chip(_ at: Int) -> PageContents.Event.Neighbour? {
                    guard list.indices.contains(at) else { return nil }
                    let other = views.events[list[at]]
                    return .init(label: other.titleText, url: other.url, date: other.date)
                }
                return .init(legalCase: legalCase, previous: chip(position - 1), next: chip(position + 1))
            }
            return page(.event(event.id), "event", title: view.titleText, description: view.excerpt,
                        crumbs: [layout.homeCrumb, layout.crumb("Timeline", .timeline), .init(label: view.titleText, url: nil)],
                        schema: [StructuredData.event(view, urls: graph.urls)],
                        content: PageContents.Event(event: view, timelineURL: urls.path(.timeline) + "#" + event.id,
                                                    neighbours: neighbours))
        }
    }
}
