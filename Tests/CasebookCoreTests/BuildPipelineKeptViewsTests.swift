import Foundation
import Testing
@testable import CasebookCore

/// After an edit that is more than prose (a date changed, an item added or removed) a build makes the site whole (or,
/// when only events moved, the pages that read where they moved); a long-lived process keeps its last build's views of
/// the events and quotes that say what they said (`KeptViews`), with their digests, cards and data files' pieces. The
/// site must come out as a fresh build's.
@Suite struct BuildPipelineKeptViewsTests {
    typealias Mode = BuildPipelinePatchTests.Mode

    /// A change to the first file of a content folder.
    struct Edit: Sendable {
        let name: String
        let folder: String
        let change: @Sendable (String) -> String
        /// How many views the rebuild makes again, keeping every other; nil when it keeps none.
        let made: Int?
    }

    @Test(arguments: ["Tests/Fixtures/minimal-site/Content", "Content"], Mode.allCases)
    func structuralEditsKeepTheOtherViewsAndEqualAFreshBuild(content: String, mode: Mode) throws {
        var session = try BuildPipelinePatchTests.Session(of: content, mode: mode)
        defer { session.remove() }
        for edit in Self.edits {
            let folder = session.content.appendingPathComponent(edit.folder)
            let name = try #require(FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().first)
            let file = folder.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            try #require(edit.change(text) != text, "\(edit.name) changes \(edit.folder)/\(name)")
            try edit.change(text).write(to: file, atomically: true, encoding: .utf8)
            // An edit that only moved events or quotes may be patched (`BuildPipelineMovedItemsTests`).
            let rebuilt = try session.rebuildEqualsAFreshBuild(patched: nil, edit.name)
            // A build in a new process has no views to keep.
            guard mode != .writing else {
                #expect(rebuilt.viewsKept == nil, "\(edit.name)")
                continue
            }
            let built = try #require(rebuilt.content)
            let items = built.events.count { !$0.draft } + built.quotes.count { !$0.draft }
            #expect(rebuilt.viewsKept == edit.made.map { items - $0 }, "\(edit.name): kept \(String(describing: rebuilt.viewsKept)) of \(items)")
        }
    }

    /// The edits, in turn: each moves an item to the front of its list (where its data files' pieces differ) or adds or
    /// removes one; the last renames a party, whose name event and quote views show.
    static let edits = [
        Edit(name: "the file's last event dated first", folder: "timeline", change: { changingItems($0) { items in
            items[items.count - 1] = dated(items[items.count - 1], "1990-01-01")
        } }, made: 1),
        Edit(name: "an event added", folder: "timeline", change: { changingItems($0) { items in
            items.insert(dated(items[0].replacingOccurrences(of: "- id: ", with: "- id: added-"), "2019-03-04"), at: 1)
        } }, made: 1),
        Edit(name: "the file's last quote dated first", folder: "quotes", change: { changingItems($0) { items in
            items[items.count - 1] = dated(items[items.count - 1], "1990-01-02")
        } }, made: 1),
        // The calendar's time zones cover the years of its timed events: its head changes.
        Edit(name: "the file's first timed event dated a year earlier", folder: "timeline", change: { changingItems($0) { items in
            guard let timed = items.firstIndex(where: { $0.contains("\n  time: ") }) else { return }
            items[timed] = dated(items[timed], "2019-01-01")
        } }, made: 1),
        Edit(name: "the added event removed", folder: "timeline", change: { changingItems($0) { items in
            items.removeAll { $0.hasPrefix("- id: added-") }
        } }, made: 0),
        Edit(name: "a party renamed", folder: "parties", change: { text in
            text.replacingOccurrences(of: "\nname: ", with: "\nname: Renamed ")
        }, made: nil),
    ]

    /// A list file's text with its items (each from its `- id:` line to the next) changed.
    static func changingItems(_ text: String, _ change: (inout [String]) -> Void) -> String {
        var items: [String] = [], head = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0 + "\n" }) {
            if line.hasPrefix("- id:") { items.append("") }
            if items.isEmpty { head += line } else { items[items.count - 1] += line }
        }
        change(&items)
        return String((head + items.joined()).dropLast())
    }

    /// An item with its date changed.
    static func dated(_ item: String, _ date: String) -> String {
        item.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("  date: ") ? "  date: " + date : String($0) }
            .joined(separator: "\n")
    }
}
