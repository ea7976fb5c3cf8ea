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

    /// The cases and parties a panel may offer, in the order it lists them, with their labels and links: made once
    /// per build rather than once per panel (a case page's panel went through every party, a party page's through
    /// every case, copying each).
    struct Choices: Sendable {
        fileprivate struct Choice: Sendable {
            let id: String
            let label: String
            let url: String
        }

        fileprivate let cases: [Choice]
        fileprivate let parties: [Choice]
        fileprivate let casePlace: [String: Int]
        fileprivate let partyPlace: [String: Int]

        init(graph: SiteGraph) {
            let urls = graph.urls
            cases = graph.cases.map { Choice(id: $0.id, label: $0.shortTitle ?? $0.title, url: urls.path(.legalCase($0.id))) }
            parties = graph.parties.map { Choice(id: $0.id, label: $0.name, url: urls.path(.party($0.id))) }
            casePlace = Dictionary(cases.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            partyPlace = Dictionary(parties.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Filters by case and party for the given events; nil when there are too few events to bother.
    /// `paged`: the events are one page of a longer list, and the filters act on this page only.
    static func make(scope: String, events: [Int], graph: SiteGraph, choices: Choices, cases: Bool, parties: Bool,
                     paged: Bool = false) -> FilterPanel? {
        guard events.count > 3 else { return nil }
        // How many of the events name each case and party, by place in `choices`; each event counts once for each.
        var caseCounts = [Int](repeating: 0, count: choices.cases.count), partyCounts = [Int](repeating: 0, count: choices.parties.count)
        var caseSeen = [Int](repeating: -1, count: choices.cases.count), partySeen = [Int](repeating: -1, count: choices.parties.count)
        for index in events {
            graph.events.withElement(at: index) { event in
                for reference in event.pointee.cases {
                    guard let place = choices.casePlace[reference.id], caseSeen[place] != index else { continue }
                    caseSeen[place] = index
                    caseCounts[place] += 1
                }
                for reference in event.pointee.parties {
                    guard let place = choices.partyPlace[reference.id], partySeen[place] != index else { continue }
                    partySeen[place] = index
                    partyCounts[place] += 1
                }
            }
        }
        func filters(_ key: String, _ list: [Choices.Choice], _ counts: [Int], _ places: [Int]) -> [Filter] {
            places.map { place in
                Filter(key: key, id: list[place].id, label: list[place].label, url: list[place].url, count: counts[place],
                       noun: counts[place] == 1 ? "event" : "events")
            }
        }
        var groups: [Group] = []
        let casePlaces = caseCounts.indices.filter { caseCounts[$0] > 0 }
        if cases, casePlaces.count > 1 {
            groups.append(Group(id: "\(scope)-filter-cases", label: "By case", filters: filters("cases", choices.cases, caseCounts, casePlaces)))
        }
        let partyPlaces = partyCounts.indices.filter { partyCounts[$0] > 0 }
        if parties, partyPlaces.count > 1 {
            // Most events first, then by name.
            let ranked = partyPlaces.sorted {
                (partyCounts[$1], choices.parties[$0].label) < (partyCounts[$0], choices.parties[$1].label)
            }
            groups.append(Group(id: "\(scope)-filter-parties", label: "By party", filters: filters("parties", choices.parties, partyCounts, ranked)))
        }
        guard !groups.isEmpty else { return nil }
        return FilterPanel(scope: scope, groups: groups,
                           status: (paged ? "Showing the \(Plural.count(events.count, "event")) on this page."
                                    : "Showing all \(Plural.count(events.count, "event")).")
                            + " Each filter link opens a page with its own timeline.")
    }
}
