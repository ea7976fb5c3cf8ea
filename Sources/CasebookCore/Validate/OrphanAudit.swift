/// Finds items nothing points at: a source no event, quote, case or party cites, a party no event, quote or
/// case mentions. They are warnings, as they are usually forgotten links rather than mistakes.
public struct OrphanAudit {
    public init() {}

    public func warnings(_ content: SiteContent) -> DiagnosticList {
        var cited = Set<String>()
        var mentioned = Set<String>()
        for item in content.events {
            cited.formUnion(item.sources.map(\.source.id))
            mentioned.formUnion(item.parties.map(\.id))
        }
        for item in content.quotes {
            cited.formUnion(item.sources.map(\.source.id))
            mentioned.formUnion([item.speaker.id] + item.mentions.map(\.id))
        }
        for item in content.cases {
            cited.formUnion(item.sources.map(\.id))
            mentioned.formUnion(item.roles.flatMap(\.parties).map(\.id))
        }
        for item in content.parties {
            cited.formUnion(item.sources.map(\.id))
            if let affiliation = item.affiliation { mentioned.insert(affiliation.id) }
        }
        var diagnostics = DiagnosticList()
        for source in content.sources where !cited.contains(source.id) {
            diagnostics.warning("source '\(source.id)' is not cited by any event, quote, case or party", at: SourceLocation(file: source.location.file))
        }
        for party in content.parties where !mentioned.contains(party.id) {
            diagnostics.warning("party '\(party.id)' is not mentioned by any event, quote or case", at: SourceLocation(file: party.location.file))
        }
        return diagnostics
    }
}
