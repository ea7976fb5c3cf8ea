/// The site header and footer, rendered from `partials/site-header` and `partials/site-footer` once per
/// navigation state instead of on every page: they show only site-wide fields, and were about a sixth of
/// the template work of a 10,000-event build.
struct SiteChrome: Sendable {
    /// What the two partials see, under the same `layout.` names as the layout itself.
    struct View: Sendable {
        let siteTitle: String
        let siteDescription: String?
        let language: String
        let homeURL: String
        let searchURL: String
        let feedURL: String
        let nav: [LayoutView.NavItem]
        let footerLinks: [LayoutView.DataLink]
        let lastUpdated: DateView?
    }

    let templates: TemplateSet

    init(templates: TemplateSet) {
        self.templates = templates
    }

    /// The header for a navigation state (`LayoutFactory` asks once per state).
    func header(_ view: View) -> String {
        render("partials/site-header", view)
    }

    func footer(_ view: View) -> String {
        render("partials/site-footer", view)
    }

    /// The partial's HTML without its final newline, so that `{{{layout.headerHTML}}}` can stand on a line of its own.
    private func render(_ partial: String, _ view: View) -> String {
        var html = templates.render(partial, ["layout": view])
        if html.hasSuffix("\n") { html.removeLast() }
        return html
    }
}
