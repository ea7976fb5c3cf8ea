/// Event and quote card HTML by digest of the card's view, template and template set, kept between builds:
/// in `.casebook-cache/` for `casebook build`, in memory for `casebook serve`. Rendering all 20,000 cards of a
/// big tracker was a fifth of a rebuild's work although a save changes one or two of them.
public final class CardCache: Sendable {
    private let entries: DigestCache

    /// A cache that lives as long as the object: for a process that builds many times.
    public init() {
        entries = DigestCache()
    }

    /// The cache saved beside `output` under `folder`; an unreadable or foreign file is an empty cache.
    public init(folder: String, output: String, ignoringPrevious: Bool = false) {
        entries = DigestCache(file: folder + "/cards-" + RenderCache.outputKey(output) + ".bin",
                              header: "casebook-card-cache 2\nbinary \(RenderCache.binaryIdentity())\n",
                              ignoringPrevious: ignoringPrevious)
    }

    /// What a card is cached under: the digest of its template set, template and view.
    static func digest(_ template: String, templates: TemplateSet, viewDigest: PageDigest) -> PageDigest {
        PageDigest.of(template: template, templates: templates.digest, context: [viewDigest.high, viewDigest.low])
    }

    /// The card's HTML, made when first printed: from the cache when its `digest` is known, else from `render`.
    /// A rebuild prints only the cards of the pages it renders again; the others stay in the cache unread.
    func html(_ digest: PageDigest, render: @escaping @Sendable () -> String) -> LazyHTML {
        if let html = entries.textAtHand(for: digest) { return LazyHTML(made: html) }
        return LazyHTML { [self] in text(digest, render: render) }
    }

    /// The card's HTML: from the cache when its `digest` is known, else rendered now and kept.
    func text(_ digest: PageDigest, render: () -> String) -> String {
        if let html = entries.text(for: digest) { return html }
        let html = render()
        entries.add(html, for: digest)
        return html
    }

    /// Cards rendered (not found in the cache) since the last `finishBuild`.
    var renderedCount: Int { entries.addedCount }

    /// This build's cards become the ones the next build looks up (saved, when the cache has a file): called once
    /// every page that may print a card is rendered.
    /// `keepingUnused`: the build printed only some cards, and those it did not are kept as well.
    func finishBuild(keepingUnused: Bool = false) {
        entries.finishBuild(keepingUnused: keepingUnused)
    }
}
