/// What a long-lived process (`casebook serve`) keeps between its in-memory builds: the card cache and the
/// page digests of the last successful build. With it, a page whose digest did not change comes back as
/// `OutputFile.unchanged` and the caller reuses the bytes it kept from that build.
public final class BuildMemory: @unchecked Sendable {
    let cards = CardCache()
    private let pages = LockedCache<[String: PageDigest]>([:])

    public init() {}

    /// The page cache for the next build, primed with the last successful build's digests.
    func renderCache() -> RenderCache {
        RenderCache(previous: pages.withLock { $0 })
    }

    /// Called when a build succeeded: its pages are the ones the next build compares with.
    func remember(_ cache: RenderCache) {
        let digests = cache.digests
        pages.withLock { $0 = digests }
    }

    /// Forgets the pages (not the cards, which do not depend on any earlier output): the next build renders
    /// every page. For a caller that no longer holds the last build's files.
    public func forgetPages() {
        pages.withLock { $0 = [:] }
    }
}
