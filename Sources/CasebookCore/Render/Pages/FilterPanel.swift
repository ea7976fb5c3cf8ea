/// The filter links above a timeline. Without JavaScript each link opens the case's or party's own page
/// (which carries its filtered timeline); the script turns them into toggles that filter in place.
public struct FilterPanel: Sendable, Encodable {
    public struct Filter: Sendable, Encodable {
        /// "cases" or "parties", matching the cards' `data-cases` / `data-parties`.
        public let key: String
        public let id: String
        public let label: String
        public let url: String
        public let count: Int
        /// "event" or "events", for the hidden text after the count.
        public let noun: String
    }

    public struct Group: Sendable, Encodable {
        public let id: String
        public let label: String
        public let filters: [Filter]
    }

    /// The id of the element holding the cards.
    public let scope: String
    public let groups: [Group]
    public let status: String

    /// Filters by case and party for the given events; nil when there are too few events to bother.
    /// `paged`: the events are one page of a longer list, and the filters act on this page only.
    static func make(scope: String, events: [Int], graph: SiteGraph, cases: Bool, parties: Bool,
                     paged: Bool = false) -> FilterPanel? {
        guard events.count > 3 else { return nil }
        var caseCounts: [String: Int] = [:], partyCounts: [String: Int] = [:]
        for index in events {
            for id in Set(graph.events[index].cases.map(\.id)) { caseCounts[id, default: 0] += 1 }
            for id in Set(graph.events[index].parties.map(\.id)) { partyCounts[id, default: 0] += 1 }
        }
        func filter(_ key: String, _ id: String, _ label: String, _ route: Route, _ count: Int) -> Filter {
            Filter(key: key, id: id, label: label, url: graph.urls.path(route), count: count, noun: count == 1 ? "event" : "events")
        }
        var groups: [Group] = []
        if cases, caseCounts.count > 1 {
            groups.append(Group(id: "\(scope)-filter-cases", label: "By case", filters: graph.cases.compactMap { item in
                caseCounts[item.id].map { filter("cases", item.id, item.shortTitle ?? item.title, .legalCase(item.id), $0) }
            }))
        }
        if parties, partyCounts.count > 1 {
            let ranked = graph.parties.compactMap { party in partyCounts[party.id].map { (party, $0) } }
                .sorted { ($1.1, $0.0.name) < ($0.1, $1.0.name) }
            groups.append(Group(id: "\(scope)-filter-parties", label: "By party", filters: ranked.map { party, count in
                filter("parties", party.id, party.name, .party(party.id), count)
            }))
        }
        guard !groups.isEmpty else { return nil }
        return FilterPanel(scope: scope, groups: groups,
                           status: (paged ? "Showing the \(Plural.count(events.count, "event")) on this page."
                                    : "Showing all \(Plural.count(events.count, "event")).")
                            + " Each filter link opens a page with its own timeline.")
    }
}
