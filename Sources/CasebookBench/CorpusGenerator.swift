import Foundation

/// Writes a synthetic tracker in the real content format at a given scale, the same bytes every time:
/// N events, N quotes, N/100 cases, N/20 parties, N/10 sources, with realistic Markdown.
struct CorpusGenerator {
    let events: Int
    var random = SplitMix64(seed: 2021)

    var caseCount: Int { max(1, events / 100) }
    var partyCount: Int { max(2, events / 20) }
    var sourceCount: Int { max(1, events / 10) }

    static let words = """
        court filed motion hearing judge ruling complaint hosting service contract breach notice antitrust platform \
        moderation policy statement spokesperson lawsuit injunction restraining order appeal dismissal evidence \
        attorney counsel defamation damages servers account suspension violence content users network company \
        federal state district county record exhibit testimony deposition settlement review précis café naïve São Paulo
        """.split(separator: " ").map(String.init)

    mutating func word() -> String { Self.words[Int(random.next() % UInt64(Self.words.count))] }

    mutating func sentence(_ count: Int) -> String {
        var parts: [String] = []
        for index in 0..<count {
            var w = word()
            switch random.next() % 17 {
            case 0: w = "*\(w)*"
            case 1: w = "**\(w)**"
            case 2: w = "[\(w)](https://example.org/\(w.lowercased().replacingOccurrences(of: " ", with: "-")))"
            default: break
            }
            parts.append(index == 0 ? w.prefix(1).uppercased() + w.dropFirst() : w)
        }
        return parts.joined(separator: " ") + "."
    }

    mutating func paragraph(words: Int) -> String {
        var text: [String] = []
        var left = words
        while left > 0 {
            let count = min(left, 8 + Int(random.next() % 10))
            text.append(sentence(count))
            left -= count
        }
        return text.joined(separator: " ")
    }

    /// A 60–120-word summary with a list now and then.
    mutating func summary() -> String {
        let total = 60 + Int(random.next() % 61)
        var body = paragraph(words: total - 12)
        if random.next() % 3 == 0 {
            body += "\n\n- " + sentence(4) + "\n- " + sentence(4) + "\n- " + sentence(4)
        } else {
            body += "\n\n" + paragraph(words: 12)
        }
        return body
    }

    static func indent(_ text: String, by spaces: Int = 4) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar, so Markdown punctuation (`*`, `[`, `:`) stays text.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func date(_ index: Int, of count: Int) -> String {
        let day = index * 3650 / max(count, 1)
        let year = 2015 + day / 365, dayOfYear = day % 365
        let month = min(12, dayOfYear / 31 + 1), dayOfMonth = min(28, dayOfYear % 31 + 1)
        return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
    }

    mutating func write(to root: URL) throws {
        let manager = FileManager.default
        for folder in ["cases", "parties", "sources", "timeline", "quotes", "pages"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        func save(_ text: String, _ path: String) throws {
            try text.write(to: root.appendingPathComponent(path), atomically: false, encoding: .utf8)
        }
        try save("title: Synthetic tracker (\(events) events)\ndescription: A generated corpus for benchmarks.\ntimezone: America/New_York\n", "site.yml")
        try save("---\ntitle: About\nnav_order: 1\n---\n\(paragraph(words: 200))\n", "pages/about.md")
        for index in 0..<partyCount {
            let kind = ["person", "organization", "media", "court", "government"][index % 5]
            try save("---\nname: \(word().capitalized) \(word().capitalized) \(index)\nkind: \(kind)\naliases: [Alias \(index)]\nrole: \(Self.quoted(sentence(5)))\nsources: [source-\(index % sourceCount)]\n---\n\(paragraph(words: 80))\n", "parties/party-\(index).md")
        }
        for index in 0..<sourceCount {
            try save("---\ntitle: \(Self.quoted(sentence(7)))\npublisher: Publisher \(index % 40)\nauthors: [Writer \(index % 90)]\npublished: \(Self.date(index, of: sourceCount))\nurl: https://news.example.org/\(index)\n---\n\(paragraph(words: 40))\n", "sources/source-\(index).md")
        }
        for index in 0..<caseCount {
            try save("---\ntitle: \(Self.quoted("Case \(index) " + sentence(4)))\nshort_title: Case \(index)\ncourt: District court \(index % 12)\nfiled: \(Self.date(index, of: caseCount))\nstatus: pending\nparties:\n  plaintiff: [party-\(index % partyCount)]\n  defendant: [party-\((index + 1) % partyCount)]\nclaims: [Breach of contract, Defamation]\nsources: [source-\(index % sourceCount)]\n---\n\(paragraph(words: 150))\n\n## Background\n\n\(paragraph(words: 150))\n", "cases/case-\(index).md")
        }
        var timeline = ""
        for index in 0..<events {
            timeline += """
            - id: event-\(index)
              date: \(Self.date(index, of: events))
              title: \(Self.quoted(sentence(8)))
              cases: [case-\(index % caseCount)]
              parties: [party-\(index % partyCount), party-\((index * 7 + 3) % partyCount)]
              sources:
                - source-\(index % sourceCount)
                - source: source-\((index + 1) % sourceCount)
                  locator: paragraph \(index % 9 + 1)
              summary: |
            \(Self.indent(summary()))
              tags: [\(word().replacingOccurrences(of: " ", with: "-"))]

            """
        }
        try save(timeline, "timeline/events.yml")
        var quotes = ""
        for index in 0..<events {
            let text = sentence(14 + Int(random.next() % 20)).replacingOccurrences(of: "\"", with: "'")
            quotes += """
            - id: quote-\(index)
              text: \(Self.quoted(text.replacingOccurrences(of: "*", with: "")))
              speaker: party-\(index % partyCount)
              date: \(Self.date(index, of: events))
              case: case-\(index % caseCount)
              context: \(Self.quoted(sentence(10)))
              sources: [source-\((index + 2) % sourceCount)]
              topics: [\(word().replacingOccurrences(of: " ", with: "-")), \(word().replacingOccurrences(of: " ", with: "-"))]

            """
        }
        try save(quotes, "quotes/quotes.yml")
    }
}

/// A small, fast, seedable generator, so the corpus is identical on every machine.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
