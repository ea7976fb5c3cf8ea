import Foundation

/// schema.org JSON-LD for a page's `<script type="application/ld+json">`, escaped so that no string in
/// the content can close the script element or open a comment.
enum StructuredData {
    typealias Object = [String: Value]

    /// A JSON value, typed so that writing it needs no dynamic casts (`[String: Any]` cost a cast per value on
    /// every page, the JSON-LD a fourteenth of a rebuild).
    indirect enum Value: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
        ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
        case string(String)
        case int(Int)
        case bool(Bool)
        case list([Value])
        case object(Object)

        init(stringLiteral value: String) { self = .string(value) }
        init(integerLiteral value: Int) { self = .int(value) }
        init(booleanLiteral value: Bool) { self = .bool(value) }
        init(arrayLiteral elements: Value...) { self = .list(elements) }
        init(dictionaryLiteral elements: (String, Value)...) { self = .object(Dictionary(elements) { $1 }) }
    }

    /// A page's schema.org items, made only if the page is rendered, and the value they are made from, which stands
    /// for them in the page's digest (with the page's address, which the layout holds).
    struct PageSchema: Sendable {
        let source: any Encodable & Sendable
        let items: @Sendable () -> [Object]
    }

    /// Serializes the page's items (plus its breadcrumb trail) as one `@graph`.
    static func script(_ items: [Object], crumbs: [LayoutView.Crumb], urls: URLBuilder, canonical: String) -> String {
        var graph = items.map(Value.object)
        if crumbs.count > 1 {
            graph.append([
                "@type": "BreadcrumbList",
                "itemListElement": .list(crumbs.enumerated().map { index, crumb -> Value in
                    ["@type": "ListItem", "position": .int(index + 1), "name": .string(crumb.label),
                     "item": .string(crumb.url.map { (urls.origin ?? "") + $0 } ?? canonical)]
                }),
            ])
        }
        guard !graph.isEmpty else { return "" }
        var json: [UInt8] = []
        json.reserveCapacity(1024)
        write(["@context": "https://schema.org", "@graph": .list(graph)], into: &json)
        return String(decoding: json, as: UTF8.self)
    }

    /// Compact JSON with sorted keys, written directly as UTF-8 (Foundation's serializer and five passes of
    /// `replacingOccurrences` took a quarter of the render time; escaping scalar by scalar, a tenth of a rebuild).
    /// `<`, `>` and `&` become unicode escapes: the JSON means the same, and `</script>` or `<!--` cannot appear.
    static func write(_ value: Value, into json: inout [UInt8]) {
        switch value {
        case .string(let text):
            JSONText.append(text, htmlSafe: true, to: &json)
        case .int(let number):
            json += String(number).utf8
        case .bool(let flag):
            json += (flag ? "true" : "false").utf8
        case .list(let list):
            json.append(UInt8(ascii: "["))
            for (index, item) in list.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                write(item, into: &json)
            }
            json.append(UInt8(ascii: "]"))
        case .object(let object):
            json.append(UInt8(ascii: "{"))
            for (index, entry) in object.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                JSONText.append(entry.key, htmlSafe: true, to: &json)
                json.append(UInt8(ascii: ":"))
                write(entry.value, into: &json)
            }
            json.append(UInt8(ascii: "}"))
        }
    }

    static func party(_ party: Party, view: PartyView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": .string(party.kind == .person ? "Person" : "Organization"), "name": .string(party.name),
                              "url": .string(urls.absolute(.party(party.id)))]
        if !party.aliases.isEmpty { object["alternateName"] = .list(party.aliases.map(Value.string)) }
        if let excerpt = view.excerpt { object["description"] = .string(excerpt) }
        return object
    }

    static func event(_ view: EventView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": "Event", "name": .string(view.titleText), "startDate": .string(view.date.iso),
                              "url": .string(urls.absolute(.event(view.id))), "description": .string(view.excerpt),
                              "eventStatus": "https://schema.org/EventScheduled"]
        if !view.parties.isEmpty { object["performer"] = .list(view.parties.map { ["@type": "Thing", "name": .string($0.label)] }) }
        return object
    }

    static func quote(_ view: QuoteView, urls: URLBuilder) -> Object {
        [
            "@type": "Quotation", "text": .string(view.text), "dateCreated": .string(view.date.iso),
            "url": .string(urls.absolute(.quote(view.id))),
            "creator": ["@type": "Thing", "name": .string(view.speaker.label)],
            "citation": .list(view.citations.map {
                ["@type": "CreativeWork", "name": .string($0.sourceTitle), "publisher": .string($0.publisher)]
            }),
        ]
    }

    static func source(_ view: SourceView, urls: URLBuilder) -> Object {
        var object: Object = ["@type": .string(view.kind == "article" ? "NewsArticle" : "CreativeWork"), "headline": .string(view.title),
                              "publisher": ["@type": "Organization", "name": .string(view.publisher)],
                              "datePublished": .string(view.published.iso),
                              "mainEntityOfPage": .string(urls.absolute(.source(view.id)))]
        if let updated = view.updated { object["dateModified"] = .string(updated.iso) }
        if let url = view.externalURL { object["url"] = .string(url) }
        if !view.authorList.isEmpty { object["author"] = .list(view.authorList.map { ["@type": "Person", "name": .string($0)] }) }
        return object
    }
}
