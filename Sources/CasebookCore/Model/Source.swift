/// An article, filing or statement that facts are cited to, from `Content/sources/<id>.md`.
public struct Source: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case article, filing, statement, other
    }

    public let id: String
    public let location: SourceLocation
    public var title: String
    public var publisher: String
    public var authors: [String]
    public var published: PartialDate
    public var updated: PartialDate?
    public var url: String?
    public var kind: Kind
    public var body: MarkdownSource
    public var draft: Bool
}
