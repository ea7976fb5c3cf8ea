/// Splits a Markdown file into its YAML front matter and body, keeping the line numbers of both.
struct FrontMatter: Equatable {
    let yaml: String
    /// The file line on which the YAML starts, minus one: add it to a line within `yaml`.
    let yamlLineOffset: Int
    let body: String
    /// The 1-based file line on which the body starts.
    let bodyLine: Int

    enum Failure: Error, Equatable {
        case missing, unterminated
    }

    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        func isFence(_ line: Substring) -> Bool {
            line.trimmingTrailingWhitespace() == "---"
        }
        guard let first = lines.first, isFence(first) else { return .failure(.missing) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) || lines[$0].trimmingTrailingWhitespace() == "..." })
        else { return .failure(.unterminated) }
        let yaml = lines[1..<close].joined(separator: "\n")
        let bodyLines = lines[(close + 1)...]
        var body = bodyLines.joined(separator: "\n")
        if !bodyLines.isEmpty { body += "\n" }
        return .success(FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: close + 2))
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
