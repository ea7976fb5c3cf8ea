/// Checks each built page the way a reviewer would: a title and a description in its head, and alt text
/// on every image (an empty alt is a deliberate choice for decoration and is accepted).
public struct PageAudit {
    public init() {}

    public func problems(in files: [OutputFile]) -> [(page: String, message: String)] {
        var problems: [(String, String)] = []
        for file in files where file.path.hasSuffix(".html") {
            let html = file.text
            if Self.between("<title>", "</title>", in: html)?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true {
                problems.append((file.path, "page has no title"))
            }
            let description = LinkChecker.attributeValues("content", in: Self.tag(containing: "name=\"description\"", in: html) ?? "")
            if description.first?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                problems.append((file.path, "page has no description"))
            }
            for image in Self.tags(named: "img", in: html) where !image.contains(" alt=\"") {
                problems.append((file.path, "image without alt text: \(image)"))
            }
        }
        return problems
    }

    static func between(_ open: String, _ close: String, in text: String) -> Substring? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        return text[start.upperBound..<end.lowerBound]
    }

    static func tag(containing needle: String, in html: String) -> String? {
        guard let hit = html.range(of: needle) else { return nil }
        let start = html[..<hit.lowerBound].lastIndex(of: "<") ?? hit.lowerBound
        let end = html[hit.upperBound...].firstIndex(of: ">") ?? hit.upperBound
        return " " + String(html[start...end])
    }

    static func tags(named name: String, in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(name) ") ?? rest.range(of: "<\(name)>") {
            guard let close = rest[open.upperBound...].firstIndex(of: ">") else { break }
            result.append(String(rest[open.lowerBound...close]))
            rest = rest[close...]
        }
        return result
    }
}

import Foundation
