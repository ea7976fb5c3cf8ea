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

    /// The text between the first `open` and the `close` after it.
    static func between(_ open: String, _ close: String, in text: String) -> String? {
        HTMLText.withBytes(text) { bytes in
            guard let start = HTMLText.find(Array(open.utf8), in: bytes),
                  let end = HTMLText.find(Array(close.utf8), in: bytes, from: start + open.utf8.count) else { return nil }
            return HTMLText.string(bytes, start + open.utf8.count..<end)
        }
    }

    /// The whole tag (` <…>`, with a leading space for `attributeValues`) around the first `needle`.
    static func tag(containing needle: String, in html: String) -> String? {
        HTMLText.withBytes(html) { bytes in
            guard let hit = HTMLText.find(Array(needle.utf8), in: bytes) else { return nil }
            var start = hit
            while start > 0, bytes[start] != UInt8(ascii: "<") { start -= 1 }
            let end = HTMLText.find([UInt8(ascii: ">")], in: bytes, from: hit + needle.utf8.count) ?? bytes.count - 1
            return " " + HTMLText.string(bytes, start..<end + 1)
        }
    }

    /// Every `<name …>` or `<name>` tag, in order.
    static func tags(named name: String, in html: String) -> [String] {
        let open = Array("<\(name)".utf8)
        return HTMLText.withBytes(html) { bytes in
            var result: [String] = []
            var index = 0
            while let hit = HTMLText.find(open, in: bytes, from: index) {
                let next = hit + open.count
                guard next < bytes.count else { break }
                guard bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: ">") else {
                    index = next
                    continue
                }
                guard let close = HTMLText.find([UInt8(ascii: ">")], in: bytes, from: next) else { break }
                result.append(HTMLText.string(bytes, hit..<close + 1))
                index = close
            }
            return result
        }
    }
}

import Foundation
