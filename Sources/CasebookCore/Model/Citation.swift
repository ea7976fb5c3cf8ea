/// A pointer from an event or quote to the source that carries it, with where in the source and,
/// for quotes, the wording that source printed when it differs from the quote's main text.
public struct Citation: Hashable, Sendable {
    public let source: Reference
    /// Where in the source the fact is found ("paragraph 3", "p. 12").
    public let locator: String?
    /// For quotes: the quotation as this source printed it.
    public let wording: String?

    public init(source: Reference, locator: String? = nil, wording: String? = nil) {
        self.source = source
        self.locator = locator
        self.wording = wording
    }
}
