/// Builds the layout data for each page: navigation with the current section marked, breadcrumbs, canonical URL.
struct LayoutFactory: Sendable {
    let graph: SiteGraph
    let stylesheetVersion: String?
    private let chrome: SiteChrome
    /// The footer is the same on every page: rendered once.
    private let footerHTML: String
    private let navEntries: [(label: String, route: Route?, url: String)]
    private let footerLinks: [LayoutView.DataLink]
    private let lastUpdated: DateView?
    /// The shared part of the layout by the navigation's `aria-current` states.
    private let shared = LockedCache<[[String?]: KnownDigest<LayoutView.Shared>]>([:])

    init(graph: SiteGraph, templates: TemplateSet, stylesheetVersion: String?) {
        self.graph = graph
        self.stylesheetVersion = stylesheetVersion
        chrome = SiteChrome(templates: templates)
        let urls = graph.urls
        var entries: [(String, Route?, String)] = [
            ("Timeline", .timeline, urls.path(.timeline)), ("Cases", .cases, urls.path(.cases)),
            ("Parties", .parties, urls.path(.parties)), ("Quotes", .quotes, urls.path(.quotes)),
            ("Sources", .sources, urls.path(.sources)),
        ]
        for page in graph.pages where page.navOrder != nil {
            entries.append((page.title, .page(page.id), urls.path(.page(page.id))))
        }
        for link in graph.config.nav {
            let url = link.url.hasPrefix("/") && !link.url.hasPrefix("//") ? urls.sitePath(String(link.url.dropFirst())) : link.url
            if !entries.contains(where: { $0.2 == url }) { entries.append((link.title, nil, url)) }
        }
        navEntries = entries
        footerLinks = ["data/timeline.json", "data/timeline.csv", "data/cases.json", "data/parties.json", "data/parties.csv",
                       "data/quotes.json", "data/quotes.csv", "data/sources.json", "timeline.ics"].map {
            .init(label: String($0.split(separator: "/").last ?? ""), url: urls.path(.file($0)))
        } + [.init(label: "feed.xml (Atom)", url: urls.path(.file("feed.xml")))]
        lastUpdated = graph.latestDate.map { DateLabel.view($0) }
        footerHTML = chrome.footer(Self.chromeView(graph, nav: [], footerLinks: footerLinks, lastUpdated: lastUpdated))
    }

    private static func chromeView(_ graph: SiteGraph, nav: [LayoutView.NavItem], footerLinks: [LayoutView.DataLink],
                                   lastUpdated: DateView?) -> SiteChrome.View {
        let urls = graph.urls
        return SiteChrome.View(siteTitle: graph.config.title, siteDescription: graph.config.description,
                               language: graph.config.language, homeURL: urls.path(.home), searchURL: urls.path(.search),
                               feedURL: urls.path(.file("feed.xml")), nav: nav, footerLinks: footerLinks, lastUpdated: lastUpdated)
    }

    var homeCrumb: LayoutView.Crumb { .init(label: "Home", url: graph.urls.path(.home)) }

    func crumb(_ label: String, _ route: Route) -> LayoutView.Crumb { .init(label: label, url: graph.urls.path(route)) }

    /// `describedBy` is a description made when the page is rendered, in place of `description`.
    func view(for route: Route, title: String, description: String?, describedBy lazyDescription: LazyHTML? = nil,
              crumbs: [LayoutView.Crumb], schema: StructuredData.PageSchema? = nil) -> LayoutView {
        let urls = graph.urls
        let section = Self.section(of: route)
        let currentURL = urls.path(route)
        let nav = navEntries.map { entry in
            let current = entry.url == currentURL ? "page" : (entry.route != nil && entry.route == section ? "true" : nil)
            return LayoutView.NavItem(label: entry.label, url: entry.url, current: current)
        }
        return LayoutView(
            shared: shared(nav: nav),
            documentTitle: route == .home ? graph.config.title : "\(title) · \(graph.config.title)",
            description: lazyDescription ?? LazyHTML(made: description ?? graph.config.description ?? graph.config.title),
            pageTitle: title, openGraphType: route == .home ? "website" : "article",
            jsonLD: schema == nil && crumbs.count < 2 ? nil : LazyHTML(standingFor: schema?.source) {
                StructuredData.script(schema?.items() ?? [], crumbs: crumbs, urls: urls, canonical: urls.absolute(route))
            },
            canonicalURL: urls.absolute(route), breadcrumbs: crumbs,
            pageKind: Self.kind(of: route))
    }

    /// The layout's site-wide fields for a navigation state, made and digested the first time it is seen.
    private func shared(nav: [LayoutView.NavItem]) -> KnownDigest<LayoutView.Shared> {
        let key = nav.map(\.current)
        if let known = shared.withLock({ $0[key] }) { return known }
        let urls = graph.urls
        let css = urls.path(.file("assets/casebook.css")) + (stylesheetVersion.map { "?v=\($0)" } ?? "")
        let view = LayoutView.Shared(
            siteTitle: graph.config.title, siteDescription: graph.config.description, language: graph.config.language,
            homeURL: urls.path(.home), stylesheetURL: css, scriptURL: urls.path(.file("assets/casebook.js")),
            feedURL: urls.path(.file("feed.xml")), searchURL: urls.path(.search), nav: nav,
            headerHTML: chrome.header(Self.chromeView(graph, nav: nav, footerLinks: footerLinks, lastUpdated: lastUpdated)),
            footerHTML: footerHTML, footerLinks: footerLinks, lastUpdated: lastUpdated)
        let made = KnownDigest(view, digest: PageDigest.of(view))
        shared.withLock { $0[key] = made }
        return made
    }

    /// The top-level section a route belongs to, for marking the navigation.
    static func section(of route: Route) -> Route? {
        switch route {
        case .timeline, .event: return .timeline
        case .cases, .legalCase: return .cases
        case .parties, .party: return .parties
        case .quotes, .quote, .topics, .topic: return .quotes
        case .sources, .source: return .sources
        case .page: return route
        case .later(let list, _): return section(of: list)
        default: return nil
        }
    }

    static func kind(of route: Route) -> String {
        switch route {
        case .home: return "home"
        case .timeline: return "timeline"
        case .event: return "event"
        case .cases: return "cases"
        case .legalCase: return "case"
        case .parties: return "parties"
        case .party: return "party"
        case .quotes: return "quotes"
        case .quote: return "quote"
        case .topics: return "topics"
        case .topic: return "topic"
        case .sources: return "sources"
        case .source: return "source"
        case .page: return "page"
        case .search: return "search"
        case .notFound: return "not-found"
        case .file: return "file"
        case .later(let list, _): return kind(of: list)
        }
    }
}
