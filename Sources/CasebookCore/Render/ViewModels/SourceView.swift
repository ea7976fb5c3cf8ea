/// A source's fields ready to print as a bibliography entry and on its own page.
public struct SourceView: Sendable, Encodable, Identifiable {
    public let id: String
    public let url: String
    public let title: String
    public let publisher: String
    /// "Carrie Mihalcik and Jane Doe"; nil when no author is named.
    public let authors: String?
    public let authorList: [String]
    public let published: DateView
    public let updated: DateView?
    public let externalURL: String?
    public let kind: String
    public let kindLabel: String
    public let notesHTML: String?
    public let eventCount: Int
    public let quoteCount: Int
    public let supportLabel: String
}
