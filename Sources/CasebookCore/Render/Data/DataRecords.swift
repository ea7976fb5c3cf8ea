/// The shapes of the data downloads: each item's content fields as written in `Content/`
/// (ids, dates at their precision, references as ids, Markdown as written) plus its page URL.
enum DataRecords {
    /// A citation as the content gives it: a bare source id, or an object when it carries a locator or wording.
    struct CitationRecord: Encodable {
        let citation: Citation

        func encode(to encoder: Encoder) throws {
            if citation.locator == nil && citation.wording == nil {
                var container = encoder.singleValueContainer()
                try container.encode(citation.source.id)
                return
            }
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(citation.source.id, forKey: .source)
            try container.encodeIfPresent(citation.locator, forKey: .locator)
            try container.encodeIfPresent(citation.wording, forKey: .text)
        }

        enum Keys: String, CodingKey { case source, locator, text }
    }

    struct Event: Encodable {
        let id: String
        let date: String
        let time: String?
        let timezone: String?
        let approximate: Bool
        let title: String
        let cases: [String]
        let parties: [String]
        let sources: [CitationRecord]
        let summary: String?
        let disputed: String?
        let tags: [String]
        let url: String
    }

    struct Quote: Encodable {
        let id: String
        let text: String
        let speaker: String
        let date: String
        let `case`: String?
        let context: String?
        let mentions: [String]
        let sources: [CitationRecord]
        let topics: [String]
        /// The wordings that differ from `text`, by source id.
        let variants: [Variant]
        let url: String

        struct Variant: Encodable {
            let source: String
            let text: String
        }
    }

    struct Party: Encodable {
        let id: String
        let name: String
        let kind: String
        let aliases: [String]
        let affiliation: String?
        let role: String?
        let sources: [String]
        let biography: String?
        let url: String
    }

    struct Source: Encodable {
        let id: String
        let title: String
        let publisher: String
        let authors: [String]
        let published: String
        let updated: String?
        let source_url: String?
        let kind: String
        let notes: String?
        let url: String
    }

    struct Case: Encodable {
        let id: String
        let title: String
        let short_title: String?
        let court: String?
        let docket: String?
        let filed: String?
        let closed: String?
        let status: String
        let parties: PartiesByRole
        let claims: [String]
        let sources: [String]
        let description: String?
        let url: String
    }

    /// A case's parties by role, encoded as an object whose keys come in one order: a Swift dictionary's
    /// order changes from one instance to the next, and with it the digest that decides whether
    /// `data/cases.json` must be written again.
    struct PartiesByRole: Encodable {
        let roles: [(name: String, parties: [String])]

        init(_ roles: [(name: String, parties: [String])]) {
            self.roles = Dictionary(roles.map { ($0.name, $0.parties) }, uniquingKeysWith: +)
                .sorted { $0.key < $1.key }.map { (name: $0.key, parties: $0.value) }
        }

        private struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for role in roles { try container.encode(role.parties, forKey: Key(stringValue: role.name)) }
        }
    }
}
