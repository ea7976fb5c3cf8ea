import Foundation

/// `search-index.json`: one entry per event, quote, party, case, source and page, with the words a reader
/// may type — titles, summaries, quote text, party names and their aliases — for the search page's script.
struct SearchIndex {
    let graph: SiteGraph
    let views: ViewCatalog

    struct Entry {
        let type: String
        let title: String
        let url: String
        let date: String?
        let text: String
        let names: [String]

        /// The entry as a JSON object, keys sorted (as the script and `JSONEncoder` before had them), `date`
        /// left out when there is none.
        func write(into json: inout [UInt8]) {
            json.append(UInt8(ascii: "{"))
            if let date { Self.field("date", date, &json, comma: true) }
            json += #""names":"#.utf8
            JSONText.append(names, htmlSafe: false, to: &json)
            json.append(UInt8(ascii: ","))
            Self.field("text", text, &json, comma: true)
            Self.field("title", title, &json, comma: true)
            Self.field("type", type, &json, comma: true)
            Self.field("url", url, &json, comma: false)
            json.append(UInt8(ascii: "}"))
        }

        private static func field(_ key: StaticString, _ value: String, _ json: inout [UInt8], comma: Bool) {
            json.append(UInt8(ascii: "\""))
            json += UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            json += #"":"#.utf8
            JSONText.append(value, htmlSafe: false, to: &json)
            if comma { json.append(UInt8(ascii: ",")) }
        }
    }

    /// The index with one piece per event, then one per quote (numbered on from the events); the other entries
    /// follow in the tail.
    func file() -> SplicedFile {
        var json: [UInt8] = [], starts: [Int] = []
        json.reserveCapacity((views.events.count + views.quotes.count) * 400)
        starts.reserveCapacity(views.events.count + views.quotes.count + 1)
        json += #"{"entries":["#.utf8
        for event in views.events.indices {
            starts.append(json.count)
            append(eventEntry(views.events[event]), first: starts.count == 1, to: &json)
        }
        for quote in views.quotes.indices {
            starts.append(json.count)
            append(quoteEntry(views.quotes[quote]), first: starts.count == 1, to: &json)
        }
        starts.append(json.count)
        json += tail()
        return SplicedFile(path: "search-index.json", bytes: json, starts: starts)
    }

    /// What follows the quotes' pieces in `file()`: the parties', cases', sources' and pages' entries, then the end.
    func tail() -> [UInt8] {
        var json: [UInt8] = [], first = views.events.isEmpty && views.quotes.isEmpty
        for entry in otherEntries() {
            append(entry, first: first, to: &json)
            first = false
        }
        json += "]}\n".utf8
        return json
    }

    /// The piece of `file()` for the event at `index` in the graph.
    func piece(event index: Int) -> [UInt8] {
        var json: [UInt8] = []
        append(eventEntry(views.events[index]), first: index == 0, to: &json)
        return json
    }

    /// The piece of `file()` for the quote at `index` in the graph.
    func piece(quote index: Int) -> [UInt8] {
        var json: [UInt8] = []
        append(quoteEntry(views.quotes[index]), first: index == 0 && views.events.isEmpty, to: &json)
        return json
    }

    private func append(_ entry: Entry, first: Bool, to json: inout [UInt8]) {
        if !first { json.append(UInt8(ascii: ",")) }
        entry.write(into: &json)
    }

    private func eventEntry(_ view: EventView) -> Entry {
        let aliases = view.parties.flatMap { graph.partyByID[$0.id]?.aliases ?? [] }
        return Entry(type: "Event", title: view.titleText, url: view.url, date: view.date.label, text: view.excerpt,
                     names: view.parties.map(\.label) + aliases + view.cases.map(\.label) + view.tags)
    }

    private func quoteEntry(_ view: QuoteView) -> Entry {
        Entry(type: "Quote", title: "\(view.speaker.label): “\(MarkdownRenderer.excerpt(view.text, limit: 100))”",
              url: view.url, date: view.date.label, text: view.text + " " + view.variants.map(\.text).joined(separator: " "),
              names: [view.speaker.label] + (graph.partyByID[view.speaker.id]?.aliases ?? []) + view.topics.map(\.label))
    }

    /// Parties, cases, sources and pages, which a prose edit to an event or quote leaves as they are (one to a case's,
    /// party's or source's body makes them again).
    private func otherEntries() -> [Entry] {
        var entries: [Entry] = []
        for party in graph.parties {
            guard let view = views.parties[party.id] else { continue }
            entries.append(Entry(type: view.kindLabel, title: party.name, url: view.url, date: nil,
                                 text: [party.role, view.excerpt].compactMap { $0 }.joined(separator: ". "), names: party.aliases))
        }
        for item in graph.cases {
            guard let view = views.cases[item.id] else { continue }
            entries.append(Entry(type: "Case", title: item.title, url: view.url, date: view.filed?.label,
                                 text: ([view.excerpt ?? ""] + item.claims).joined(separator: " "),
                                 names: [view.shortTitle, item.court, item.docket].compactMap { $0 }))
        }
        for source in graph.sources {
            guard let view = views.sources[source.id] else { continue }
            entries.append(Entry(type: "Source", title: source.title, url: view.url, date: view.published.label,
                                 text: source.publisher, names: source.authors))
        }
        for page in graph.pages {
            entries.append(Entry(type: "Page", title: page.title, url: graph.urls.path(.page(page.id)), date: nil,
                                 text: views.pages[page.id]?.plainText ?? "", names: []))
        }
        return entries
    }
}
