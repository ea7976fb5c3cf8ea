/// A view whose digest was taken once — an event or quote for its card, a navigation state's shared layout — so
/// that each page showing it adds 16 bytes to the page's digest instead of walking the view again (walking event,
/// quote and layout views page by page was a sixth of a rebuild's work at N=10,000). A class, so that each page
/// holding it retains it once instead of copying every field of the view.
final class KnownDigest<View: Encodable & Sendable>: Encodable, Sendable {
    let view: View
    private let known: DigestSource

    /// The view with its digest taken already; `digest` is nil when no page digest is wanted (no render cache), and
    /// the view is then digested as itself, should it be.
    init(_ view: View, digest: PageDigest?) {
        self.view = view
        known = .taken(digest)
    }

    /// The view, its digest taken when a page first asks for it.
    init(digestWhenAsked view: View) {
        self.view = view
        known = .whenAsked(LazyDigest { PageDigest.of(view) })
    }

    var digest: PageDigest? { known.value }

    func encode(to encoder: any Encoder) throws {
        guard let digest else { return try view.encode(to: encoder) }
        try Self.encode(digest, to: encoder)
    }

    /// How a digest stands for its view in an encoding.
    static func encode(_ digest: PageDigest, to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(digest.high)
        try container.encode(digest.low)
    }
}
