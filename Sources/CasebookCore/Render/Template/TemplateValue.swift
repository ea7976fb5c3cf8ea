import Foundation

/// A value a template can print, test or enter: the view models, their fields and lists of them. Each kind says
/// what it is once, so rendering a tag is a switch and a field lookup, with no dynamic casts (swift-mustache made
/// several per tag and context level: about a third of a cold build's CPU).
public protocol TemplateValue {
    /// The value of `name` inside this one, or nil when it has no such field (lookup then goes down the stack).
    func field(_ name: String) -> (any TemplateValue)?
    /// How `{{x}}`, `{{#x}}` and `{{^x}}` treat the value.
    var templateForm: TemplateForm { get }
    /// The result of a transform such as `empty(x)` or `plusone(n)`, or nil when this value has no such transform.
    func transformed(_ name: String) -> (any TemplateValue)?
}

/// What a template can do with a value.
public enum TemplateForm {
    /// Printed (escaped by `{{x}}`, as is by `{{{x}}}`); a section enters it once.
    case text(String)
    /// A section renders when true, without entering it; printed as `true` or `false`.
    case flag(Bool)
    /// A section renders once per element; an inverted section renders when it is empty. The elements are read
    /// one by one from the list itself: copying them into an array of their own cost an allocation a section.
    case list(any TemplateItems)
    /// A record of fields: a section enters it once.
    case record
}

/// The elements a list section loops over, read in place.
public protocol TemplateItems {
    var count: Int { get }
    func item(at index: Int) -> any TemplateValue
}

extension TemplateValue {
    public var templateForm: TemplateForm { .record }
    public func transformed(_ name: String) -> (any TemplateValue)? { nil }
}

extension String: TemplateValue {
    public func field(_ name: String) -> (any TemplateValue)? { nil }
    public var templateForm: TemplateForm { .text(self) }

    public func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "empty": return isEmpty
        case "capitalized": return capitalized
        case "lowercased": return lowercased()
        case "uppercased": return uppercased()
        case "reversed": return String(reversed())
        default: return nil
        }
    }
}

extension Int: TemplateValue {
    public func field(_ name: String) -> (any TemplateValue)? { nil }
    public var templateForm: TemplateForm { .text(String(self)) }

    public func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "equalzero": return self == 0
        case "plusone": return self + 1
        case "minusone": return self - 1
        case "even": return self & 1 == 0
        case "odd": return self & 1 == 1
        default: return nil
        }
    }
}

extension Bool: TemplateValue {
    public func field(_ name: String) -> (any TemplateValue)? { nil }
    public var templateForm: TemplateForm { .flag(self) }
}

extension Array: TemplateItems where Element: TemplateValue {
    public func item(at index: Int) -> any TemplateValue { self[index] }
}

extension Array: TemplateValue where Element: TemplateValue {
    public func field(_ name: String) -> (any TemplateValue)? { nil }
    public var templateForm: TemplateForm { .list(self) }

    public func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "first": return first
        case "last": return last
        case "count": return count
        case "empty": return isEmpty
        case "sorted": return (self as? [String])?.sorted()
        default: return TemplateList(items: map { $0 }).transformed(name)
        }
    }
}

extension Dictionary: TemplateValue where Key == String, Value: TemplateValue {
    public func field(_ name: String) -> (any TemplateValue)? { self[name] }

    public func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "count": return count
        case "empty": return isEmpty
        default: return nil
        }
    }
}

/// A list made by a transform (`reversed(x)`), or of mixed elements.
struct TemplateList: TemplateValue, TemplateItems {
    let items: [any TemplateValue]

    func field(_ name: String) -> (any TemplateValue)? { nil }
    var templateForm: TemplateForm { .list(self) }
    var count: Int { items.count }
    func item(at index: Int) -> any TemplateValue { items[index] }

    func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "first": return items.first
        case "last": return items.last
        case "reversed": return TemplateList(items: items.reversed())
        case "count": return items.count
        case "empty": return items.isEmpty
        default: return nil
        }
    }
}

/// Where an element stands in the list a section is looping over: `{{^last()}}, {{/last()}}`.
struct TemplateLoopPosition {
    var first: Bool
    var last: Bool
    var index: Int

    func transformed(_ name: String) -> (any TemplateValue)? {
        switch name {
        case "first": return first
        case "last": return last
        case "index": return index
        case "even": return index & 1 == 0
        case "odd": return index & 1 == 1
        default: return nil
        }
    }
}
