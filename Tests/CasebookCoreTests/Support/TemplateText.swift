import Mustache
@testable import CasebookCore

/// A template written in a test, with its partials, rendered by Casebook's engine or by swift-mustache, the
/// engine whose output it must reproduce.
struct TemplateText {
    let text: String
    let partials: [String: String]

    init(_ text: String, partials: [String: String] = [:]) {
        self.text = text
        self.partials = partials
    }

    func render(_ value: any TemplateValue) throws -> String {
        let parsed = try partials.mapValues { try TemplateParser.parse($0) }
        return TemplateRenderer.render(try TemplateParser.parse(text), with: value, partials: parsed)
    }

    /// What swift-mustache renders for the same template, partials and data.
    func reference(_ value: Any) throws -> String {
        var templates = try partials.mapValues { try MustacheTemplate(string: $0) }
        templates["main"] = try MustacheTemplate(string: text)
        return MustacheLibrary(templates: templates).render(value, withTemplate: "main") ?? ""
    }
}

/// Data both engines can render: plain Swift values for swift-mustache, the same through `TemplateValue` for Casebook.
indirect enum TemplateData: TemplateValue, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateData])
    case record([String: TemplateData])

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateData...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateData)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// The value as swift-mustache sees it.
    var plain: Any {
        switch self {
        case .text(let text): return text
        case .number(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items.map(\.plain)
        case .record(let fields): return fields.mapValues(\.plain)
        }
    }

    private var value: any TemplateValue {
        switch self {
        case .text(let text): return text
        case .number(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items
        case .record(let fields): return fields
        }
    }

    func field(_ name: String) -> (any TemplateValue)? { value.field(name) }
    var templateForm: TemplateForm { value.templateForm }
    func transformed(_ name: String) -> (any TemplateValue)? { value.transformed(name) }
}
