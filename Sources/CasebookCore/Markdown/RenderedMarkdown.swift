/// Markdown turned into HTML, with the plain text that search, excerpts and descriptions use.
public struct RenderedMarkdown: Hashable, Sendable {
    public let html: String
    public let plainText: String
    public let headings: [MarkdownHeading]
    /// The first paragraph as plain text, cut to about 160 characters at a word boundary.
    public let excerpt: String?

    public static let empty = RenderedMarkdown(html: "", plainText: "", headings: [], excerpt: nil)
}
