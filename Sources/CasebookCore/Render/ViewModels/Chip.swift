/// A small labelled link to a case, party, topic or tag, as shown in lists of them.
public struct Chip: Hashable, Sendable, Encodable {
    public let id: String
    public let label: String
    public let url: String
}
