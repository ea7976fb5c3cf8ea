/// Every kind of page or file the site has; the URL builder turns a route into a link or an output path.
public enum Route: Hashable, Sendable {
    case home, timeline, cases, parties, quotes, topics, sources, search, notFound
    case event(String), legalCase(String), party(String), quote(String), topic(String), source(String), page(String)
    /// A file under the site root, such as `assets/casebook.css` or `data/timeline.json`.
    case file(String)

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
        }
    }

    /// The file written for this route: `index.html` inside a page's folder.
    public var outputPath: String {
        let path = relativePath
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
