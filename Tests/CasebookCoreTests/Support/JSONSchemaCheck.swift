import Foundation

/// A small JSON Schema checker for the keywords our schemas in docs/data use: type, required, properties,
/// additionalProperties, items, minItems, enum, pattern, oneOf and local $ref. Returns readable problems.
struct JSONSchemaCheck {
    let root: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any]? = nil, path: String = "$") -> [String] {
        var schema = schema ?? root
        if let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/"),
           let resolved = (root["$defs"] as? [String: Any])?[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] {
            schema = resolved
        }
        var found: [String] = []
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matches = options.filter { problems(value, $0, path: path).isEmpty }.count
            if matches != 1 { found.append("\(path): matches \(matches) of oneOf") }
        }
        if let type = schema["type"] as? String, !Self.has(type, value) { return found + ["\(path): expected \(type)"] }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            found.append("\(path): '\(text)' not in enum")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing '\(key)'") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    found += problems(child, childSchema, path: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    found += problems(child, extra, path: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected '\(key)'")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += problems(item, items, path: "\(path)[\(index)]") }
            }
        }
        return found
    }

    static func has(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer": return value is Int
        default: return true
        }
    }
}
