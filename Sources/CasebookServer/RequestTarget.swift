/// What a static host would answer for a request path: the file to send, a redirect to the folder's URL
/// (`/timeline` → `/timeline/`), or nothing. Pure, so that path traversal is tested without a server.
enum RequestTarget: Equatable {
    /// A site-relative file path, e.g. `timeline/index.html`.
    case file(String)
    case redirect(String)
    case notFound
    /// The path tries to leave the site: `..` segments (also percent-encoded), backslashes, NUL bytes.
    case forbidden

    /// Resolves the raw request target (`/x/timeline/?q=1`) against a site served under `basePath`
    /// (`/x/`), where `exists` tells whether a site-relative file is part of the build.
    static func resolve(_ rawTarget: String, basePath: String, exists: (String) -> Bool) -> RequestTarget {
        let rawPath = rawTarget.prefix { $0 != "?" && $0 != "#" }
        guard let path = percentDecoded(rawPath), path.hasPrefix("/") else { return .forbidden }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) || path.contains("\\") || path.contains("\0") {
            return .forbidden
        }
        if path + "/" == basePath { return .redirect(basePath) }
        guard path.hasPrefix(basePath) else { return .notFound }
        let relative = String(path.dropFirst(basePath.count))
        if relative.contains("//") { return .notFound }
        if relative.isEmpty || relative.hasSuffix("/") {
            return exists(relative + "index.html") ? .file(relative + "index.html") : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") {
            let query = rawTarget.dropFirst(rawPath.count)
            return .redirect(String(rawPath) + "/" + query)
        }
        return .notFound
    }

    /// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded<S: StringProtocol>(_ text: S) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
