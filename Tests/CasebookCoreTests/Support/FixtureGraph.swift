@testable import CasebookCore

/// The minimal fixture loaded into a graph and view catalog, for tests of single generators.
enum FixtureGraph {
    static let minimal: SiteGraph = {
        let root = Fixtures.path("Tests/Fixtures/minimal-site/Content")
        let content = (try? ContentLoader(fileSystem: LocalFileSystem(root: root), root: root).load().0)
            ?? SiteContent(config: SiteConfig(title: "missing fixture"))
        return SiteGraph(content: content, urls: (try? URLBuilder(baseURL: "/")) ?? fallbackURLs)
    }()

    static let minimalViews = ViewCatalog(graph: minimal, markdown: MarkdownRenderer(urls: minimal.urls, unsafeHTML: false))

    private static var fallbackURLs: URLBuilder {
        // "/" always parses; this only satisfies the type checker.
        try! URLBuilder(baseURL: "/")
    }
}
