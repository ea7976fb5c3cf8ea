import Foundation
import Yams

/// Loading of the one-item-per-file kinds: cases, parties, sources and pages.
extension ContentLoader {
    /// A Markdown file's id, front-matter fields and body; nil when the file cannot be read at all.
    struct Document {
        let id: String
        let fields: FieldReader
        let body: MarkdownSource
    }

    /// `bytes` are the file's, when the caller read them already (to look the file up in the load cache).
    func loadDocument(_ path: String, bytes: Data?, what: String, _ diagnostics: inout DiagnosticList) -> Document? {
        let id = fileID(path, &diagnostics)
        guard let bytes = bytes ?? readBytes(path, &diagnostics), let text = decodeText(bytes, path, &diagnostics) else { return nil }
        let top = SourceLocation(file: path, line: 1, column: 1)
        let parts: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): parts = split
        case .failure(.missing):
            diagnostics.error("missing front matter: a \(what) file starts with a '---' line, its YAML fields, and another '---' line", at: top)
            return nil
        case .failure(.unterminated):
            diagnostics.error("unterminated front matter: no closing '---' line", at: top)
            return nil
        }
        guard case .success(let node) = YAMLDocument.parse(parts.yaml, path: path, lineOffset: parts.yamlLineOffset)
                .reportingFailure(into: &diagnostics),
              let fields = FieldReader(node, path: path, lineOffset: parts.yamlLineOffset, what: "the front matter",
                                       fallback: top, diagnostics: &diagnostics),
              let id
        else { return nil }
        return Document(id: id, fields: fields, body: MarkdownSource(parts.body, at: SourceLocation(file: path, line: parts.bodyLine)))
    }

    static let caseFields = ["title", "short_title", "court", "docket", "filed", "closed", "status", "parties", "claims", "sources", "draft"]

    func loadCase(_ path: String, bytes: Data?, _ diagnostics: inout DiagnosticList) -> LegalCase? {
        guard let document = loadDocument(path, bytes: bytes, what: "case", &diagnostics) else { return nil }
        let fields = document.fields
        defer { fields.warnAboutUnknownFields(known: Self.caseFields); fields.report(into: &diagnostics) }
        let title = fields.string("title", required: true)
        let status = enumValue("status", LegalCase.Status.self, fields, required: true)
        var roles: [LegalCase.Role] = []
        if let node = fields.node("parties") {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let role = key.string else { continue }
                    let parties = fields.scalarItems(of: value, field: role).map { Reference($0.text, at: $0.location) }
                    roles.append(.init(name: role, parties: parties))
                }
            } else {
                diagnostics.error("field 'parties' must map each role to party ids, e.g. 'plaintiff: [parler]'", at: fields.at(node))
            }
        }
        let item = LegalCase(
            id: document.id, location: fields.location, title: title ?? "", shortTitle: fields.string("short_title"),
            court: fields.string("court"), docket: fields.string("docket"), filed: fields.date("filed"),
            closed: fields.date("closed"), status: status ?? .filed, roles: roles, claims: fields.strings("claims"),
            sources: fields.references("sources"), body: document.body, draft: fields.bool("draft") ?? false)
        // Kept even when a required field is missing (the build fails on that error anyway), so that
        // references to this case do not add a second, misleading "unknown case" error.
        return item
    }

    static let partyFields = ["name", "kind", "aliases", "affiliation", "role", "sources", "draft"]

    func loadParty(_ path: String, bytes: Data?, _ diagnostics: inout DiagnosticList) -> Party? {
        guard let document = loadDocument(path, bytes: bytes, what: "party", &diagnostics) else { return nil }
        let fields = document.fields
        defer { fields.warnAboutUnknownFields(known: Self.partyFields); fields.report(into: &diagnostics) }
        let name = fields.string("name", required: true)
        let kind = enumValue("kind", Party.Kind.self, fields, required: true)
        return Party(
            id: document.id, location: fields.location, name: name ?? document.id, kind: kind ?? .organization,
            aliases: fields.strings("aliases"),
            affiliation: fields.reference("affiliation"), role: fields.string("role"),
            sources: fields.references("sources"), body: document.body, draft: fields.bool("draft") ?? false)
    }

    static let sourceFields = ["title", "publisher", "authors", "published", "updated", "url", "kind", "draft"]

    func loadSource(_ path: String, bytes: Data?, _ diagnostics: inout DiagnosticList) -> Source? {
        guard let document = loadDocument(path, bytes: bytes, what: "source", &diagnostics) else { return nil }
        let fields = document.fields
        defer { fields.warnAboutUnknownFields(known: Self.sourceFields); fields.report(into: &diagnostics) }
        let title = fields.string("title", required: true)
        let publisher = fields.string("publisher", required: true)
        let published = fields.date("published", required: true)
        let kind = enumValue("kind", Source.Kind.self, fields) ?? .article
        let url = fields.string("url")
        if let url, let node = fields.node("url"), !ExternalURL.isAllowed(url) {
            diagnostics.error("field 'url' must be an http or https address", at: fields.at(node))
        }
        return Source(
            id: document.id, location: fields.location, title: title ?? document.id, publisher: publisher ?? "",
            authors: fields.strings("authors"), published: published ?? PartialDate(year: 0), updated: fields.date("updated"),
            url: url.flatMap { ExternalURL.isAllowed($0) ? ExternalURL.normalized($0) : nil }, kind: kind, body: document.body,
            draft: fields.bool("draft") ?? false)
    }

    static let pageFields = ["title", "nav_order", "draft"]

    func loadPage(_ path: String, bytes: Data?, _ diagnostics: inout DiagnosticList) -> Page? {
        guard let document = loadDocument(path, bytes: bytes, what: "page", &diagnostics) else { return nil }
        let fields = document.fields
        defer { fields.warnAboutUnknownFields(known: Self.pageFields); fields.report(into: &diagnostics) }
        guard let title = fields.string("title", required: true) else { return nil }
        return Page(id: document.id, location: fields.location, title: title, navOrder: fields.int("nav_order"),
                    body: document.body, draft: fields.bool("draft") ?? false)
    }

    /// A field whose value is one of an enumeration's names, with a suggestion when it is close to one.
    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, _ fields: FieldReader,
                                                        required: Bool = false) -> E? where E.RawValue == String {
        guard let node = fields.node(key, required: required), let text = fields.string(key) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        let hint = EditDistance.closest(to: text, among: names).map { "did you mean '\($0)'? " } ?? ""
        fields.error("invalid \(key) '\(text)' (\(hint)expected one of: \(names.joined(separator: ", ")))", at: fields.at(node))
        return nil
    }
}
