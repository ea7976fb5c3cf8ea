extension String {
    /// What `trimmingCharacters(in: .whitespacesAndNewlines)` gives (Unicode White_Space scalars, and U+200B,
    /// which Foundation counts too), without bridging to `NSString` and UTF-16: that was a third of rendering
    /// each event's Markdown.
    var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        let kept = { (scalar: Unicode.Scalar) in !scalar.properties.isWhitespace && scalar != "\u{200B}" }
        guard let start = scalars.firstIndex(where: kept), let end = scalars.lastIndex(where: kept) else { return "" }
        return String(scalars[start...end])
    }
}
