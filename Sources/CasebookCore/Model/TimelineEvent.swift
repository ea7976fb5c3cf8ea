/// One dated happening on the timeline, an item of a `Content/timeline/*.yml` list.
public struct TimelineEvent: Hashable, Sendable {
    public let id: String
    public let location: SourceLocation
    public var date: PartialDate
    public var time: TimeOfDay?
    /// The IANA zone the time is read in; nil means the site's zone.
    public var timezone: String?
    public var approximate: Bool
    /// Inline Markdown.
    public var title: MarkdownSource
    public var cases: [Reference]
    public var parties: [Reference]
    public var sources: [Citation]
    public var summary: MarkdownSource?
    public var disputed: MarkdownSource?
    public var tags: [String]
    public var draft: Bool
}
