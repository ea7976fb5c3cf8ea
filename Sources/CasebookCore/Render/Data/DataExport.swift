import Foundation

/// Writes the data downloads: `data/{timeline,quotes,parties,sources,cases}.json`, each an object with one
/// array, and CSV versions of the timeline, quotes and parties for spreadsheets.
struct DataExport {
    let graph: SiteGraph
    /// The build's page cache: a download made from the same records as the one in the output is kept, not
    /// encoded again (editing an event leaves the quote, party, source and case files alone).
    var cache: RenderCache?
    /// Told of each download of one record per event or quote as it is made, with where its records lie.
    var onSpliced: (@Sendable (SplicedFile) -> Void)?
    /// Gives each download not spliced (parties, sources, cases) the digest of its records without a cache too, as a
    /// long-lived process's build does: the output's record then names them as a build with a cache would, and a
    /// later `casebook build` after a prose edit finds them unchanged.
    var digestsRecords = false

    static let paths = ["data/timeline.json", "data/quotes.json", "data/parties.json", "data/sources.json",
                        "data/cases.json", "data/timeline.csv", "data/quotes.csv", "data/parties.csv"]

    /// One job per file, so that a big tracker's downloads (tens of MB, each twice while encoding) are built and
    /// written a few at a time rather than held all at once at the build's memory peak. The JSON and CSV of one
    /// kind each make their own records (milliseconds at N=10,000) so that no job waits for another.
    func jobs() -> [(path: String, job: SiteRenderer.Job)] {
        [
            ("data/timeline.json", { [file("data/timeline.json", eventRecords()) { reporting(Self.timelineJSON($0)) }] }),
            ("data/quotes.json", { [file("data/quotes.json", quoteRecords()) { reporting(Self.quotesJSON($0)) }] }),
            ("data/parties.json", { [file("data/parties.json", partyRecords()) { DataRecords.json("data/parties.json", "parties", $0).file }] }),
            ("data/sources.json", { [file("data/sources.json", sourceRecords()) { DataRecords.json("data/sources.json", "sources", $0).file }] }),
            ("data/cases.json", { [file("data/cases.json", caseRecords()) { DataRecords.json("data/cases.json", "cases", $0).file }] }),
            ("data/timeline.csv", { [file("data/timeline.csv", eventRecords()) { reporting(Self.timelineCSV($0)) }] }),
            ("data/quotes.csv", { [file("data/quotes.csv", quoteRecords()) { reporting(Self.quotesCSV($0)) }] }),
            ("data/parties.csv", {
                [file("data/parties.csv", partyRecords()) { records in
                    CSVTable(header: ["id", "name", "kind", "aliases", "affiliation", "role", "url"],
                             rows: records.map { [$0.id, $0.name, $0.kind, $0.aliases.joined(separator: "; "), $0.affiliation ?? "", $0.role ?? "", $0.url] })
                        .file("data/parties.csv").file
                }]
            }),
        ]
    }

    private func reporting(_ file: SplicedFile) -> OutputFile {
        onSpliced?(file)
        return file.file
    }

    /// The downloads with one record per event or quote, which a long-lived process splices after a prose edit.
    static let eventAndQuotePaths = ["data/timeline.json", "data/timeline.csv", "data/quotes.json", "data/quotes.csv"]

    /// One of those, or nil for another path.
    func eventAndQuoteFile(_ path: String) -> SplicedFile? {
        switch path {
        case "data/timeline.json": Self.timelineJSON(eventRecords())
        case "data/timeline.csv": Self.timelineCSV(eventRecords())
        case "data/quotes.json": Self.quotesJSON(quoteRecords())
        case "data/quotes.csv": Self.quotesCSV(quoteRecords())
        default: nil
        }
    }

    /// The piece of `file` (one of `eventAndQuotePaths`) for the event or quote at `index` in the graph, or nil when
    /// the file holds no such item.
    func piece(of file: String, event index: Int) -> [UInt8]? {
        switch file {
        case "data/timeline.json": DataRecords.jsonPiece(eventRecord(graph.events[index]), first: index == 0)
        case "data/timeline.csv": CSVTable.piece(Self.timelineRow(eventRecord(graph.events[index])))
        default: nil
        }
    }

    func piece(of file: String, quote index: Int) -> [UInt8]? {
        switch file {
        case "data/quotes.json": DataRecords.jsonPiece(quoteRecord(graph.quotes[index]), first: index == 0)
        case "data/quotes.csv": CSVTable.piece(Self.quotesRow(quoteRecord(graph.quotes[index])))
        default: nil
        }
    }

    private static func timelineJSON(_ records: [DataRecords.Event]) -> SplicedFile {
        DataRecords.json("data/timeline.json", "events", records)
    }

    private static func quotesJSON(_ records: [DataRecords.Quote]) -> SplicedFile {
        DataRecords.json("data/quotes.json", "quotes", records)
    }

    private static func timelineCSV(_ records: [DataRecords.Event]) -> SplicedFile {
        CSVTable(header: ["id", "date", "time", "timezone", "approximate", "title", "cases", "parties", "sources", "summary", "disputed", "tags", "url"],
                 rows: records.map(timelineRow)).file("data/timeline.csv")
    }

    private static func quotesCSV(_ records: [DataRecords.Quote]) -> SplicedFile {
        CSVTable(header: ["id", "date", "speaker", "text", "case", "context", "mentions", "sources", "topics", "url"],
                 rows: records.map(quotesRow)).file("data/quotes.csv")
    }

    private static func timelineRow(_ record: DataRecords.Event) -> [String] {
        [record.id, record.date, record.time ?? "", record.timezone ?? "", record.approximate ? "true" : "false",
         record.title, record.cases.joined(separator: " "), record.parties.joined(separator: " "),
         record.sources.map(\.citation.source.id).joined(separator: " "), record.summary ?? "", record.disputed ?? "",
         record.tags.joined(separator: "; "), record.url]
    }

    private static func quotesRow(_ record: DataRecords.Quote) -> [String] {
        [record.id, record.date, record.speaker, record.text, record.case ?? "", record.context ?? "",
         record.mentions.joined(separator: " "), record.sources.map(\.citation.source.id).joined(separator: " "),
         record.topics.joined(separator: "; "), record.url]
    }

    /// The download `make` writes from `records`, or the output's own copy when it was made from the same
    /// records (digested like a page's context), so that an unchanged download is linked, not written again.
    private func file<Records: Encodable>(_ path: String, _ records: Records, _ make: (Records) -> OutputFile) -> OutputFile {
        guard cache != nil || digestsRecords else { return make(records) }
        let digest = PageDigest.of(template: path, templates: PageDigest(high: 0, low: 0), context: records)
        if let cache, cache.unchanged(path, digest) { return OutputFile(unchangedAt: path, digest: digest) }
        return make(records).identified(by: digest)
    }

    private func eventRecords() -> [DataRecords.Event] {
        graph.events.map(eventRecord)
    }

    private func eventRecord(_ event: TimelineEvent) -> DataRecords.Event {
        DataRecords.Event(
            id: event.id, date: event.date.description, time: event.time?.description, timezone: event.timezone,
            approximate: event.approximate, title: event.title.text, cases: event.cases.map(\.id),
            parties: event.parties.map(\.id), sources: event.sources.map(DataRecords.CitationRecord.init),
            summary: event.summary?.text, disputed: event.disputed?.text, tags: event.tags, url: graph.urls.absolute(.event(event.id)))
    }

    private func quoteRecords() -> [DataRecords.Quote] {
        graph.quotes.map(quoteRecord)
    }

    private func quoteRecord(_ quote: Quote) -> DataRecords.Quote {
        DataRecords.Quote(
            id: quote.id, text: quote.text, speaker: quote.speaker.id, date: quote.date.description,
            case: quote.legalCase?.id, context: quote.context?.text, mentions: quote.mentions.map(\.id),
            sources: quote.sources.map(DataRecords.CitationRecord.init), topics: quote.topics,
            variants: quote.sources.compactMap { citation in
                citation.wording.map { DataRecords.Quote.Variant(source: citation.source.id, text: $0) }
            },
            url: graph.urls.absolute(.quote(quote.id)))
    }

    private func partyRecords() -> [DataRecords.Party] {
        let urls = graph.urls
        return graph.parties.map { party in
            DataRecords.Party(
                id: party.id, name: party.name, kind: party.kind.rawValue, aliases: party.aliases,
                affiliation: party.affiliation?.id, role: party.role, sources: party.sources.map(\.id),
                biography: party.body.isBlank ? nil : party.body.text, url: urls.absolute(.party(party.id)))
        }
    }

    private func sourceRecords() -> [DataRecords.Source] {
        let urls = graph.urls
        return graph.sources.map { source in
            DataRecords.Source(
                id: source.id, title: source.title, publisher: source.publisher, authors: source.authors,
                published: source.published.description, updated: source.updated?.description, source_url: source.url,
                kind: source.kind.rawValue, notes: source.body.isBlank ? nil : source.body.text, url: urls.absolute(.source(source.id)))
        }
    }

    private func caseRecords() -> [DataRecords.Case] {
        let urls = graph.urls
        return graph.cases.map { item in
            DataRecords.Case(
                id: item.id, title: item.title, short_title: item.shortTitle, court: item.court, docket: item.docket,
                filed: item.filed?.description, closed: item.closed?.description, status: item.status.rawValue,
                parties: DataRecords.PartiesByRole(item.roles.map { ($0.name, $0.parties.map(\.id)) }),
                claims: item.claims, sources: item.sources.map(\.id),
                description: item.body.isBlank ? nil : item.body.text, url: urls.absolute(.legalCase(item.id)))
        }
    }
}
