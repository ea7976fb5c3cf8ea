/// Markdown text from content, with the location of its first line so rendering problems can be placed.
public struct MarkdownSource: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}
