import Foundation
import Testing
@testable import CasebookCore

/// Edits of every kind, drawn at random and several at a time, each followed by a build that must equal a fresh build
/// of the same content: what one kind of edit at a time in `BuildPipelinePatchTests` cannot show (an event's and a
/// quote's edits saved together once left the event's old record in the downloads).
@Suite struct BuildPipelineRandomEditTests {
    typealias Session = BuildPipelinePatchTests.Session

    @Test(arguments: [1, 2, 3], BuildPipelinePatchTests.Mode.allCases)
    func randomEditsEqualAFreshBuild(seed: Int, mode: BuildPipelinePatchTests.Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        var random = SeededGenerator(seed: UInt64(seed))
        var made: [String] = []
        for step in 1...10 {
            // Every other step on average edits prose only, which is patched rather than built whole.
            let count = Int.random(in: 1...3, using: &random), prose = Bool.random(using: &random)
            for _ in 0..<count { made.append(try Self.edit(session.content, &random, step: step, proseOnly: prose)) }
            try session.rebuildEqualsAFreshBuild(patched: prose ? true : nil, "seed \(seed), step \(step): \(made.suffix(count))",
                                                 few: false)
        }
    }

    /// Applies one edit drawn from `random` (of prose only, if so asked) and says what it was.
    static func edit(_ content: URL, _ random: inout SeededGenerator, step: Int, proseOnly: Bool) throws -> String {
        let timeline = content.appendingPathComponent("timeline/2021.yml"), quotes = content.appendingPathComponent("quotes/quotes.yml")
        switch Int.random(in: 0..<(proseOnly ? 2 : 7), using: &random) {
        case 0:  // what an event or quote says
            let edit = try #require(BuildPipelinePatchTests.edits(in: content, stride: 1).filter(\.prose).randomElement(using: &random))
            try edit.apply()
            return "\(edit.file.lastPathComponent):\(edit.line + 1) reworded"
        case 1:  // a case's, party's, source's or page's body, or a case's or page's title
            let edits = try BuildPipelinePatchTests.documentEdits(in: content).filter { $0.prose || !proseOnly }
            let edit = try #require(edits.randomElement(using: &random))
            try edit.apply()
            return "\(edit.file.lastPathComponent):\(edit.line + 1) \(edit.prose ? "body" : "title")"
        case 2:  // an event's date
            let month = Int.random(in: 1...12, using: &random), day = Int.random(in: 1...28, using: &random)
            let line = try replaceLine(in: timeline, where: { $0.hasPrefix("  date: ") }, &random) { _ in
                String(format: "  date: 2021-%02d-%02d", month, day)
            }
            return "2021.yml:\(line + 1) dated"
        case 3:  // a tag more
            let line = try replaceLine(in: timeline, where: { $0.hasPrefix("  tags: [") }, &random) { $0.dropLast() + ", step-\(step)]" }
            return "2021.yml:\(line + 1) tagged"
        case 4:  // an event more
            try append("""
                - id: added-\(step)-\(Int.random(in: 0..<1000, using: &random))
                  date: 2021-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))
                  title: An event added at step \(step)
                  parties: [sample]
                  sources: [daily-news]

                """, to: timeline)
            return "event added"
        case 5:  // a quote more
            try append("""
                - id: added-quote-\(step)-\(Int.random(in: 0..<1000, using: &random))
                  text: Said at step \(step).
                  speaker: example
                  date: 2021-02-0\(Int.random(in: 1...9, using: &random))
                  sources: [weekly-review]
                  topics: [Hosting]

                """, to: quotes)
            return "quote added"
        default:  // the last item added taken away, or nothing
            for file in [timeline, quotes] {
                let text = try String(contentsOf: file, encoding: .utf8)
                guard let start = text.range(of: "- id: added-", options: .backwards) else { continue }
                try String(text[..<start.lowerBound]).write(to: file, atomically: true, encoding: .utf8)
                return "\(file.lastPathComponent): last added item removed"
            }
            return "nothing to remove"
        }
    }

    /// Replaces one line (drawn from those `matching`) by `change` of it; returns its number from 0.
    private static func replaceLine(in file: URL, where matching: (String) -> Bool, _ random: inout SeededGenerator,
                                    change: (String) -> String) throws -> Int {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let number = try #require(lines.indices.filter { matching(lines[$0]) }.randomElement(using: &random))
        lines[number] = change(lines[number])
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return number
    }

    private static func append(_ text: String, to file: URL) throws {
        var content = try String(contentsOf: file, encoding: .utf8)
        if !content.hasSuffix("\n") { content += "\n" }
        try (content + text).write(to: file, atomically: true, encoding: .utf8)
    }
}
