/// The timeline and one permalink page per event.
extension SiteRenderer {
    func timelineJobs() -> JobList {
        let urls = graph.urls
        let pagination = Pagination(list: .timeline, count: graph.events.count, size: graph.config.paginateBy)
        let labels = pagination.pages.map { range in
            range.isEmpty ? "" : Pagination.span(DateLabel.text(graph.events[range.lowerBound].date),
                                                  DateLabel.text(graph.events[range.upperBound - 1].date))
        }
        // Every page's pager is labelled by the dates of the first and last event of each page.
        let labelled = pagination.pages.flatMap { $0.isEmpty ? [] : [$0.lowerBound, $0.upperBound - 1] }
        let timeline: [Job] = pagination.pages.indices.map { index in {
            let number = index + 1, shown = Array(pagination.pages[index])
            let pager = pagination.pager(number, labels: labels, urls: urls)
            if pager != nil { labelled.forEach { ReadLog.note(.placedEvent, $0) } }
            let content = PageContents.Timeline(
                countLabel: Plural.count(graph.events.count, "event"),
                years: TimelineGroups.years(shown, events: graph.events, cards: eventCards),
                filters: FilterPanel.make(scope: "timeline", events: shown, graph: graph, choices: filterChoices, cases: true, parties: true,
                                          paged: pager != nil),
                pager: pager)
            return [page(pagination.route(number), "timeline", title: number == 1 ? "Timeline" : "Timeline, page \(number)",
                         description: Pagination.description("Every event in \(graph.config.title), oldest first, with its sources", pager),
                         crumbs: [layout.homeCrumb] + (number == 1 ? [.init(label: "Timeline", url: nil)]
                            : [layout.crumb("Timeline", .timeline), .init(label: "Page \(number)", url: nil)]),
                         content: content)]
        } }
        return JobList(timeline) + jobs(for: Array(graph.events.indices)) { index in
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
                        schema: .init(source: eventViews[index]) { [StructuredData.event(view, urls: urls)] },
                        content: PageContents.Event(event: eventViews[index], timelineURL: pagination.link(to: index, anchor: event.id, urls: urls),
                                                    neighbours: neighbours))
        }
    }
}
