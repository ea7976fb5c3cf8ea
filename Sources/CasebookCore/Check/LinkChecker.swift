/// Finds internal links and `#anchors` in built pages that lead nowhere, the way a reader would
/// find them: by following each link to a file in the output and looking for the anchor's id there.
public struct LinkChecker {
    public let basePath: String

    public init(basePath: String) {
        self.basePath = basePath
    }

    public struct BrokenLink: Hashable, Sendable, CustomStringConvertible {
        public let page: String
        public let link: String
        public let reason: String
        public var description: String { "\(page): broken link '\(link)': \(reason)" }
    }

    public func check(_ files: [OutputFile]) -> [BrokenLink] {
        let inspection = SiteInspection()
        inspection.add(files)
        return inspection.brokenLinks(basePath: basePath)
    }

    /// The output file and fragment an internal link points at; nil for external links.
    func resolve(_ link: String, from page: String) -> (String, String?)? {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.contains("://") || decoded.hasPrefix("//") || decoded.hasPrefix("mailto:") || decoded.hasPrefix("tel:") { return nil }
        var path = decoded
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        var resolved: String
        if path.isEmpty {
            resolved = page
        } else if path.hasPrefix(basePath) {
            resolved = String(path.dropFirst(basePath.count))
        } else if path.hasPrefix("/") {
            return (path, fragment)
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            resolved = Self.normalize((folder.isEmpty ? "" : folder + "/") + path)
        }
        if resolved.isEmpty || resolved.hasSuffix("/") { resolved += "index.html" }
        return (resolved, fragment)
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// Values of a double-quoted attribute wherever it appears (` name="value"`).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let needle = Array(" \(name)=\"".utf8)
        return HTMLText.withBytes(html) { bytes in
            var values: [String] = []
            var index = 0
            while let hit = HTMLText.find(needle, in: bytes, from: index),
                  let end = HTMLText.find([UInt8(ascii: "\"")], in: bytes, from: hit + needle.count) {
                values.append(HTMLText.string(bytes, hit + needle.count..<end))
                index = end
            }
            return values
        }
    }
}
