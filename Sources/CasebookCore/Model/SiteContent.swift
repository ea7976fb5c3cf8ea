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

    /// The same content without drafts.
    public func withoutDrafts() -> SiteContent {
        var copy = self
        copy.cases.removeAll(where: \.draft)
        copy.parties.removeAll(where: \.draft)
        copy.sources.removeAll(where: \.draft)
        copy.events.removeAll(where: \.draft)
        copy.quotes.removeAll(where: \.draft)
        copy.pages.removeAll(where: \.draft)
        return copy
    }
}
