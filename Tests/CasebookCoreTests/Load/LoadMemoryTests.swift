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

    static func load(_ timeline: String, memory: LoadMemory?,
                     changing documents: [String: String] = [:]) throws -> (content: SiteContent, diagnostics: [String]) {
        let files = Fixtures.site(adding: ["Content/timeline/events.yml": timeline]).merging(documents) { _, new in new }
        var loader = ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content", memory: memory)
        loader.pieceSize = 2_048
        let (content, diagnostics) = try loader.load()
        return (content, diagnostics.sorted.map(\.description))
    }

    /// The fixture's case, party, source and page files, which a load with memory reuses like pieces.
    static let documentCount = Fixtures.site(adding: [:]).keys.filter { $0.hasPrefix("Content/") && $0.hasSuffix(".md") }.count

    @Test func aSavedEditParsesOnlyThePieceItChanged() throws {
        let memory = LoadMemory()
        let original = Self.timeline(800)
        let first = try Self.load(original, memory: memory)
        let pieces = memory.lastLoad.loaded - Self.documentCount
        #expect(memory.lastLoad.reused == 0 && pieces > 10 && Self.documentCount > 3)
        #expect(first.content.events.count == 800 && first.diagnostics.count == 2)

        let again = try Self.load(original, memory: memory)
        #expect(memory.lastLoad.reused == pieces + Self.documentCount && memory.lastLoad.loaded == 0)
        #expect(again.content.events == first.content.events && again.diagnostics == first.diagnostics)

        let edited = original.replacingOccurrences(of: "title: Event 400 of", with: "title: Event 400, edited, of")
        let afterEdit = try Self.load(edited, memory: memory)
        #expect(memory.lastLoad.loaded == 1 && memory.lastLoad.reused == pieces - 1 + Self.documentCount)
        let fresh = try Self.load(edited, memory: nil)
        #expect(afterEdit.content.events == fresh.content.events && afterEdit.diagnostics == fresh.diagnostics)
        #expect(afterEdit.content.events.first { $0.id == "e400" }?.title.text == "Event 400, edited, of the bench")
    }

    /// A line added at the top moves every piece down: none may be reused with its old line numbers.
    @Test func aLineAddedAboveIsNotAnsweredWithOldLines() throws {
        let memory = LoadMemory()
        let original = Self.timeline(800)
        _ = try Self.load(original, memory: memory)
        let shifted = try Self.load("# a comment\n" + original, memory: memory)
        #expect(memory.lastLoad.reused == Self.documentCount, "only the unchanged document files")
        let fresh = try Self.load("# a comment\n" + original, memory: nil)
        let unshifted = try Self.load(original, memory: nil)
        #expect(shifted.content.events == fresh.content.events && shifted.diagnostics == fresh.diagnostics)
        #expect(Set(shifted.diagnostics).isDisjoint(with: unshifted.diagnostics), "every warning moved down a line")
    }

    /// A saved case, party or source file is loaded again; the others come back as they were, with their warnings.
    @Test func aSavedDocumentIsLoadedAgainAndTheOthersReused() throws {
        let memory = LoadMemory()
        let timeline = Self.timeline(3)
        let first = try Self.load(timeline, memory: memory)
        guard let party = Fixtures.site(adding: [:]).first(where: { $0.key.hasPrefix("Content/parties/") }) else {
            Issue.record("the fixture has no party file")
            return
        }
        let edited = party.value.replacingOccurrences(of: "\n---", with: "\nmood: cheerful\n---", options: [], range: nil)
        #expect(edited != party.value)
        let afterEdit = try Self.load(timeline, memory: memory, changing: [party.key: edited])
        #expect(memory.lastLoad.loaded == 1 && memory.lastLoad.reused == Self.documentCount, "the other documents and the timeline")
        let fresh = try Self.load(timeline, memory: nil, changing: [party.key: edited])
        #expect(afterEdit.content == fresh.content && afterEdit.diagnostics == fresh.diagnostics)
        #expect(afterEdit.diagnostics.count == first.diagnostics.count + 1, "the new unknown field is reported")
        #expect(afterEdit.diagnostics.contains { $0.contains("mood") })

        let reverted = try Self.load(timeline, memory: memory)
        #expect(reverted.content == first.content && reverted.diagnostics == first.diagnostics)
    }
}
