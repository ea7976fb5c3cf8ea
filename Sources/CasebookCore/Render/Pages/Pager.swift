/// The navigation between the pages of a long list.
public struct Pager: Sendable, Encodable {
    public struct Link: Sendable, Encodable {
        public let number: Int
        public let label: String
        public let url: String
        public let current: Bool
    }

    /// "Page 2 of 14".
    public let position: String
    public let current: Link
    public let previous: Link?
    public let next: Link?
    public let pages: [Link]
}

extension Pager: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "position": return position
        case "current": return current
        case "previous": return previous
        case "next": return next
        case "pages": return pages
        default: return nil
        }
    }
}

extension Pager.Link: TemplateValue {
    public func field(_ key: String) -> (any TemplateValue)? {
        switch key {
        case "number": return number
        case "label": return label
        case "url": return url
        case "current": return current
        default: return nil
        }
    }
}
