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

    func file() -> OutputFile {
        var entries: [Entry] = []
        for view in views.events {
            let aliases = view.parties.flatMap { graph.partyByID[$0.id]?.aliases ?? [] }
            entries.append(Entry(type: "Event", title: view.titleText, url: view.url, date: view.date.label, text: view.excerpt,
                                 names: view.parties.map(\.label) + aliases + view.cases.map(\.label) + view.tags))
        }
        for view in views.quotes {
            entries.append(Entry(type: "Quote", title: "\(view.speaker.label): “\(MarkdownRenderer.excerpt(view.text, limit: 100))”",
                                 url: view.url, date: view.date.label, text: view.text + " " + view.variants.map(\.text).joined(separator: " "),
                                 names: [view.speaker.label] + (graph.partyByID[view.speaker.id]?.aliases ?? []) + view.topics.map(\.label)))
        }
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
        var json: [UInt8] = []
        json.reserveCapacity(entries.count * 400)
        json += #"{"entries":["#.utf8
        for (index, entry) in entries.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            entry.write(into: &json)
        }
        json += "]}\n".utf8
        return OutputFile(path: "search-index.json", bytes: json)
    }
}
