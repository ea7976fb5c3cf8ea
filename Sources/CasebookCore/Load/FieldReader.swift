import Foundation
import Yams

/// Reads the fields of one YAML mapping as typed values, recording a located diagnostic for every
/// missing, mistyped or unknown field instead of stopping at the first.
final class FieldReader {
    let path: String
    let lineOffset: Int
    /// Where the mapping starts: missing fields are reported here.
    let location: SourceLocation
    private(set) var diagnostics = DiagnosticList()
    private var values: [String: (key: Node, value: Node)] = [:]
    private var order: [String] = []

    /// Returns nil, with a diagnostic in `diagnostics`, when `node` is not a mapping.
    init?(_ node: Node?, path: String, lineOffset: Int, what: String, fallback: SourceLocation,
          diagnostics: inout DiagnosticList) {
        self.path = path
        self.lineOffset = lineOffset
        guard let node, case .mapping(let mapping) = node else {
            let at = node?.location(in: path, lineOffset: lineOffset) ?? fallback
            diagnostics.error("expected \(what) as a mapping of fields, found \(node?.kindName ?? "nothing")", at: at)
            return nil
        }
        self.location = node.location(in: path, lineOffset: lineOffset)
        for (key, value) in mapping {
            guard let name = key.string else {
                self.diagnostics.error("field names must be text", at: key.location(in: path, lineOffset: lineOffset))
                continue
            }
            values[name] = (key, value)
            order.append(name)
        }
    }

    func at(_ node: Node) -> SourceLocation { node.location(in: path, lineOffset: lineOffset) }

    /// The raw node of a field that is present and not null.
    func node(_ key: String, required: Bool = false) -> Node? {
        guard let entry = values[key], !entry.value.isNull else {
            if required { diagnostics.error("missing required field '\(key)'", at: values[key].map { at($0.key) } ?? location) }
            return nil
        }
        return entry.value
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key, required: required) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error("field '\(key)' must be text, found \(node.kindName)", at: at(node))
            return nil
        }
        if required, scalar.string.allSatisfy(\.isWhitespace) {
            diagnostics.error("field '\(key)' must not be empty", at: at(node))
            return nil
        }
        return scalar.string
    }

    func markdown(_ key: String, required: Bool = false) -> MarkdownSource? {
        guard let node = node(key, required: required), let text = string(key, required: required) else { return nil }
        return MarkdownSource(text, at: at(node))
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        guard let value = node.bool else {
            diagnostics.error("field '\(key)' must be true or false", at: at(node))
            return nil
        }
        return value
    }

    func int(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int else {
            diagnostics.error("field '\(key)' must be a whole number", at: at(node))
            return nil
        }
        return value
    }

    func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let node = node(key, required: required), let text = string(key) else { return nil }
        switch PartialDate.parse(text.trimmingCharacters(in: .whitespaces)) {
        case .success(let date): return date
        case .failure(let error):
            diagnostics.error("field '\(key)': \(error)", at: at(node))
            return nil
        }
    }

    /// A list of text; a single text value is read as a one-item list.
    func strings(_ key: String) -> [String] {
        scalarItems(key).map(\.text)
    }

    func reference(_ key: String, required: Bool = false) -> Reference? {
        guard let node = node(key, required: required), let id = string(key) else { return nil }
        return Reference(id, at: at(node))
    }

    func references(_ key: String) -> [Reference] {
        scalarItems(key).map { Reference($0.text, at: $0.location) }
    }

    /// Items of a list of text (or one text value), each with its location.
    func scalarItems(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let node = node(key) else { return [] }
        return scalarItems(of: node, field: key)
    }

    /// Items of a list node found elsewhere than a top-level field (such as a case's role lists).
    func scalarItems(of node: Node, field key: String) -> [(text: String, location: SourceLocation)] {
        if node.isNull { return [] }
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            diagnostics.error("field '\(key)' must be a list, found \(node.kindName)", at: at(node))
            return []
        }
        var result: [(text: String, location: SourceLocation)] = []
        var bad: [Node] = []
        for item in items {
            if case .scalar(let scalar) = item, !item.isNull { result.append((scalar.string, at(item))) } else { bad.append(item) }
        }
        // One diagnostic per field, however many items are wrong (an alias can repeat one item many times).
        if let first = bad.first {
            let more = bad.count > 1 ? " (and \(bad.count - 1) more)" : ""
            diagnostics.error("items of '\(key)' must be text, found \(first.kindName)\(more)", at: at(first))
        }
        return result
    }

    /// Records warnings for fields not in `known`, suggesting the closest known name.
    func warnAboutUnknownFields(known: [String]) {
        for name in order where !known.contains(name) {
            guard let key = values[name]?.key else { continue }
            let hint = EditDistance.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            diagnostics.warning("unknown field '\(name)'\(hint)", at: at(key))
        }
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func report(into list: inout DiagnosticList) {
        list.append(contentsOf: diagnostics)
        diagnostics = DiagnosticList()
    }
}

extension Node {
    var isNull: Bool {
        if case .scalar(let scalar) = self, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }
}
