import Foundation
import Testing
@testable import CasebookCore

/// After a prose edit a build makes only the pages that read the edited items: `casebook serve` by patching its last
/// build in memory, `casebook build` by the page ledger its last build left on disk. Either site must come out as a
/// fresh build's.
@Suite struct BuildPipelinePatchTests {
    /// One change to one line of a list file.
    struct Edit {
        let file: URL
        let line: Int
        let change: (String) -> String
        /// A prose edit is patched; any other change builds the site whole.
        let prose: Bool

        func apply() throws {
            var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            lines[line] = change(lines[line])
            try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// A preview server's builds in memory, `casebook build`'s into an output folder with a cache folder, or
    /// `casebook build --watch`'s into an output folder by a process that keeps its last build.
    enum Mode: CaseIterable, Sendable {
        case inMemory, writing, watching
    }

    /// Every title, text, summary, context, disputed, wording and locator line of the timeline and quote files (every
    /// `stride`-th of them), each edited in turn on top of the edits before, with a date changed along the way and, last, a
    /// line added to a summary (moving every item below it). Each build, patched or not, equals
    /// a fresh build of the same content, file for file.
    @Test(arguments: [("Tests/Fixtures/minimal-site/Content", 1), ("Content", 11)], Mode.allCases)
    func everyProseEditIsPatchedAndEqualsAFreshBuild(content: (String, Int), mode: Mode) throws {
        var session = try Session(of: content.0, mode: mode)
        defer { session.remove() }
        let edits = try Self.edits(in: session.content, stride: content.1)
        #expect(edits.filter(\.prose).count >= 4 && edits.contains { !$0.prose })
        for edit in edits {
            try edit.apply()
            // The date edit may be patched too, as events that moved (see `BuildPipelineMovedItemsTests`).
            try session.rebuildEqualsAFreshBuild(patched: edit.prose ? true : nil, "\(edit.file.lastPathComponent):\(edit.line + 1)")
        }
    }

    /// The Markdown body of every case, party, source and page edited in turn (a word added to its last line, a
    /// paragraph to one without a body), with the first case's and page's titles changed along the way: the body edits
    /// are patched, by the pages that read the document's view, and each build equals a fresh build of the same
    /// content, file for file.
    @Test(arguments: ["Tests/Fixtures/minimal-site/Content", "Content"], Mode.allCases)
    func everyDocumentBodyEditIsPatchedAndEqualsAFreshBuild(content: String, mode: Mode) throws {
        var session = try Session(of: content, mode: mode)
        defer { session.remove() }
        let edits = try Self.documentEdits(in: session.content)
        #expect(edits.filter(\.prose).count >= 7 && edits.filter { !$0.prose }.count == 2)
        #expect(edits.contains { $0.file.path.contains("/pages/") })
        for edit in edits {
            try edit.apply()
            try session.rebuildEqualsAFreshBuild(patched: edit.prose, "\(edit.file.lastPathComponent):\(edit.line + 1)")
        }
    }

    /// An event's title, a quote's text and a case's, a party's and a page's bodies edited before one build: one patch
    /// (of most of this small site's pages), whose downloads hold both the event's and the quote's edits though the
    /// two are first in their lists.
    @Test(arguments: Mode.allCases)
    func editsToItemsOfEveryKindAreOnePatch(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let items = try Self.edits(in: session.content, stride: 1).filter(\.prose)
        let documents = try Self.documentEdits(in: session.content).filter(\.prose)
        let edits = [items.first { $0.file.path.contains("/timeline/") }, items.first { $0.file.path.contains("/quotes/") }]
            + ["/cases/", "/parties/", "/pages/"].map { folder in documents.first { $0.file.path.contains(folder) } }
        for edit in edits { try #require(edit).apply() }
        try session.rebuildEqualsAFreshBuild(patched: true, "five edits", few: false)
    }

    /// A page made again by one patch and back as it was after the next: the second patch must not take the page
    /// for the one the build before last made.
    @Test(arguments: Mode.allCases)
    func anEditUndoneIsPatchedBack(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let edit = try #require(Self.edits(in: session.content, stride: 1).first { $0.prose })
        let original = try String(contentsOf: edit.file, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        lines[edit.line] = edit.change(lines[edit.line])
        for (text, step) in [(lines.joined(separator: "\n"), "edited"), (original, "undone")] {
            try text.write(to: edit.file, atomically: true, encoding: .utf8)
            try session.rebuildEqualsAFreshBuild(patched: true, step)
        }
    }

    /// `casebook build` after a prose edit makes a few views and cards, looking their Markdown and HTML up in the memo
    /// and the card cache by their tables, and appends the few it made: each file keeps every byte it had for the
    /// next build that makes them all (rewriting it with the few texts it used made the next structural edit render
    /// every text again).
    @Test func aProseEditAppendsItsFewTextsToTheMemoAndCardCache() throws {
        var session = try Session(of: "Content", mode: .writing)
        defer { session.remove() }
        let folder = try #require(session.options.cacheFolder)
        func file(_ prefix: String) throws -> String {
            folder + "/" + (try #require(FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix(prefix) }))
        }
        let memoFile = try file("markdown-"), cardFile = try file("cards-")
        let memo = try Data(contentsOf: URL(fileURLWithPath: memoFile)), cards = try Data(contentsOf: URL(fileURLWithPath: cardFile))
        #expect(memo.count > 10_000 && cards.count > 10_000)
        let edit = try #require(Self.edits(in: session.content, stride: 1).first { $0.prose && $0.file.path.contains("/timeline/") })
        try edit.apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "prose edit")
        for (path, before) in [(memoFile, memo), (cardFile, cards)] {
            let after = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(after.count > before.count && after.count < before.count + before.count / 10, "\(path)")
            #expect(after.prefix(before.count) == before, "\(path)")
        }
    }

    /// A build whose content has the frame and links of the last build (the one that left the ledger, or a long-lived
    /// process's) does not check it again, as after a date edit; one that names an unknown party has other links, and
    /// fails with the error, the output left as it was.
    @Test(arguments: Mode.allCases)
    func aBrokenReferenceIsCaughtThoughTheLastBuildWasChecked(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let file = session.content.appendingPathComponent("timeline/2021.yml")
        let dated = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "date: 2021-01-09", with: "date: 2021-01-10")
        try dated.write(to: file, atomically: true, encoding: .utf8)
        try session.rebuildEqualsAFreshBuild(patched: nil, "dated a day later")
        let before = Fixtures.tree(at: URL(fileURLWithPath: session.options.output))
        try dated.replacingOccurrences(of: "parties: [sample, example]", with: "parties: [sample, exampel]")
            .write(to: file, atomically: true, encoding: .utf8)
        let broken = BuildPipeline.run(session.options)
        #expect(broken.exitCode == 1)
        #expect(broken.diagnostics.sorted.contains { $0.description.contains("unknown party 'exampel' (did you mean 'example'?)") })
        #expect(Fixtures.tree(at: URL(fileURLWithPath: session.options.output)) == before)
        // Mended, the content is the last build's again: nothing to make again.
        try dated.write(to: file, atomically: true, encoding: .utf8)
        let mended = BuildPipeline.run(session.options)
        #expect(mended.exitCode == 0 && mended.pagesPatched == 0)
        var tree = Fixtures.tree(at: URL(fileURLWithPath: session.options.output)), was = before
        tree[OutputFolderPolicy.marker] = nil
        was[OutputFolderPolicy.marker] = nil
        #expect(tree == was)
    }

    /// A page deleted from the output by hand is made again by the next rebuild after a prose edit, though no
    /// edited item is on it: the ledger names only the pages to make for the edit, not those the output lost.
    @Test(arguments: [Mode.writing, .watching])
    func aPageDeletedFromTheOutputIsMadeAgain(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let edit = try #require(Self.edits(in: session.content, stride: 1).first { $0.prose })
        let site = URL(fileURLWithPath: session.options.output)
        let lost = "search/index.html"  // a page that shows no event or quote
        try #require(FileManager.default.fileExists(atPath: site.appendingPathComponent(lost).path))
        try FileManager.default.removeItem(at: site.appendingPathComponent(lost))
        try edit.apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "\(lost) deleted")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(lost).path))
    }

    /// A page deleted from the output by hand when the spare tree the next build stages into holds it as it is: the
    /// staged tree keeps its own copy, so the page is in the next output without being made again (as many pages are
    /// made as in a session where nothing was deleted).
    @Test(arguments: [Mode.writing, .watching])
    func aPageDeletedFromTheOutputIsKeptFromTheSpare(mode: Mode) throws {
        var made: [Int?] = []
        for deleting in [false, true] {
            var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
            defer { session.remove() }
            let edits = try Self.edits(in: session.content, stride: 1).filter(\.prose)
            try edits[0].apply()
            try session.rebuildEqualsAFreshBuild(patched: true, "first edit")
            let lost = URL(fileURLWithPath: session.options.output).appendingPathComponent("search/index.html")
            try #require(FileManager.default.fileExists(atPath: session.root.appendingPathComponent(".Site.casebook-spare/search/index.html").path))
            if deleting { try FileManager.default.removeItem(at: lost) }
            try edits[1].apply()
            made.append(try session.rebuildEqualsAFreshBuild(patched: true, "search/index.html deleted: \(deleting)").pagesPatched)
            #expect(FileManager.default.fileExists(atPath: lost.path))
        }
        #expect(made[0] != nil && made[1] == made[0])
    }

    /// A rebuild after a prose edit splices the edited event's records into the data files the output holds, by the
    /// layouts its ledger keeps: a data file changed by hand since is not spliced into but made again.
    @Test(arguments: [Mode.writing, .watching])
    func aDataFileChangedByHandIsNotSplicedInto(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let edit = try #require(Self.edits(in: session.content, stride: 1).first { $0.prose && $0.file.path.contains("timeline") })
        let download = URL(fileURLWithPath: session.options.output).appendingPathComponent("data/timeline.json")
        let original = try Data(contentsOf: download)
        try (Data("[]".utf8) + original).write(to: download)
        try edit.apply()
        // In memory the last build's data files are spliced into, not the output's.
        try session.rebuildEqualsAFreshBuild(patched: true, "data/timeline.json changed by hand", spliced: mode == .watching)
        // The calendar, made by every build that does not splice it, changed by hand before an edit to a quote
        // only (which leaves it as it was): it is made again, then spliced into after the next event's edit.
        let calendar = URL(fileURLWithPath: session.options.output).appendingPathComponent("timeline.ics")
        try (Data("X".utf8) + Data(contentsOf: calendar)).write(to: calendar)
        let edits = try Self.edits(in: session.content, stride: 1).filter(\.prose)
        for edit in [edits.first { $0.file.path.contains("quotes") }, edits.last { $0.file.path.contains("timeline") }] {
            let edit = try #require(edit)
            try edit.apply()
            let quote = edit.file.path.contains("quotes")
            try session.rebuildEqualsAFreshBuild(patched: true, "\(edit.file.lastPathComponent):\(edit.line + 1) after timeline.ics changed by hand",
                                                 spliced: mode == .watching || !quote)
        }
    }

    /// A page deleted by hand from the spare tree, which the next build stages into, is in the output that build
    /// swaps in: `casebook build --watch` sees the deletion through its watch of the trees, `casebook build` in the
    /// spare's folders.
    @Test(arguments: [Mode.writing, .watching])
    func aPageDeletedFromTheSpareIsInTheNextOutput(mode: Mode) throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: mode)
        defer { session.remove() }
        let edits = try Self.edits(in: session.content, stride: 1).filter(\.prose)
        try edits[0].apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "first edit")
        let page = session.root.appendingPathComponent(".Site.casebook-spare/search/index.html")
        try #require(FileManager.default.fileExists(atPath: page.path))
        try FileManager.default.removeItem(at: page)
        try edits[1].apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "search/index.html deleted from the spare")
    }

    /// `casebook build` after `casebook build --watch` stopped patches by the page ledger and tree records that the
    /// watching process saved, on another thread, after its last build.
    @Test func aBuildAfterWatchingPatchesByWhatTheWatchSaved() throws {
        var session = try Session(of: "Tests/Fixtures/minimal-site/Content", mode: .watching)
        defer { session.remove() }
        let edits = try Self.edits(in: session.content, stride: 1).filter(\.prose)
        try edits[0].apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "watching")
        session.options.memory?.waitForSaves()
        session.options.memory = nil
        try edits[1].apply()
        try session.rebuildEqualsAFreshBuild(patched: true, "a new process")
    }

    /// A copy of a content folder, built first in full, then again after each edit and compared with a fresh build.
    struct Session {
        let root = Fixtures.temporaryFolder()
        let mode: Mode
        var options = BuildOptions()
        var fresh = BuildOptions()
        /// The in-memory site so far, an unchanged page taking its bytes from the build before.
        var site: [String: [UInt8]] = [:]
        var content: URL { root.appendingPathComponent("Content") }

        init(of content: String, mode: Mode) throws {
            self.mode = mode
            try FileManager.default.copyItem(atPath: Fixtures.path(content), toPath: self.content.path)
            options.content = self.content.path
            options.templates = Fixtures.templates
            options.output = root.appendingPathComponent("Site").path
            options.projectRoot = root.path
            fresh = options
            switch mode {
            case .inMemory:
                options.write = false
                options.memory = BuildMemory()
                fresh.write = false
            case .writing, .watching:
                options.cacheFolder = root.appendingPathComponent(".casebook-cache").path
                options.memory = mode == .watching ? BuildMemory(watchingOutput: true) : nil
                fresh.output = root.appendingPathComponent("Fresh").path
                // Its own cache, ignored, as `--no-cache` builds: the marker names the pages' stamp as the session's does.
                fresh.cacheFolder = root.appendingPathComponent(".fresh-cache").path
                fresh.ignoreCache = true
            }
            site = try files(BuildPipeline.run(options))
        }

        func remove() {
            options.memory?.waitForSaves()
            try? FileManager.default.removeItem(at: root)
        }

        /// Builds again; a prose edit must be patched (some pages made again, `few` of them, the data files `spliced`
        /// from the last build's), any other change built whole; either, when `patched` is nil.
        @discardableResult
        mutating func rebuildEqualsAFreshBuild(patched: Bool?, _ step: String, spliced: Bool = true,
                                               few: Bool = true) throws -> BuildResult {
            let cardsBefore = cardCacheSize
            let rebuilt = BuildPipeline.run(options)
            #expect(rebuilt.exitCode == 0, "\(step): \(rebuilt.diagnostics.sorted.map(\.description))")
            if let patched {
                #expect(rebuilt.dataSpliced == (patched && spliced), "\(step): data files spliced: \(rebuilt.dataSpliced)")
            }
            if patched == true {
                #expect(rebuilt.pagesPatched.map { $0 > 0 && $0 < rebuilt.pageCount / (few ? 2 : 1) } == true,
                        "\(step): patched \(String(describing: rebuilt.pagesPatched)) of \(rebuilt.pageCount) pages")
                // A build that made a few pages looked up a few cards: the others stay cached for the next.
                #expect(cardCacheSize >= cardsBefore, "\(step): card cache \(cardsBefore) bytes, then \(cardCacheSize)")
            } else if patched == false {
                #expect(rebuilt.pagesPatched == nil, "\(step): a change of structure builds the site whole")
            }
            if mode == .watching, let watch = options.memory?.treeWatch {
                #expect(watch.isUnchanged(options.output), "\(step): the output just swapped in counts as unchanged")
            }
            site = try files(rebuilt)
            let whole = try Self.files(of: BuildPipeline.run(fresh), over: [:], in: fresh)
            #expect(site.keys.sorted() == whole.keys.sorted(), "\(step)")
            for (path, bytes) in whole where site[path] != bytes {
                Issue.record("\(step): \(path) differs from a fresh build's")
            }
            return rebuilt
        }

        /// The size of the card cache file of a writing session; 0 in memory.
        var cardCacheSize: Int {
            guard let folder = options.cacheFolder,
                  let name = try? FileManager.default.contentsOfDirectory(atPath: folder).first(where: { $0.hasPrefix("cards-") })
            else { return 0 }
            return (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0
        }

        private func files(_ result: BuildResult) throws -> [String: [UInt8]] {
            try Self.files(of: result, over: site, in: options)
        }

        /// The files of a build: in memory, an unchanged one taking its bytes from the build before; written, the
        /// output folder's, its marker included.
        private static func files(of result: BuildResult, over previous: [String: [UInt8]], in options: BuildOptions) throws -> [String: [UInt8]] {
            try #require(result.exitCode == 0)
            guard options.write else {
                var table: [String: [UInt8]] = [:]
                for file in result.files {
                    table[file.path] = file.unchanged ? try #require(previous[file.path], "\(file.path) unchanged but never made") : file.bytes
                }
                return table
            }
            return Fixtures.tree(at: URL(fileURLWithPath: options.output)).mapValues { Array($0) }
        }
    }

    /// For each case, party, source and page file, its body's last line with a word more, or a paragraph added to a
    /// body that has none; and, a third and two thirds of the way, the first case's and the first page's `title`
    /// changed.
    static func documentEdits(in content: URL) throws -> [Edit] {
        var edits: [Edit] = [], renamed: [Edit] = []
        for folder in ["cases", "parties", "sources", "pages"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path).sorted()
            for name in files where name.hasSuffix(".md") {
                let file = content.appendingPathComponent(folder).appendingPathComponent(name)
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                let fences = lines.indices.filter { lines[$0] == "---" }
                guard fences.count >= 2 else { continue }
                if ["cases", "pages"].contains(folder), !renamed.contains(where: { $0.file.path.contains("/\(folder)/") }),
                   let title = lines.indices.first(where: { lines[$0].hasPrefix("title: ") }) {
                    renamed.append(Edit(file: file, line: title, change: { $0 + " renamed" }, prose: false))
                }
                if let last = lines.indices.last(where: { $0 > fences[1] && !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }) {
                    edits.append(Edit(file: file, line: last, change: { $0 + " edited" }, prose: true))
                } else {
                    edits.append(Edit(file: file, line: fences[1], change: { $0 + "\nA paragraph where there was none." }, prose: true))
                }
            }
        }
        for (number, edit) in renamed.enumerated().reversed() { edits.insert(edit, at: edits.count * (number + 1) / 3) }
        return edits
    }

    static func edits(in content: URL, stride: Int) throws -> [Edit] {
        var prose: [Edit] = [], structure: [Edit] = [], blocks: [Edit] = []
        for folder in ["timeline", "quotes"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent(folder).path).sorted()
            for name in files where name.hasSuffix(".yml") {
                let file = content.appendingPathComponent(folder).appendingPathComponent(name)
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                for (number, line) in lines.enumerated() {
                    let field = line.drop { $0 == " " || $0 == "-" }.prefix { $0 != ":" }
                    switch field {
                    case "title", "text", "summary", "context", "disputed", "wording", "locator":
                        let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
                        if ["|", ">", "|-", ">-"].contains(value) {
                            prose.append(Edit(file: file, line: number + 1, change: { $0 + " edited" }, prose: true))
                            if folder == "timeline" { blocks.append(prose[prose.count - 1]) }
                        } else if let last = value.last, last == "\"" || last == "'" {
                            prose.append(Edit(file: file, line: number, change: { String($0.dropLast()) + " edited" + String(last) }, prose: true))
                        } else if !value.isEmpty, !value.hasPrefix("[") {
                            prose.append(Edit(file: file, line: number, change: { $0 + " edited" }, prose: true))
                        }
                    case "date" where structure.isEmpty:
                        structure.append(Edit(file: file, line: number, change: { $0.replacingOccurrences(of: "2021", with: "2019") }, prose: false))
                    default: break
                    }
                }
            }
        }
        var sampled = Swift.stride(from: 0, to: prose.count, by: stride).map { prose[$0] }
        sampled.insert(contentsOf: structure, at: sampled.count / 3)
        // A summary one line longer moves every item below it in its file: a prose edit still. Last, since it moves
        // the lines the edits before name.
        if let block = blocks.first {
            sampled.append(Edit(file: block.file, line: block.line, change: { line in
                let indent = line.prefix { $0 == " " }
                return line + "\n" + indent + "A line more."
            }, prose: true))
        }
        return sampled
    }
}

