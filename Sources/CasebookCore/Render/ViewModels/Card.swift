/// An event's or quote's card HTML as the lists that show it hold it. In a page's digest it stands as the digest it
/// is cached under (its view, template and template set), not as its text: digesting the HTML of every card on
/// every list page was most of the hashing of a rebuild (about 200 MB at N=10,000).
public struct Card: Sendable, Encodable, TemplateValue {
    public let html: String
    /// Nil when pages are not digested (no render cache): then the HTML is digested, should it be.
    let digest: PageDigest?

    init(html: String, digest: PageDigest?) {
        self.html = html
        self.digest = digest
    }

    public func encode(to encoder: any Encoder) throws {
        try KnownDigest(html, digest: digest).encode(to: encoder)
    }

    public var templateForm: TemplateForm { .text(html) }
    public func field(_ key: String) -> (any TemplateValue)? { nil }
}
