/// Renders parsed templates against a stack of `TemplateValue`s into one output string, with swift-mustache's
/// semantics: names are looked up from the innermost context outwards, lists loop, flags test, anything else
/// present is entered once, and partials inherit blocks and indentation.
struct TemplateRenderer {
    /// What a template is rendered within, beside the context stack.
    private struct Scope {
        var loop: TemplateLoopPosition?
        /// Prefixed to each line a standalone partial prints.
        var indentation: String?
        /// `{{$block}}` overrides from the templates that included this one.
        var overrides: [String: ParsedTemplate]?
        var escaping = true

        func enteringPartial(indentation indented: String?, overrides inherited: [String: ParsedTemplate]?) -> Scope {
            var scope = Scope(loop: nil, indentation: indentation, overrides: overrides, escaping: true)
            if let indented { scope.indentation = (indentation ?? "") + indented }
            if let inherited {
                scope.overrides = overrides.map { $0.merging(inherited) { outer, _ in outer } } ?? inherited
            }
            return scope
        }

        func enteringBlock(indentation indented: String) -> Scope {
            Scope(loop: nil, indentation: (indentation ?? "") + indented, overrides: overrides, escaping: escaping)
        }
    }

    private let templates: [String: ParsedTemplate]
    private var stack: [any TemplateValue]
    private(set) var output = ""
    private var partialDepth = 0
    static let maximumPartialDepth = 100

    private init(templates: [String: ParsedTemplate], root: any TemplateValue) {
        self.templates = templates
        stack = [root]
    }

    /// The text of `template` rendered with `value` as its context.
    static func render(_ template: ParsedTemplate, with value: any TemplateValue,
                       partials templates: [String: ParsedTemplate]) -> String {
        var renderer = TemplateRenderer(templates: templates, root: value)
        renderer.render(template, Scope())
        return renderer.output
    }

    private mutating func render(_ template: ParsedTemplate, _ scope: Scope) {
        var scope = scope
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in template.joinedNodes { render(node, &scope) }
            return
        }
        // Indented: each node's text is prefixed when it starts a line of this template's own output. The page so
        // far is set aside (swapped, not copied: it can be megabytes) while the nodes render one by one.
        var outer = ""
        swap(&outer, &output)
        var text = ""
        for node in template.nodes {
            output = ""
            render(node, &scope)
            if !output.isEmpty, text.last == "\n" { text += indentation }
            text += output
        }
        swap(&outer, &output)
        output += text
    }

    private mutating func render(_ node: TemplateNode, _ scope: inout Scope) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = lookUp(name, scope) else { return }
            let text: String
            switch value.templateForm {
            case .text(let string): text = string
            case .flag(let flag): text = flag ? "true" : "false"
            case .list, .record: text = String(describing: value)
            }
            if escaped, scope.escaping {
                HTMLEscaping.append(text, to: &output)
            } else {
                output += text
            }
        case .section(let name, let content, let inverted):
            let value = lookUp(name, scope)
            if inverted {
                renderInverted(content, value, scope)
            } else {
                renderSection(content, value, scope)
            }
        case .partial(let name, let indentation, let overrides):
            let partialName: String
            switch name {
            case .fixed(let fixed):
                partialName = fixed
            case .lookedUp(let lookup):
                guard case .text(let named)? = lookUp(lookup, scope)?.templateForm else { return }
                partialName = named
            }
            // Static cycles are load errors (`TemplateSet`); a dynamic partial naming its includer stops here.
            guard let partial = templates[partialName], partialDepth < Self.maximumPartialDepth else { return }
            partialDepth += 1
            render(partial, scope.enteringPartial(indentation: indentation, overrides: overrides))
            partialDepth -= 1
        case .block(let name, let defaultContent, let indentation):
            render(scope.overrides?[name] ?? defaultContent, scope.enteringBlock(indentation: indentation))
        case .blockDefinition:
            return
        case .escaping(let escaping):
            scope.escaping = escaping
        }
    }

    private mutating func renderSection(_ content: ParsedTemplate, _ value: (any TemplateValue)?, _ scope: Scope) {
        guard let value else { return }
        switch value.templateForm {
        case .list(let items):
            var loop = scope
            let count = items.count
            for index in 0..<count {
                loop.loop = TemplateLoopPosition(first: index == 0, last: index == count - 1, index: index)
                enter(items.item(at: index), content, loop)
            }
        case .flag(let flag):
            if flag { render(content, scope) }
        case .text, .record:
            var entered = scope
            entered.loop = nil
            enter(value, content, entered)
        }
    }

    private mutating func renderInverted(_ content: ParsedTemplate, _ value: (any TemplateValue)?, _ scope: Scope) {
        guard let value else { return render(content, scope) }
        switch value.templateForm {
        case .list(let items) where items.count == 0:
            var entered = scope
            entered.loop = nil
            enter(value, content, entered)
        case .flag(false):
            render(content, scope)
        default:
            return
        }
    }

    private mutating func enter(_ value: any TemplateValue, _ content: ParsedTemplate, _ scope: Scope) {
        stack.append(value)
        render(content, scope)
        stack.removeLast()
    }

    /// The value a tag names, after its transforms; nil when anything along the way is missing.
    private func lookUp(_ name: TemplateName, _ scope: Scope) -> (any TemplateValue)? {
        var transforms = name.transforms[...]
        var value: (any TemplateValue)?
        switch name.root {
        case .current:
            value = stack.last
        case .loopPosition:
            guard let loop = scope.loop, let last = transforms.popLast() else { return nil }
            value = loop.transformed(last)
        case .innermost:
            value = stack.last.flatMap { descend($0, name.parts[...]) }
        case .stack:
            guard let first = name.parts.first else {
                value = stack.last
                break
            }
            for index in stack.indices.reversed() {
                if let child = stack[index].field(first) {
                    value = descend(child, name.parts.dropFirst())
                    break
                }
            }
        }
        guard var result = value else { return nil }
        while let transform = transforms.popLast() {
            guard let transformed = result.transformed(transform) else { return nil }
            result = transformed
        }
        return result
    }

    private func descend(_ value: any TemplateValue, _ parts: ArraySlice<String>) -> (any TemplateValue)? {
        var value = value
        for part in parts {
            guard let child = value.field(part) else { return nil }
            value = child
        }
        return value
    }
}
