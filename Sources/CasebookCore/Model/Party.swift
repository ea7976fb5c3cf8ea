/// A person, organization, court, government body or outlet, from `Content/parties/<id>.md`.
public struct Party: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case person, organization, court, government, media
    }

    public let id: String
    public let location: SourceLocation
    public var name: String
    public var kind: Kind
    public var aliases: [String]
    public var affiliation: Reference?
    public var role: String?
    public var sources: [Reference]
    public var body: MarkdownSource
    public var draft: Bool
}
