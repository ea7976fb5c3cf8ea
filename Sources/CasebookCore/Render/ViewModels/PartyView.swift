/// A party's fields ready to print, shared by the parties index and the party page.
public struct PartyView: Sendable, Encodable, Identifiable {
    public let id: String
    public let url: String
    public let name: String
    public let kind: String
    public let kindLabel: String
    public let aliases: [String]
    /// "Also written as John Matz"; nil without aliases.
    public let aliasesLabel: String?
    public let role: String?
    public let affiliation: Chip?
    public let bioHTML: String?
    public let excerpt: String?
    public let sources: [Chip]
    public let eventCount: Int
    public let quoteCount: Int
    public let quoteCountLabel: String
    /// "3 events · 1 quote".
    public let countsLabel: String
}
