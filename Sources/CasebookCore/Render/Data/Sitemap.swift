/// `sitemap.xml` and `robots.txt`. The sitemap protocol needs full URLs, so it is written only when the
/// base URL names a host; `robots.txt` points at it then.
struct Sitemap {
    let graph: SiteGraph

    /// The paths of `files`: a sitemap needs absolute URLs, so a site without an origin gets a robots.txt only.
    var paths: [String] { graph.urls.origin == nil ? ["robots.txt"] : ["sitemap.xml", "robots.txt"] }

    func files(pagePaths: [String]) -> [OutputFile] {
        guard graph.urls.origin != nil else {
            return [OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n")]
        }
        let lastModified = Dictionary(graph.sources.map { (Route.source($0.id).outputPath, ($0.updated ?? $0.published)) },
                                      uniquingKeysWith: { a, _ in a })
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pagePaths.sorted() where path.hasSuffix("index.html") {
            let folder = String(path.dropLast("index.html".count))
            xml += "<url><loc>\(XML.escape(graph.urls.absolute(.file(folder))))</loc>"
            if let date = lastModified[path], date.precision == .day { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return [
            OutputFile(path: "sitemap.xml", text: xml),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(graph.urls.absolute(.file("sitemap.xml")))\n"),
        ]
    }
}
