import Foundation

/// HTML rendered the first time a template prints it, then kept: an item's citations, which its list card and its
/// own page both print, are rendered once in a cold build and not at all in a rebuild that renders neither; a
/// page's JSON-LD is made only when the page is rendered, not for every page a rebuild digests.
public final class LazyHTML: @unchecked Sendable, Encodable, TemplateValue {
    private let lock = NSLock()
    private var storedHTML: String?
    private let render: @Sendable () -> String
    /// What the HTML is made from, beyond what the rest of its page's digest covers: digested in its place.
    private let source: (any Encodable & Sendable)?

    init(standingFor source: (any Encodable & Sendable)? = nil, _ render: @escaping @Sendable () -> String) {
        self.source = source
        self.render = render
    }

    public var templateForm: TemplateForm { .text(html) }

    /// The HTML, rendered now if this is its first print.
    public var html: String {
        if let rendered = lock.withLock({ storedHTML }) { return rendered }
        // Rendered outside the lock: two threads may both render it, never a template that prints it deadlock.
        let rendered = render()
        lock.withLock { storedHTML = rendered }
        return rendered
    }

    public func field(_ key: String) -> (any TemplateValue)? { nil }

    /// Its source, or nothing: the rest of what it renders from (its view, the template set, the page's
    /// breadcrumbs and address) is in every digest it is part of.
    public func encode(to encoder: any Encoder) throws {
        try source?.encode(to: encoder)
    }
}
