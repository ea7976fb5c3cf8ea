/// A quotation attributed to a party, an item of a `Content/quotes/*.yml` list.
public struct Quote: Hashable, Sendable {
    public let id: String
    public let location: SourceLocation
    public var text: String
    public var speaker: Reference
    public var date: PartialDate
    public var legalCase: Reference?
    public var context: MarkdownSource?
    public var mentions: [Reference]
    public var sources: [Citation]
    public var topics: [String]
    public var draft: Bool
}
