/// Everything an event card or event page prints, precomputed.
public struct EventView: Sendable, Encodable {
    public let id: String
    public let url: String
    public let titleHTML: String
    public let titleText: String
    public let date: DateView
    public let approximate: Bool
    public let cases: [Chip]
    public let parties: [Chip]
    public let summaryHTML: String?
    public let disputedHTML: String?
    public let citations: [CitationView]
    /// `partials/citations` for this event, set by the renderer and printed by its list card and its page alike:
    /// rendering the partial inside each card was about a tenth of a cold build.
    public internal(set) var citationsHTML: LazyHTML?
    public let tags: [String]
    /// Space-separated ids for the timeline filter script.
    public let dataCases: String
    public let dataParties: String
    /// For descriptions and search.
    public let excerpt: String
}
