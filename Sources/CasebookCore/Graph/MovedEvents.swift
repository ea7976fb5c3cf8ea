/// How a new graph differs from the last build's when only events moved within one stretch of the timeline (a date
/// or time changed, their wording with it or not) and nothing else changed: outside the stretch each place holds the
/// same event as before, saying the same, and inside it are the same events, with the same links, in another order.
/// Every list of events by case, party or source then differs only where it holds those places and is as long as it
/// was, so a page job that read no event in the stretch (neither its view nor its place, see `ReadLog`) makes the page
/// it made.
struct MovedEvents: Sendable {
    /// From the first place whose event differs to the last.
    let places: ClosedRange<Int>

    /// Nil when nothing moved or more than events' places and wording changed. `kept` (made only when the settings,
    /// cases, parties and sources are the last build's) tells, for each event and quote of `graph`, the place of the one
    /// of `last` with its id when the two say the same, dates and links included.
    init?(from last: SiteGraph, to graph: SiteGraph, kept: KeptViews) {
        guard last.events.count == graph.events.count, last.quotes.count == graph.quotes.count, last.pages == graph.pages,
              kept.quotes.indices.allSatisfy({ kept.quotes[$0] == $0 }),
              let first = kept.events.indices.first(where: { kept.events[$0] != $0 }),
              let end = kept.events.indices.last(where: { kept.events[$0] != $0 })
        else { return nil }
        places = first...end
        // The same events, each with the links it had.
        var before: [String: Int] = [:]
        for place in places { before[last.events[place].id] = place }
        guard before.count == places.count, places.allSatisfy({ place in
            before[graph.events[place].id].map { last.events[$0].hasLinks(of: graph.events[place]) } ?? false
        }) else { return nil }
    }
}
