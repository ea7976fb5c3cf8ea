import Foundation

/// HTML rendered the first time a template prints it, then kept: an item's citations, which its list card and its
/// own page both print, are rendered once in a cold build and not at all in a rebuild that renders neither; a
/// page's JSON-LD is made only when the page is rendered, not for every page a rebuild digests.
public final class LazyHTML: @unchecked Sendable, Encodable, TemplateValue {
    private var storedHTML: String?
    private let render: @Sendable () -> String
    /// What the HTML is made from, beyond what the rest of its page's digest covers: digested in its place.
    private let source: (any Encodable & Sendable)?

    init(standingFor source: (any Encodable & Sendable)? = nil, _ render: @escaping @Sendable () -> String) {
        self.source = source
        self.render = render
    }

    /// HTML made already, standing for itself in a digest unless `source` is given.
    init(made html: String, standingFor source: (any Encodable & Sendable)? = nil) {
        storedHTML = html
        self.source = source ?? html
        render = { "" }
    }

    public var templateForm: TemplateForm { .text(html) }

    /// The HTML, rendered now if this is its first print.
    public var html: String {
        let lock = Self.locks[Int(UInt(bitPattern: ObjectIdentifier(self).hashValue) % UInt(Self.locks.count))]
        if let rendered = lock.withLock({ storedHTML }) { return rendered }
        // Rendered outside the lock: two threads may both render it, never a template that prints it deadlock.
        let rendered = render()
        lock.withLock { storedHTML = rendered }
        return rendered
    }

    /// Locks shared by all instances, picked by address: a build makes some 80,000 of these (cards, citations,
    /// descriptions, JSON-LD) and most are never printed, so a lock each was a cost without a use.
    private static let locks = (0..<64).map { _ in NSLock() }

    public func field(_ key: String) -> (any TemplateValue)? { nil }

    /// Its source, or nothing: the rest of what it renders from (its view, the template set, the page's
    /// breadcrumbs and address) is in every digest it is part of.
    public func encode(to encoder: any Encoder) throws {
        try source?.encode(to: encoder)
    }
}
