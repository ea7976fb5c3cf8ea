/// Everything read from `Content/`, before cross-references are checked.
public struct SiteContent: Equatable, Sendable {
    public var config: SiteConfig
    public var cases: [LegalCase] = []
    public var parties: [Party] = []
    public var sources: [Source] = []
    public var events: [TimelineEvent] = []
    public var quotes: [Quote] = []
    public var pages: [Page] = []

    public init(config: SiteConfig) {
        self.config = config
    }

    /// The same content without drafts. A list without drafts is shared, not copied: copying 20,000 events and
    /// quotes (every string in them retained, and released later) took 10 ms each time the content was checked.
    public func withoutDrafts() -> SiteContent {
        var copy = self
        Self.removeDrafts(from: &copy.cases) { $0.draft }
        Self.removeDrafts(from: &copy.parties) { $0.draft }
        Self.removeDrafts(from: &copy.sources) { $0.draft }
        Self.removeDrafts(from: &copy.events) { $0.draft }
        Self.removeDrafts(from: &copy.quotes) { $0.draft }
        Self.removeDrafts(from: &copy.pages) { $0.draft }
        return copy
    }

    private static func removeDrafts<Item>(from items: inout [Item], _ isDraft: (Item) -> Bool) {
        if items.contains(where: isDraft) { items.removeAll(where: isDraft) }
    }
}
