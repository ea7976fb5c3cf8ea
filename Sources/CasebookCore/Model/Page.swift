/// A free Markdown page such as "about", from `Content/pages/<slug>.md`.
public struct Page: Hashable, Sendable {
    public let id: String
    public let location: SourceLocation
    public var title: String
    public var navOrder: Int?
    public var body: MarkdownSource
    public var draft: Bool
}
