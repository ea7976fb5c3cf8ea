/// The cases index and one page per case, with the case's own timeline and quotes.
extension SiteRenderer {
    /// Views are read by the jobs, not while they are made: a rebuild that runs a few of them makes only their views.
    func caseJobs() -> JobList {
        let index: Job = {
            let all = graph.cases.compactMap { views.cases[$0.id] }
            let open: Set<String> = ["filed", "pending", "appealed"]
            let groups = [("Open", "cases-open", all.filter { open.contains($0.status) }),
                          ("Closed", "cases-closed", all.filter { !open.contains($0.status) })].compactMap { label, anchor, members in
                members.isEmpty ? nil : PageContents.Cases.Group(label: label, anchor: anchor,
                                                                 countLabel: Plural.count(members.count, "case"), cases: members)
            }
            return [page(.cases, "cases", title: "Cases", description: "The lawsuits and proceedings this tracker follows.",
                         crumbs: [layout.homeCrumb, .init(label: "Cases", url: nil)], content: PageContents.Cases(groups: groups))]
        }
        return [index] + jobs(for: graph.cases) { item -> OutputFile? in
            guard let view = views.cases[item.id] else { return nil }
            let events = graph.eventsByCase[view.id] ?? []
            let content = PageContents.Case(
                legalCase: view,
                months: TimelineGroups.months(events, events: graph.events, cards: eventCards),
                filters: FilterPanel.make(scope: "case-timeline", events: events, graph: graph, choices: filterChoices, cases: false, parties: true),
                quotes: (graph.quotesByCase[view.id] ?? []).map { quoteCards[$0] })
            return page(.legalCase(view.id), "case", title: view.title, description: view.excerpt,
                        crumbs: [layout.homeCrumb, layout.crumb("Cases", .cases), .init(label: view.shortTitle, url: nil)],
                        content: content)
        }
    }
}
