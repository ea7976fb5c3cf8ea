/// A quotation attributed to a party, an item of a `Content/quotes/*.yml` list.
public struct Quote: Hashable, Sendable {
    public let id: String
    public let location: SourceLocation
    /// The words quoted, as parsed or as kept in a load cache (see `KeptText`).
    var quoted: KeptText
    public var speaker: Reference
    public var date: PartialDate
    public var legalCase: Reference?
    public var context: MarkdownSource?
    public var mentions: [Reference]
    public var sources: [Citation]
    public var topics: [String]
    public var draft: Bool

    init(id: String, location: SourceLocation, text: KeptText, speaker: Reference, date: PartialDate, legalCase: Reference?,
         context: MarkdownSource?, mentions: [Reference], sources: [Citation], topics: [String], draft: Bool) {
        self.id = id
        self.location = location
        quoted = text
        self.speaker = speaker
        self.date = date
        self.legalCase = legalCase
        self.context = context
        self.mentions = mentions
        self.sources = sources
        self.topics = topics
        self.draft = draft
    }

    public var text: String {
        get { quoted.text }
        set { quoted = KeptText(newValue) }
    }
}
