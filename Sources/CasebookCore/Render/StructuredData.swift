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
        var json = ""
        write(["@context": "https://schema.org", "@graph": graph], into: &json)
        return json
    }

    /// Compact JSON with sorted keys, written directly (Foundation's serializer and five passes of
    /// `replacingOccurrences` took a quarter of the render time). `<`, `>` and `&` become unicode escapes:
    /// the JSON means the same, and `</script>` or `<!--` cannot appear.
    static func write(_ value: Any, into json: inout String) {
        switch value {
        case let text as String:
            json += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case "<": json += "\\u003c"
                case ">": json += "\\u003e"
                case "&": json += "\\u0026"
                case "\u{2028}": json += "\\u2028"
                case "\u{2029}": json += "\\u2029"
                case _ where scalar.value < 0x20:
                    json += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        case let number as Int:
            json += String(number)
        case let flag as Bool:
            json += flag ? "true" : "false"
        case let list as [Any]:
            json += "["
            for (index, item) in list.enumerated() {
                if index > 0 { json += "," }
                write(item, into: &json)
            }
            json += "]"
        case let object as [String: Any]:
            json += "{"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { json += "," }
                write(key, into: &json)
                json += ":"
                write(object[key] as Any, into: &json)
            }
            json += "}"
        default:
            json += "null"
        }
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
