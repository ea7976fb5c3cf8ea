import Foundation

/// `feed.xml`: an Atom 1.0 feed of the latest 50 timeline events, newest first. Its dates come from the
/// events themselves, never the clock, so two builds of the same content give the same bytes.
struct AtomFeed {
    let graph: SiteGraph
    let views: ViewCatalog
    static let limit = 50

    func file() -> OutputFile {
        let urls = graph.urls
        // From the end, so that only the last events are copied: reversing the whole list copied 10,000 views.
        let latest = graph.events.indices.reversed().prefix(Self.limit).map { (graph.events[$0], views.events[$0]) }
        // Made once for the feed: a formatter and `String(format:)` an entry were a third of the feed's time.
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        let times = latest.map { timestamp($0.0, formatter) }
        let updated = times.max() ?? "1970-01-01T00:00:00Z"
        let urn = "urn:casebook:" + Slug.make(from: graph.config.title) + ":"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XML.escape(graph.config.language))">
        <title>\(XML.escape(graph.config.title))</title>

        """
        if let description = graph.config.description { xml += "<subtitle>\(XML.escape(description))</subtitle>\n" }
        xml += """
        <link rel="self" type="application/atom+xml" href="\(XML.escape(urls.absolute(.file("feed.xml"))))"/>
        <link rel="alternate" type="text/html" href="\(XML.escape(urls.absolute(.timeline)))"/>
        <id>\(XML.escape(identifier(.timeline, urn: urn)))</id>
        <updated>\(updated)</updated>
        <author><name>\(XML.escape(graph.config.title))</name></author>
        <generator>Casebook</generator>

        """
        for ((event, view), time) in zip(latest, times) {
            var content = view.summaryHTML ?? ""
            if let disputed = view.disputedHTML { content += "<p><strong>Sources disagree:</strong></p>" + disputed }
            let sources = view.citations.map { "<li>\(HTML.escape($0.sourceTitle)), \(HTML.escape($0.publisher))</li>" }.joined()
            content += "<p>Sources:</p><ol>\(sources)</ol>"
            xml += """
            <entry>
            <title type="html">\(XML.escape(view.titleHTML))</title>
            <link rel="alternate" type="text/html" href="\(XML.escape(urls.absolute(.event(event.id))))"/>
            <id>\(XML.escape(identifier(.event(event.id), urn: urn)))</id>
            <updated>\(time)</updated>
            <summary>\(XML.escape(view.date.label + ". " + view.excerpt))</summary>
            <content type="html">\(XML.escape(content))</content>
            \(view.cases.map { "<category term=\"\(XML.escape($0.id))\" label=\"\(XML.escape($0.label))\"/>" }.joined())
            </entry>

            """
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    /// An entry's permanent id: its URL when the site's address is known, otherwise a stable URN under `urn`.
    func identifier(_ route: Route, urn: String) -> String {
        if graph.urls.origin != nil { return graph.urls.absolute(route) }
        return urn + route.relativePath.split(separator: "/").joined(separator: ":")
    }

    /// RFC 3339 time of an event: its instant when it has a time (by `formatter`, in UTC), else the start of its date.
    func timestamp(_ event: TimelineEvent, _ formatter: ISO8601DateFormatter) -> String {
        if let instant = EventInstant.date(of: event, siteTimeZone: graph.config.timezone) { return formatter.string(from: instant) }
        let date = event.date
        return PartialDate.padded(date.year, 4) + "-" + PartialDate.padded(date.month ?? 1, 2) + "-" + PartialDate.padded(date.day ?? 1, 2)
            + "T00:00:00Z"
    }
}
