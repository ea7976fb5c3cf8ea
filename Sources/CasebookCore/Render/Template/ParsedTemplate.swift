/// A Mustache template parsed once into nodes; names are split and classified here, not on every lookup.
/// A class, as `TemplateName` is: the renderer copies each node it renders, and a section node now copies with
/// two retains where its four arrays took four (1% of a cold build's CPU at N=10,000).
final class ParsedTemplate: Sendable {
    /// A text node per line, as an indented partial prints them (each line that starts its output is indented).
    let nodes: [TemplateNode]
    /// The same with each run of text nodes joined into one, as the template prints without indentation: each line
    /// of the layout's head was a node of its own, on every page.
    let joinedNodes: [TemplateNode]

    init(nodes: [TemplateNode]) {
        self.nodes = nodes
        var joined: [TemplateNode] = []
        for node in nodes {
            if case .text(let text) = node, case .text(let before)? = joined.last {
                joined[joined.count - 1] = .text(before + text)
            } else {
                joined.append(node)
            }
        }
        joinedNodes = joined
    }
}

/// One piece of a parsed template.
enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` and `{{& name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, ParsedTemplate, inverted: Bool)
    /// `{{> name}}` (or `{{>*name}}`, whose name is looked up); `{{< name}}…{{/name}}` carries its block overrides.
    /// A standalone tag's indentation prefixes every line the partial prints.
    case partial(PartialName, indentation: String?, overrides: [String: ParsedTemplate]?)
    /// `{{$name}}default{{/name}}`: the override a child template gave, or the default.
    case block(String, defaultContent: ParsedTemplate, indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{< parent}}`: collected into the partial's overrides.
    case blockDefinition(String, ParsedTemplate)
    /// `{{% CONTENT_TYPE: HTML }}` (true) or `TEXT`: whether `{{x}}` escapes, from here to the template's end.
    case escaping(Bool)
}

/// The template a partial tag includes: named in the tag, or (`{{>*name}}`) the text a name looks up.
enum PartialName: Sendable {
    case fixed(String)
    case lookedUp(TemplateName)

    init(_ name: String, dynamic: Bool) {
        self = dynamic ? .lookedUp(TemplateName(name, transforms: [])) : .fixed(name)
    }
}

/// A tag's name as the renderer resolves it.
final class TemplateName: Sendable {
    enum Root: Sendable {
        /// `.`: the innermost context.
        case current
        /// `.name`: looked up on the innermost context only.
        case innermost
        /// `name` or `a.b`: the first context down the stack that has the first part.
        case stack
        /// `first()` and the like with no argument: the position in the enclosing loop.
        case loopPosition
    }

    let root: Root
    /// The dot-separated parts after the root.
    let parts: [String]
    /// Transforms from the outermost in: `empty(x)` is `["empty"]`, applied last to first.
    let transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        if name == "." {
            root = .current
            parts = []
        } else if name.isEmpty, !transforms.isEmpty {
            root = .loopPosition
            parts = []
        } else {
            root = name.first == "." ? .innermost : .stack
            parts = name.split(separator: ".").map(String.init)
        }
    }
}
