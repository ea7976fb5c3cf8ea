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
        // Events and quotes are read where they lie (see `ContentShape.init`): copying each one was a fifth of this check.
        published.events.withUnsafeBufferPointer { events in
            for index in events.indices {
                ids.check(events[index].cases, .legalCase, &diagnostics)
                ids.check(events[index].parties, .party, &diagnostics)
                ids.check(events[index].sources.map(\.source), .source, &diagnostics)
            }
        }
        var sluggable: [String: Bool] = [:]  // a few hundred topics among tens of thousands of mentions
        published.quotes.withUnsafeBufferPointer { quotes in
            for index in quotes.indices {
                ids.check([quotes[index].speaker] + quotes[index].mentions, .party, &diagnostics)
                ids.check(quotes[index].legalCase.map { [$0] } ?? [], .legalCase, &diagnostics)
                ids.check(quotes[index].sources.map(\.source), .source, &diagnostics)
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
    }

    private let published: [Kind: Set<String>]
    private let drafts: [Kind: Set<String>]

    init(all: SiteContent, published: SiteContent) {
        func ids(_ content: SiteContent) -> [Kind: Set<String>] {
            [.legalCase: Set(content.cases.map(\.id)), .party: Set(content.parties.map(\.id)),
             .source: Set(content.sources.map(\.id))]
        }
        self.published = ids(published)
        let everything = ids(all)
        self.drafts = everything.mapValues { $0 }.merging(self.published) { all, live in all.subtracting(live) }
    }

    func check(_ references: [Reference], _ kind: Kind, _ diagnostics: inout DiagnosticList) {
        let known = published[kind] ?? []
        for reference in references where !known.contains(reference.id) {
            if drafts[kind]?.contains(reference.id) == true {
                diagnostics.error("\(kind.rawValue) '\(reference.id)' is a draft; publish it or build with --drafts",
                                  at: reference.location)
            } else {
                let hint = EditDistance.closest(to: reference.id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error("unknown \(kind.rawValue) '\(reference.id)'\(hint)", at: reference.location)
            }
        }
    }
}
