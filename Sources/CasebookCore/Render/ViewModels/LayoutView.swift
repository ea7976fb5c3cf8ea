/// What the shared layout prints on every page: site identity, navigation, and the page's own metadata.
public struct LayoutView: Sendable, Encodable {
    public struct NavItem: Sendable, Encodable {
        public let label: String
        public let url: String
        /// `aria-current`: "page" on the section's own index, "true" on pages inside it, nil elsewhere.
        public let current: String?
    }

    public struct Crumb: Sendable, Encodable {
        public let label: String
        /// Nil for the current page, which is the last crumb.
        public let url: String?
    }

    public struct DataLink: Sendable, Encodable {
        public let label: String
        public let url: String
    }

    /// What every page in one navigation state shows alike; made and digested once per state (see `LayoutFactory`).
    public struct Shared: Sendable, Encodable {
        public let siteTitle: String
        public let siteDescription: String?
        public let language: String
        public let homeURL: String
        public let stylesheetURL: String
        public let scriptURL: String
        public let feedURL: String
        public let searchURL: String
        public let nav: [NavItem]
        /// `partials/site-header` and `partials/site-footer`, rendered once per navigation state (see `SiteChrome`).
        public let headerHTML: String
        public let footerHTML: String
        public let footerLinks: [DataLink]
        /// The newest date in the content, for "Last updated"; derived from content so builds stay reproducible.
        public let lastUpdated: DateView?
    }

    /// Templates read these fields as the layout's own (`layout.siteTitle`).
    let shared: KnownDigest<Shared>
    /// The `<title>`: "Page · Site", or the site title alone on the home page.
    public let documentTitle: String
    /// The meta description; made when the page is rendered, as a quote's is an excerpt of its text (a tenth of a
    /// rebuild's CPU when made for every quote page, rendered or not). It digests as what it is made from.
    public let description: LazyHTML
    /// The page's own title, for Open Graph.
    public let pageTitle: String
    /// "website" for the home page, "article" elsewhere.
    public let openGraphType: String
    /// Escaped JSON-LD for `<script type="application/ld+json">`, made when the page is rendered; nil when the
    /// page has none.
    public let jsonLD: LazyHTML?
    public let canonicalURL: String
    public let breadcrumbs: [Crumb]
    /// A class on `<body>` naming the page kind, for the stylesheet.
    public let pageKind: String
}
