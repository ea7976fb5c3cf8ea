/// The rule for links to the outside world written in content fields (not Markdown): web addresses only.
enum ExternalURL {
    static func isAllowed(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }
}
