import Mustache

// Strings and numbers print through `MustacheCustomRenderable`, the first thing swift-mustache tries after a
// template: otherwise each printed value went through three more failed casts and `String(describing:)`,
// which checks its own conformances, on every tag of every page. Output is the same: `renderText` is what
// `String(describing:)` gave, and neither is ever a null section.

extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}
