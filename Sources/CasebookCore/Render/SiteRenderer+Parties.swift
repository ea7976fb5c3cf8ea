/// The parties index, grouped by kind, and one page per party.
extension SiteRenderer {
    /// Views are read by the jobs, not while they are made (see `caseJobs`).
    func partyJobs() -> JobList {
        let index: Job = {
            let groups = Party.Kind.allCases.compactMap { kind -> PageContents.Parties.Group? in
                let members = graph.parties.filter { $0.kind == kind }.compactMap { views.parties[$0.id] }
                return members.isEmpty ? nil : .init(label: kind.pluralLabel, anchor: "kind-\(kind.rawValue)",
                                                     countLabel: Plural.count(members.count, "party"), parties: members)
            }
            return [page(.parties, "parties", title: "Parties",
                         description: "The people, companies, courts and outlets in \(graph.config.title).",
                         crumbs: [layout.homeCrumb, .init(label: "Parties", url: nil)], content: PageContents.Parties(
                            lede: "\(Plural.count(graph.parties.count, "person or organization", plural: "people and organizations")) in the cases: "
                                + "who they are, what they did and what they said.",
                            groups: groups))]
        }
        return [index] + jobs(for: graph.parties) { party -> OutputFile? in
            guard let view = views.parties[party.id] else { return nil }
            let events = graph.eventsByParty[party.id] ?? []
            let quotesBy = graph.quotesBySpeaker[party.id] ?? [], quotesAbout = graph.quotesMentioning[party.id] ?? []
            let content = PageContents.Party(
                party: view,
                cases: (graph.rolesByParty[party.id] ?? []).compactMap { entry in
                    views.cases[entry.caseID].map {
                        .init(legalCase: Chip(id: $0.id, label: $0.shortTitle, url: $0.url), status: $0.status,
                              statusLabel: $0.statusLabel, role: entry.role.capitalizedFirst)
                    }
                },
                months: TimelineGroups.months(events, events: graph.events, cards: eventCards),
                filters: FilterPanel.make(scope: "party-timeline", events: events, graph: graph, choices: filterChoices, cases: true, parties: false),
                eventCountLabel: Plural.count(events.count, "event"),
                quotesBy: quotesBy.map { quoteCards[$0] }, quotesByLabel: Plural.count(quotesBy.count, "quote"),
                quotesAbout: quotesAbout.map { quoteCards[$0] }, quotesAboutLabel: Plural.count(quotesAbout.count, "quote"))
            return page(.party(party.id), "party", title: party.name, description: view.excerpt,
                        crumbs: [layout.homeCrumb, layout.crumb("Parties", .parties), .init(label: party.name, url: nil)],
                        schema: .init(source: [String(describing: party.kind), party.name] + party.aliases + [view.excerpt ?? ""]) {
                            [StructuredData.party(party, view: view, urls: graph.urls)]
                        },
                        content: content)
        }
    }
}
