import Foundation
import Testing
@testable import CasebookCore

/// `casebook build` keeps loaded list pieces in `.casebook-cache/`: what comes back from the file is what was
/// loaded, field for field, and a damaged or foreign file never answers with a wrong item.
@Suite struct LoadCacheFileTests {
    static let file = "Content/timeline/events.yml"
    static func at(_ line: Int, _ column: Int) -> CasebookCore.SourceLocation { CasebookCore.SourceLocation(file: file, line: line, column: column) }

    /// An event and a quote with every field set, so that a field the cache leaves out changes the round trip.
    static let event = TimelineEvent(
        id: "parler-sues", location: at(3, 3), date: PartialDate(year: 2021, month: 1, day: 11),
        time: TimeOfDay("09:30"), timezone: "America/Los_Angeles", approximate: true,
        title: MarkdownSource("Parler *sues* Amazon", at: at(5, 10)), cases: [Reference("parler-v-aws", at: at(6, 10))],
        parties: [Reference("parler", at: at(7, 12)), Reference("aws", at: CasebookCore.SourceLocation(file: "elsewhere.yml", line: 1, column: 1))],
        sources: [Citation(source: Reference("reuters", at: at(8, 14)), locator: "para. 4", wording: "filed suit — naïvely")],
        summary: MarkdownSource("A *summary*, with “quotes”.", at: at(9, 12)), disputed: MarkdownSource("Who said it?", at: at(10, 13)),
        tags: ["filing", "antitrust"], draft: true)
    static let quote = Quote(
        id: "q1", location: at(20, 3), text: "We will be back 🚀", speaker: Reference("parler", at: at(21, 12)),
        date: PartialDate(year: 2021, month: 1), legalCase: Reference("parler-v-aws", at: at(22, 9)),
        context: MarkdownSource("On *Fox*", at: at(23, 12)), mentions: [Reference("aws", at: at(24, 13))],
        sources: [Citation(source: Reference("ap", at: at(25, 14)), locator: "line 2", wording: "we will return")],
        topics: ["return"], draft: true)
    /// A case, party, source and page with every field set, as document files load them.
    static let legalCase = LegalCase(
        id: "parler-v-aws", location: at(1, 1), title: "Parler LLC v. Amazon Web Services", shortTitle: "Parler v. AWS",
        court: "W.D. Wash.", docket: "2:21-cv-00031", filed: PartialDate(year: 2021, month: 1, day: 11),
        closed: PartialDate(year: 2021, month: 3), status: .dismissed,
        roles: [LegalCase.Role(name: "plaintiff", parties: [Reference("parler", at: at(9, 5))])], claims: ["antitrust"],
        sources: [Reference("reuters", at: at(11, 3))], body: MarkdownSource("The *case*.", at: at(14, 1)), draft: true)
    static let party = Party(
        id: "aws", location: at(1, 1), name: "Amazon Web Services", kind: .organization, aliases: ["AWS"],
        affiliation: Reference("amazon", at: at(5, 14)), role: "host", sources: [Reference("ap", at: at(7, 3))],
        body: MarkdownSource("Cloud *host*.", at: at(9, 1)), draft: true)
    static let source = Source(
        id: "reuters", location: at(1, 1), title: "Parler sues Amazon", publisher: "Reuters", authors: ["A. Writer"],
        published: PartialDate(year: 2021, month: 1, day: 11), updated: PartialDate(year: 2021, month: 1, day: 12),
        url: "https://example.org/a", kind: .article, body: MarkdownSource("Notes — “quoted”.", at: at(10, 1)), draft: true)
    static let page = Page(id: "about", location: at(1, 1), title: "About", navOrder: 3,
                           body: MarkdownSource("About *this*.", at: at(5, 1)), draft: true)
    static let diagnostics = DiagnosticList([.warning("unknown field 'colour'", at: at(4, 3)), Diagnostic(.note, "no location", at: nil)])

    /// The fields of `value` that hold nothing: a nil, an empty list or text, a false flag.
    static func unset(_ value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            let mirror = Mirror(reflecting: child.value)
            let empty = (mirror.displayStyle == .optional && mirror.children.isEmpty) || (child.value as? Bool) == false
                || (child.value as? any Collection)?.isEmpty == true
            return empty ? child.label : nil
        }
    }

    @Test func everyFieldComesBack() throws {
        for value in [Self.event, Self.quote, Self.event.sources[0], Self.event.date, Self.quote.sources[0], Self.legalCase,
                      Self.legalCase.roles[0], Self.party, Self.source, Self.page] as [Any] {
            #expect(Self.unset(value).isEmpty, "\(type(of: value)) leaves \(Self.unset(value)) unset")
        }
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        let events = LoadMemory.Key(path: Self.file, lineOffset: 0, text: PageDigest(high: 1, low: 2))
        let quotes = LoadMemory.Key(path: "Content/quotes/q.yml", lineOffset: 40, text: PageDigest(high: .max, low: 0))
        let eventShapes = [ContentShape.Item(structure: PageDigest(high: .max, low: 1), links: PageDigest(high: 8, low: 9),
                                             wording: PageDigest(high: 2, low: .max - 3)),
                           ContentShape.Item(structure: PageDigest(high: 4, low: 5), links: PageDigest(high: 10, low: .max),
                                             wording: PageDigest(high: 6, low: 7))]
        LoadCacheFile.write([events: .init(items: [Self.event, Self.event], diagnostics: Self.diagnostics, shapes: eventShapes),
                             quotes: .init(items: [Self.quote], diagnostics: DiagnosticList())], header: "test 1\n", to: path)
        let read = LoadCacheFile.read(path, header: "test 1\n")
        #expect(read.count == 2)
        #expect(read[events]?.items as? [TimelineEvent] == [Self.event, Self.event])
        #expect(read[events]?.diagnostics.items == Self.diagnostics.items)
        #expect(read[events]?.shapes == eventShapes && read[quotes]?.shapes == [])
        #expect(read[quotes]?.items as? [Quote] == [Self.quote])
        #expect(read[quotes]?.diagnostics.items.isEmpty == true)
        #expect(LoadCacheFile.read(path, header: "test 2\n").isEmpty, "another binary's file")
        // Read back, their Markdown kept as the file's bytes, the entries are written as they were.
        let again = folder.appendingPathComponent("again.bin").path
        LoadCacheFile.write(read, header: "test 1\n", to: again)
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: path))
    }

    @Test func everyDocumentFieldComesBack() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        let documents: [ContentLoader.LoadedFile] = [.legalCase(Self.legalCase), .party(Self.party), .source(Self.source),
                                                     .page(Self.page), .source(nil),
                                                     .events([Self.event, Self.event], ContentShape.items([Self.event, Self.event])),
                                                     .quotes([Self.quote], ContentShape.items([Self.quote]))]
        var saved: [LoadMemory.Key: LoadMemory.Entry] = [:]
        for (index, document) in documents.enumerated() {
            saved[LoadMemory.Key(path: "Content/doc-\(index).md", lineOffset: 0, text: PageDigest(high: UInt64(index), low: 9))] =
                .init(items: document, diagnostics: index == 4 ? Self.diagnostics : DiagnosticList())
        }
        LoadCacheFile.write(saved, header: "test 1\n", to: path)
        let read = LoadCacheFile.read(path, header: "test 1\n")
        #expect(read.count == documents.count)
        for (key, entry) in saved {
            let back = read[key]?.items as? ContentLoader.LoadedFile
            switch (entry.items as? ContentLoader.LoadedFile, back) {
            case (.legalCase(let a)?, .legalCase(let b)?): #expect(a == b)
            case (.party(let a)?, .party(let b)?): #expect(a == b)
            case (.source(let a)?, .source(let b)?): #expect(a == b)
            case (.page(let a)?, .page(let b)?): #expect(a == b)
            case (.events(let a, let aShapes)?, .events(let b, let bShapes)?): #expect(a == b && aShapes == bShapes)
            case (.quotes(let a, let aShapes)?, .quotes(let b, let bShapes)?): #expect(a == b && aShapes == bShapes)
            default: Issue.record("\(key.path) came back as \(String(describing: back))")
            }
            #expect(read[key]?.diagnostics.items == entry.diagnostics.items)
        }
    }

    /// Cut anywhere, the file gives back fewer pieces or none, never a piece that differs from what was saved.
    @Test func aTruncatedFileNeverAnswersWrongly() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        var saved: [LoadMemory.Key: LoadMemory.Entry] = [:]
        for index in 0..<6 {
            saved[LoadMemory.Key(path: Self.file, lineOffset: index * 100, text: PageDigest(high: UInt64(index), low: 7))] =
                .init(items: Array(repeating: Self.event, count: index + 1), diagnostics: Self.diagnostics)
        }
        LoadCacheFile.write(saved, header: "test 1\n", to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var partial = 0
        for cut in stride(from: 0, to: bytes.count, by: 37) {
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
            let read = LoadCacheFile.read(path, header: "test 1\n")
            if !read.isEmpty { partial += 1 }
            for (key, entry) in read {
                #expect(entry.items as? [TimelineEvent] == saved[key]?.items as? [TimelineEvent], "cut at \(cut)")
                #expect(entry.diagnostics.items == saved[key]?.diagnostics.items, "cut at \(cut)")
            }
        }
        #expect(partial < bytes.count / 37 / 2, "most cuts fall inside an entry and empty the cache")
    }

    /// A second build process finds every piece the first one parsed, and an edit re-parses one piece.
    @Test func aLaterProcessReusesThePieces() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        let original = LoadMemoryTests.timeline(800)
        let first = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
        let fresh = try LoadMemoryTests.load(original, memory: first)
        first.waitUntilSaved()  // as a build does before it returns
        let pieces = first.lastLoad.loaded
        #expect(pieces > 10 && first.lastLoad.reused == 0, "a first load parses every piece")

        let second = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
        let again = try LoadMemoryTests.load(original, memory: second)
        second.waitUntilSaved()
        #expect(second.lastLoad.reused == pieces && second.lastLoad.loaded == 0)
        #expect(again.content == fresh.content && again.diagnostics == fresh.diagnostics)

        let edited = original.replacingOccurrences(of: "title: Event 400 of", with: "title: Event 400, edited, of")
        let third = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
        let afterEdit = try LoadMemoryTests.load(edited, memory: third)
        third.waitUntilSaved()
        #expect(third.lastLoad.loaded == 1 && third.lastLoad.reused == pieces - 1)
        let uncached = try LoadMemoryTests.load(edited, memory: nil)
        #expect(afterEdit.content == uncached.content && afterEdit.diagnostics == uncached.diagnostics)

        let ignoring = LoadMemory(file: path, content: "Content", ignoringPrevious: true)
        _ = try LoadMemoryTests.load(edited, memory: ignoring)
        #expect(ignoring.lastLoad.reused == 0 && ignoring.lastLoad.loaded == pieces)
    }
}

extension LoadCacheFileTests {
    /// Entries appended after a file's records come back with theirs, paths named before and after the append
    /// included: an appended record names a path by the number the reader gave it, which here differs from the one a
    /// writer starting from 0 would give it.
    @Test func appendedEntriesComeBackWithTheFilesOwn() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        func key(_ file: String, _ line: Int) -> LoadMemory.Key { LoadMemory.Key(path: file, lineOffset: line, text: PageDigest(high: UInt64(line), low: 3)) }
        let elsewhere = Quote(
            id: "q0", location: CasebookCore.SourceLocation(file: "other.yml", line: 1, column: 1), text: "Elsewhere",
            speaker: Reference("aws", at: Self.at(2, 3)), date: PartialDate(year: 2020), legalCase: nil, context: nil,
            mentions: [], sources: [], topics: [], draft: false)
        let first: [LoadMemory.Key: LoadMemory.Entry] = [key("a.yml", 0): .init(items: [elsewhere], diagnostics: DiagnosticList())]
        LoadCacheFile.write(first, header: "test 1\n", to: path)
        let before = try #require(LoadCacheFile.contents(path, header: "test 1\n"))
        #expect(before.records == 1 && before.paths == 3)
        let added: [LoadMemory.Key: LoadMemory.Entry] = [key("z.yml", 20): .init(items: [Self.quote], diagnostics: Self.diagnostics)]
        #expect(LoadCacheFile.append(added, after: before.paths, to: path))
        let after = try #require(LoadCacheFile.contents(path, header: "test 1\n"))
        #expect(after.records == 2)
        #expect(after.entries[key("a.yml", 0)]?.items as? [Quote] == [elsewhere])
        #expect(after.entries[key("z.yml", 20)]?.items as? [Quote] == [Self.quote])
        #expect(after.entries[key("z.yml", 20)]?.diagnostics.items == Self.diagnostics.items)
    }
}

extension LoadCacheFileTests {
    /// A timeline kept in small files (one per month, say) is not parsed again by the next build process, file by
    /// file, warnings included, and an edited file is parsed alone: each was parsed by every build, so a one-event
    /// rebuild of 10,000 events in 250 files took 0.7–1.1 s against 0.25 s for the same events in one file.
    @Test func aLaterProcessReusesSmallListFilesWhole() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        let months = (1...3).map { month in
            (0..<5).map { day in "- id: e\(month)-\(day)\n  date: 2021-0\(month)-1\(day)\n  title: Day \(day)\n  sources: [news]\n" }.joined()
        }
        var files = Fixtures.site(adding: [
            "Content/timeline/2021-01.yml": months[0] + "  colour: red\n",
            "Content/timeline/2021-02.yml": months[1],
            "Content/timeline/2021-03.yml": months[2],
            "Content/quotes/all.yml": "- id: q1\n  text: Hello\n  speaker: aws\n  date: 2021-01-11\n  sources: [news]\n",
        ])
        func load(_ memory: LoadMemory?) throws -> (content: SiteContent, diagnostics: [String]) {
            let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content",
                                                           memory: memory).load()
            memory?.waitUntilSaved()  // as a build does before it returns
            return (content, diagnostics.sorted.map(\.description))
        }
        let fileCount = LoadMemoryTests.documentCount + 4
        let fresh = try load(LoadMemory(file: path, content: "Content", ignoringPrevious: false))
        #expect(fresh.content.events.count == 15 && fresh.content.quotes.count == 1 && fresh.diagnostics.count == 1)

        let second = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
        let again = try load(second)
        #expect(second.lastLoad.loaded == 0 && second.lastLoad.reused == fileCount)
        #expect(again.content == fresh.content && again.diagnostics == fresh.diagnostics)

        files["Content/timeline/2021-02.yml"] = months[1].replacingOccurrences(of: "title: Day 3", with: "title: Day three")
        let third = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
        let edited = try load(third)
        #expect(third.lastLoad.loaded == 1 && third.lastLoad.reused == fileCount - 1)
        let uncached = try load(nil)
        #expect(edited.content == uncached.content && edited.diagnostics == uncached.diagnostics)
        #expect(edited.content.events.first { $0.id == "e2-3" }?.title.text == "Day three")
    }
}

extension LoadCacheFileTests {
    /// Whether the digests a load gave for `ContentShape` are, item by item, the ones the shape makes of its content.
    static func haveTheirOwnShapes(_ loaded: ContentLoader.Loaded) -> Bool {
        loaded.eventShapes == ContentShape.items(loaded.content.events)
            && loaded.quoteShapes == ContentShape.items(loaded.content.quotes)
    }

    /// The items' digests come back with the pieces and files they were kept with, by a build process and by a
    /// long-lived one, and are made again for what an edit changed: the ledger's shape is made from them.
    @Test func loadsGiveTheirItemsDigests() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("loads.bin").path
        var files = Fixtures.site(adding: [
            "Content/timeline/events.yml": LoadMemoryTests.timeline(800),
            "Content/timeline/late.yml": "- id: late\n  date: 2021-05-05\n  title: Late\n  sources: [news]\n",
            "Content/quotes/all.yml": "- id: q1\n  text: Hello\n  speaker: aws\n  date: 2021-01-11\n  sources: [news]\n",
        ])
        func load(_ memory: LoadMemory?) throws -> ContentLoader.Loaded {
            var loader = ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content", memory: memory)
            loader.pieceSize = 2_048
            let loaded = try loader.loadContent()
            memory?.waitUntilSaved()
            return loaded
        }
        let lived = LoadMemory()
        for round in 0..<2 {
            // Parsed whole, then after the edits only the edited piece and file.
            let first = try load(LoadMemory(file: path, content: "Content", ignoringPrevious: false))
            #expect(first.content.events.count == 801 && !first.content.quotes.isEmpty)
            let parsedShapesMatch = Self.haveTheirOwnShapes(first)  // (a failed expectation would print the whole load)
            #expect(parsedShapesMatch, "round \(round), parsed")
            let again = LoadMemory(file: path, content: "Content", ignoringPrevious: false)
            let kept = try load(again)
            let keptShapesMatch = Self.haveTheirOwnShapes(kept)
            #expect(again.lastLoad.loaded == 0 && keptShapesMatch, "round \(round), from the file")
            let livedShapesMatch = try Self.haveTheirOwnShapes(load(lived)) && Self.haveTheirOwnShapes(load(lived))
            #expect(livedShapesMatch, "round \(round), in memory")
            // A date (structure) and a title (wording) in the big file, and the small file's title.
            files["Content/timeline/events.yml"] = LoadMemoryTests.timeline(800)
                .replacingOccurrences(of: "title: Event 400 of", with: "title: Event 400, edited, of")
                .replacingOccurrences(of: "- id: e500\n  date: 2021-01-", with: "- id: e500\n  date: 2020-01-")
            files["Content/timeline/late.yml"] = files["Content/timeline/late.yml"]?.replacingOccurrences(of: "Late", with: "Later")
        }
    }
}
