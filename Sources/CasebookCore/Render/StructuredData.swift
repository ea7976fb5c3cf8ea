import Foundation

/// schema.org JSON-LD for a page's `<script type="application/ld+json">`, escaped so that no string in
/// the content can close the script element or open a comment.
enum StructuredData {
    typealias Object = [String: Any]

    /// Serializes the page's items (plus its breadcrumb trail) as one `@graph`.
    static func script(_ items: [Object], crumbs: [LayoutView.Crumb], urls: URLBuilder, canonical: String) -> String {
        var graph = items
        if crumbs.count > 1 {
            graph.append([
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.enumerated().map { index, crumb -> Object in
                    var item: Object = ["@type": "ListItem", "position": index + 1, "name": crumb.label]
                    item["item"] = crumb.url.map { (urls.origin ?? "") + $0 } ?? canonical
                    return item
                },
            ])
        }
        guard !graph.isEmpty else { return "" }
        let document: Object = ["@context": "https://schema.org", "@graph": graph]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        return escapeForScript(String(decoding: data, as: UTF8.self))
    }

    /// `<`, `>` and `&` become JSON unicode escapes: the JSON means the same, and `</script>` or `<!--` cannot appear.
    static func escapeForScript(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    static func party(_ party: Party, view: PartyView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": party.kind == .person ? "Person" : "Organization", "name": party.name,
                              "url": urls.absolute(.party(party.id))]
        if !party.aliases.isEmpty { object["alternateName"] = party.aliases }
        if let excerpt = view.excerpt { object["description"] = excerpt }
        return object
    }

    static func event(_ view: EventView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": "Event", "name": view.titleText, "startDate": view.date.iso,
                              "url": urls.absolute(.event(view.id)), "description": view.excerpt,
                              "eventStatus": "https://schema.org/EventScheduled"]
        if !view.parties.isEmpty { object["performer"] = view.parties.map { ["@type": "Thing", "name": $0.label] } }
        return object
    }

    static func quote(_ view: QuoteView, urls: URLBuilder) -> Object {
        [
            "@type": "Quotation", "text": view.text, "dateCreated": view.date.iso, "url": urls.absolute(.quote(view.id)),
            "creator": ["@type": "Thing", "name": view.speaker.label],
            "citation": view.citations.map { ["@type": "CreativeWork", "name": $0.sourceTitle, "publisher": $0.publisher] },
        ]
    }

    static func source(_ view: SourceView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": view.kind == "article" ? "NewsArticle" : "CreativeWork", "headline": view.title,
                              "publisher": ["@type": "Organization", "name": view.publisher], "datePublished": view.published.iso,
                              "mainEntityOfPage": urls.absolute(.source(view.id))]
        if let updated = view.updated { object["dateModified"] = updated.iso }
        if let url = view.externalURL { object["url"] = url }
        if !view.authorList.isEmpty { object["author"] = view.authorList.map { ["@type": "Person", "name": $0] } }
        return object
    }
}
