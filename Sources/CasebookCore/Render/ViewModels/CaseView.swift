/// A case's fields ready to print, shared by the cases index, the case page and the home page.
public struct CaseView: Sendable, Encodable, Identifiable {
    public struct RoleView: Sendable, Encodable {
        public let role: String
        public let parties: [Chip]
    }

    public let id: String
    public let url: String
    public let title: String
    public let shortTitle: String
    public let court: String?
    public let docket: String?
    public let filed: DateView?
    public let closed: DateView?
    public let status: String
    public let statusLabel: String
    public let claims: [String]
    public let roles: [RoleView]
    public let bodyHTML: String?
    public let excerpt: String?
    public let sources: [Chip]
    public let eventCount: Int
    public let quoteCount: Int
    public let eventCountLabel: String
    public let quoteCountLabel: String
}
