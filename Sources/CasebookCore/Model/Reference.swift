/// An id written in content to point at another item, kept with where it was written for diagnostics.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    public let id: String
    public let location: SourceLocation

    public init(_ id: String, at location: SourceLocation) {
        self.id = id
        self.location = location
    }

    public var description: String { id }
}
