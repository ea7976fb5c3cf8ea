/// A lawsuit or other proceeding, from `Content/cases/<id>.md`.
public struct LegalCase: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, CaseIterable {
        case filed, pending, dismissed, settled, decided, appealed, closed
    }

    /// The parties in one role ("plaintiff": [parler]), in the order the file lists the roles.
    public struct Role: Hashable, Sendable {
        public let name: String
        public let parties: [Reference]
    }

    public let id: String
    public let location: SourceLocation
    public var title: String
    public var shortTitle: String?
    public var court: String?
    public var docket: String?
    public var filed: PartialDate?
    public var closed: PartialDate?
    public var status: Status
    public var roles: [Role]
    public var claims: [String]
    public var sources: [Reference]
    public var body: MarkdownSource
    public var draft: Bool
}
