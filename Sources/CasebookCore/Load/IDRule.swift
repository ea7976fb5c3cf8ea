/// The wording of id diagnostics, shared by files and list items.
enum IDRule {
    static func invalidMessage(_ id: String, what: String) -> String {
        let suggestion = Slug.make(from: id)
        let hint = suggestion.isEmpty || suggestion == id ? "" : " (try '\(suggestion)')"
        return "\(what) '\(id)' is not a valid id: use lowercase letters, digits and single hyphens\(hint)"
    }
}
