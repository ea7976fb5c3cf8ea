/// The one place internal URLs are made, so that a site published under a sub-path links correctly.
public struct URLBuilder: Hashable, Sendable {
    /// Starts and ends with `/`, e.g. `/` or `/trackers/parler/`.
    public let basePath: String
    /// Scheme and host when the base URL is absolute (`https://example.org`), for feeds and canonical links.
    public private(set) var origin: String?

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let url):
                return "invalid base URL '\(url)': use a path such as '/' or '/trackers/parler/', or an http(s) URL"
            }
        }
    }

    public init(baseURL: String) throws(Failure) {
        var rest = baseURL.trimmingCharacters(in: .whitespaces)
        var origin: String?
        for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) {
            let afterScheme = rest.dropFirst(scheme.count)
            let host = afterScheme.prefix { $0 != "/" }
            guard !host.isEmpty else { throw .invalid(baseURL) }
            origin = scheme + host.lowercased()
            rest = String(afterScheme.dropFirst(host.count))
        }
        if rest.isEmpty { rest = "/" }
        guard rest.hasPrefix("/"), !rest.contains(where: { $0.isWhitespace || "?#\"'<>\\".contains($0) }),
              !rest.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else { throw .invalid(baseURL) }
        if !rest.hasSuffix("/") { rest += "/" }
        self.basePath = rest.replacingOccurrences(of: "//", with: "/")
        self.origin = origin
    }

    /// The same site served from another scheme and host, e.g. `http://127.0.0.1:8000`.
    public func servedFrom(origin: String) -> URLBuilder {
        var copy = self
        copy.origin = origin
        return copy
    }

    /// The link to a route, under the base path: `/trackers/parler/parties/parler/`.
    public func path(_ route: Route) -> String { basePath + route.relativePath }

    /// A site-relative path written in content (`about/`), under the base path.
    public func sitePath(_ relative: String) -> String { basePath + relative }

    /// The full URL when the base URL names a host; otherwise the path.
    public func absolute(_ route: Route) -> String { (origin ?? "") + path(route) }
}

import Foundation
