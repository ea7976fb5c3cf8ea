import Mustache

// Strings and numbers print through `MustacheCustomRenderable`, the first thing swift-mustache tries after a
// template: otherwise each printed value went through three more failed casts and `String(describing:)`,
// which checks its own conformances, on every tag of every page. Output is the same: `renderText` is what
// `String(describing:)` gave, and neither is ever a null section.
//
// They are also parents without children: inside `{{#summaryHTML}}…{{/summaryHTML}}` every name is first looked
// up on the string, which swift-mustache did through a `Mirror` of it, to find the same nothing.

extension String: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { self }
    public var isNull: Bool { false }
    public func child(named key: String) -> Any? { nil }
}

extension Int: @retroactive MustacheCustomRenderable, @retroactive MustacheParent {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
    public func child(named key: String) -> Any? { nil }
}
