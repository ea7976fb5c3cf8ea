import Foundation
import Mustache

/// HTML rendered the first time a template prints it, then kept: an item's citations, which its list card and its
/// own page both print, are rendered once in a cold build and not at all in a rebuild that renders neither.
public final class LazyHTML: @unchecked Sendable, Encodable, MustacheCustomRenderable {
    private let lock = NSLock()
    private var html: String?
    private let render: @Sendable () -> String

    init(_ render: @escaping @Sendable () -> String) {
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

    /// Nothing: what it renders is a function of its view and the template set, which every digest covers.
    public func encode(to encoder: any Encoder) throws {}
}
