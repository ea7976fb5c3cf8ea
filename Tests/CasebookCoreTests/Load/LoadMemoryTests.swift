import Testing
@testable import CasebookCore

/// `casebook serve` keeps the loaded pieces of big list files: a saved edit parses only the piece it touched,
/// and what comes out (items and diagnostics, with their lines) is what a fresh load gives.
@Suite struct LoadMemoryTests {
    /// Events with an unknown field near the top and near the end, so that reused pieces must bring back
    /// their warnings.
    static func timeline(_ count: Int) -> String {
        (0..<count).map { index in
            "- id: e\(index)\n  date: 2021-01-\(index % 19 + 10)\n  title: Event \(index) of the bench\n  sources: [news]\n"
                + (index == 3 || index == count - 3 ? "  colour: red\n" : "")
        }.joined()
    }

    static func load(_ timeline: String, memory: LoadMemory?) throws -> (events: [TimelineEvent], diagnostics: [String]) {
        var loader = ContentLoader(fileSystem: InMemoryFileSystem(files: Fixtures.site(adding: ["Content/timeline/events.yml": timeline])),
                                   root: "Content", memory: memory)
        loader.pieceSize = 2_048
        let (content, diagnostics) = try loader.load()
        return (content.events, diagnostics.sorted.map(\.description))
    }

    @Test func aSavedEditParsesOnlyThePieceItChanged() throws {
        let memory = LoadMemory()
        let original = Self.timeline(800)
        let first = try Self.load(original, memory: memory)
        let pieces = memory.lastLoad.loaded
        #expect(memory.lastLoad.reused == 0 && pieces > 10)
        #expect(first.events.count == 800 && first.diagnostics.count == 2)

        let again = try Self.load(original, memory: memory)
        #expect(memory.lastLoad.reused == pieces && memory.lastLoad.loaded == 0)
        #expect(again.events == first.events && again.diagnostics == first.diagnostics)

        let edited = original.replacingOccurrences(of: "title: Event 400 of", with: "title: Event 400, edited, of")
        let afterEdit = try Self.load(edited, memory: memory)
        #expect(memory.lastLoad.loaded == 1 && memory.lastLoad.reused == pieces - 1)
        let fresh = try Self.load(edited, memory: nil)
        #expect(afterEdit.events == fresh.events && afterEdit.diagnostics == fresh.diagnostics)
        #expect(afterEdit.events.first { $0.id == "e400" }?.title.text == "Event 400, edited, of the bench")
    }

    /// A line added at the top moves every piece down: none may be reused with its old line numbers.
    @Test func aLineAddedAboveIsNotAnsweredWithOldLines() throws {
        let memory = LoadMemory()
        let original = Self.timeline(800)
        _ = try Self.load(original, memory: memory)
        let shifted = try Self.load("# a comment\n" + original, memory: memory)
        #expect(memory.lastLoad.reused == 0)
        let fresh = try Self.load("# a comment\n" + original, memory: nil)
        let unshifted = try Self.load(original, memory: nil)
        #expect(shifted.events == fresh.events && shifted.diagnostics == fresh.diagnostics)
        #expect(Set(shifted.diagnostics).isDisjoint(with: unshifted.diagnostics), "every warning moved down a line")
    }
}
