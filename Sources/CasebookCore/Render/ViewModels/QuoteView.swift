/// Everything a quote card or quote page prints, precomputed.
public struct QuoteView: Sendable, Encodable {
    /// One source's different wording of the quote, shown as a word diff against the main text.
    public struct Variant: Sendable, Encodable {
        public let number: Int
        public let sourceTitle: String
        public let url: String
        public let text: String
        public let diffHTML: String
    }

    public let id: String
    public let url: String
    public let text: String
    public let speaker: Chip
    public let speakerRole: String?
    public let date: DateView
    public let contextHTML: String?
    public let legalCase: Chip?
    public let mentions: [Chip]
    public let topics: [Chip]
    public let citations: [CitationView]
    /// `partials/citations` for this quote, as `EventView.citationsHTML`.
    public internal(set) var citationsHTML: LazyHTML?
    public let variants: [Variant]
    /// "Wording differs in 2 sources", or nil when every source agrees.
    public let variantsLabel: String?
    public let dataCases: String
    public let dataParties: String
}
