/// A numbered reference from an event or quote to one of its sources.
public struct CitationView: Hashable, Sendable, Encodable {
    public let number: Int
    public let sourceID: String
    public let sourceTitle: String
    public let publisher: String
    public let published: DateView
    /// The source's page on this site.
    public let url: String
    /// The source's own address, when known.
    public let externalURL: String?
    public let locator: String?
}
