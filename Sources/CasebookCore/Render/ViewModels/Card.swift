/// An event's or quote's card HTML as the lists that show it hold it. In a page's digest it stands as the digest it
/// is cached under (its view, template and template set), not as its text: digesting the HTML of every card on
/// every list page was most of the hashing of a rebuild (about 200 MB at N=10,000).
public struct Card: Sendable, Encodable, TemplateValue {
    private let content: LazyHTML
    private let known: DigestSource

    init(html: String, digest: PageDigest?) {
        self.init(html: LazyHTML(made: html), digest: digest)
    }

    /// A card whose HTML is made (or read from the card cache) when first printed.
    init(html: LazyHTML, digest: PageDigest?) {
        content = html
        known = .taken(digest)
    }

    /// A card whose HTML is made when first printed, and its digest taken when a page first asks for it.
    init(html: LazyHTML, digestWhenAsked digest: LazyDigest) {
        content = html
        known = .whenAsked(digest)
    }

    /// Nil when pages are not digested (no render cache): then the HTML is digested, should it be.
    var digest: PageDigest? { known.value }

    public var html: String { content.html }

    /// As `KnownDigest` would encode the HTML, without making it when the digest stands for it.
    public func encode(to encoder: any Encoder) throws {
        guard let digest else { return try html.encode(to: encoder) }
        try KnownDigest<String>.encode(digest, to: encoder)
    }

    public var templateForm: TemplateForm { .text(html) }
    public func field(_ key: String) -> (any TemplateValue)? { nil }
}
