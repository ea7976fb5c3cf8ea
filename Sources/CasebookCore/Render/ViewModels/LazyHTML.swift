import Foundation
import Mustache

/// HTML rendered the first time a template prints it, then kept: an item's citations, which its list card and its
/// own page both print, are rendered once in a cold build and not at all in a rebuild that renders neither; a
/// page's JSON-LD is made only when the page is rendered, not for every page a rebuild digests.
public final class LazyHTML: @unchecked Sendable, Encodable, MustacheCustomRenderable, MustacheParent {
    private let lock = NSLock()
    private var html: String?
    private let render: @Sendable () -> String
    /// What the HTML is made from, beyond what the rest of its page's digest covers: digested in its place.
    private let source: (any Encodable & Sendable)?

    init(standingFor source: (any Encodable & Sendable)? = nil, _ render: @escaping @Sendable () -> String) {
        self.source = source
        self.render = render
    }

    public var renderText: String {
        if let html = lock.withLock({ html }) { return html }
        // Rendered outside the lock: two threads may both render it, never a template that prints it deadlock.
        let rendered = render()
        lock.withLock { html = rendered }
        return rendered
    }

    public var isNull: Bool { false }
    public func child(named key: String) -> Any? { nil }

    /// Its source, or nothing: the rest of what it renders from (its view, the template set, the page's
    /// breadcrumbs and address) is in every digest it is part of.
    public func encode(to encoder: any Encoder) throws {
        try source?.encode(to: encoder)
    }
}
