/// Checks what no single file can: unique ids, references that resolve, page slugs that do not
/// shadow built-in sections. Every problem is collected; nothing stops at the first.
public struct ContentValidator {
    /// URL segments the generator writes itself; a free page may not take them.
    public static let reservedSlugs: Set<String> = [
        "timeline", "events", "cases", "parties", "quotes", "topics", "sources", "search", "assets", "data",
    ]

    public let includeDrafts: Bool

    public init(includeDrafts: Bool) {
        self.includeDrafts = includeDrafts
    }

    public func validate(_ content: SiteContent) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        checkUnique("case", content.cases.map { ($0.id, $0.location) }, &diagnostics)
        checkUnique("party", content.parties.map { ($0.id, $0.location) }, &diagnostics)
        checkUnique("source", content.sources.map { ($0.id, $0.location) }, &diagnostics)
        checkUnique("event", content.events.map { ($0.id, $0.location) }, &diagnostics)
        checkUnique("quote", content.quotes.map { ($0.id, $0.location) }, &diagnostics)
        checkUnique("page", content.pages.map { ($0.id, $0.location) }, &diagnostics)
        for page in content.pages where Self.reservedSlugs.contains(page.id) {
            diagnostics.error("page '\(page.id)' would replace the built-in /\(page.id)/ section; rename the file",
                              at: SourceLocation(file: page.location.file))
        }

        let published = includeDrafts ? content : content.withoutDrafts()
        let ids = IDIndex(all: content, published: published)
        for item in published.cases {
            for role in item.roles { ids.check(role.parties, .party, &diagnostics) }
            ids.check(item.sources, .source, &diagnostics)
        }
        for item in published.parties {
            ids.check(item.affiliation.map { [$0] } ?? [], .party, &diagnostics)
            ids.check(item.sources, .source, &diagnostics)
        }
        // Events and quotes are read where they lie (see `ContentShape.init`): copying each one was a fifth of this check;
        // and their references one by one, rather than gathered into a list per item.
        published.events.withUnsafeBufferPointer { events in
            for index in events.indices {
                ids.check(events[index].cases, .legalCase, &diagnostics)
                ids.check(events[index].parties, .party, &diagnostics)
                for citation in events[index].sources { ids.check(citation.source, .source, &diagnostics) }
            }
        }
        var sluggable: [String: Bool] = [:]  // a few hundred topics among tens of thousands of mentions
        published.quotes.withUnsafeBufferPointer { quotes in
            for index in quotes.indices {
                ids.check(quotes[index].speaker, .party, &diagnostics)
                ids.check(quotes[index].mentions, .party, &diagnostics)
                if let legalCase = quotes[index].legalCase { ids.check(legalCase, .legalCase, &diagnostics) }
                for citation in quotes[index].sources { ids.check(citation.source, .source, &diagnostics) }
                for topic in quotes[index].topics {
                    let hasSlug = sluggable[topic] ?? !Slug.make(from: topic).isEmpty
                    sluggable[topic] = hasSlug
                    guard !hasSlug else { continue }
                    diagnostics.error("topic '\(topic)' has no letters or digits to make a page name from", at: quotes[index].location)
                }
            }
        }
        return diagnostics
    }

    private func checkUnique(_ kind: String, _ items: [(String, SourceLocation)], _ diagnostics: inout DiagnosticList) {
        var first: [String: SourceLocation] = [:]
        first.reserveCapacity(items.count)
        for (id, location) in items {
            if let earlier = first[id] {
                diagnostics.error("duplicate \(kind) id '\(id)' (first defined at \(earlier))", at: location)
            } else {
                first[id] = location
            }
        }
    }
}

/// The ids of each kind, for resolving references with "did you mean" suggestions.
struct IDIndex {
    enum Kind: String {
        case legalCase = "case", party, source

        fileprivate var place: Int {
            switch self {
            case .legalCase: 0
            case .party: 1
            case .source: 2
            }
        }
    }

    /// The ids of each kind, by `Kind.place`: looked up once per reference, without hashing the kind.
    private let published: [Set<String>]
    private let drafts: [Set<String>]

    init(all: SiteContent, published: SiteContent) {
        func ids(_ content: SiteContent) -> [Set<String>] {
            [Set(content.cases.map(\.id)), Set(content.parties.map(\.id)), Set(content.sources.map(\.id))]
        }
        self.published = ids(published)
        drafts = zip(ids(all), self.published).map { all, live in all.subtracting(live) }
    }

    func check(_ references: [Reference], _ kind: Kind, _ diagnostics: inout DiagnosticList) {
        for reference in references { check(reference, kind, &diagnostics) }
    }

    func check(_ reference: Reference, _ kind: Kind, _ diagnostics: inout DiagnosticList) {
        let known = published[kind.place]
        if !known.contains(reference.id) {
            if drafts[kind.place].contains(reference.id) {
                diagnostics.error("\(kind.rawValue) '\(reference.id)' is a draft; publish it or build with --drafts",
                                  at: reference.location)
            } else {
                let hint = EditDistance.closest(to: reference.id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error("unknown \(kind.rawValue) '\(reference.id)'\(hint)", at: reference.location)
            }
        }
    }
}
