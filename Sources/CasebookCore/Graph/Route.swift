/// Every kind of page or file the site has; the URL builder turns a route into a link or an output path.
public enum Route: Hashable, Sendable {
    case home, timeline, cases, parties, quotes, topics, sources, search, notFound
    case event(String), legalCase(String), party(String), quote(String), topic(String), source(String), page(String)
    /// A file under the site root, such as `assets/casebook.css` or `data/timeline.json`.
    case file(String)
    /// Page 2, 3, ... of a long list (the timeline, the quote index, a topic); make it with `numbered(_:)`.
    indirect case later(Route, page: Int)

    /// Page `number` of this list: the route itself for page 1, `…/page/N/` after it.
    public func numbered(_ number: Int) -> Route {
        number <= 1 ? self : .later(self, page: number)
    }

    /// The path under the site root: a folder (ending in `/`) for pages, a file path for files.
    public var relativePath: String {
        switch self {
        case .home: return ""
        case .timeline: return "timeline/"
        case .cases: return "cases/"
        case .parties: return "parties/"
        case .quotes: return "quotes/"
        case .topics: return "topics/"
        case .sources: return "sources/"
        case .search: return "search/"
        case .notFound: return "404.html"
        case .event(let id): return "events/\(id)/"
        case .legalCase(let id): return "cases/\(id)/"
        case .party(let id): return "parties/\(id)/"
        case .quote(let id): return "quotes/\(id)/"
        case .topic(let slug): return "topics/\(slug)/"
        case .source(let id): return "sources/\(id)/"
        case .page(let id): return "\(id)/"
        case .file(let path): return path
        case .later(let list, let number): return list.relativePath + "page/\(number)/"
        }
    }

    /// The file written for this route: `index.html` inside a page's folder.
    public var outputPath: String {
        let path = relativePath
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
