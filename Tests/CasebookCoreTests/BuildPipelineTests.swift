import Foundation
import Testing
@testable import CasebookCore

@Suite struct BuildPipelineTests {
    /// Copies the minimal fixture's content into a temp project so tests can break it.
    func project() throws -> URL {
        let root = Fixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: Fixtures.path("Tests/Fixtures/minimal-site/Content"),
                                         toPath: root.appendingPathComponent("Content").path)
        return root
    }

    func options(_ root: URL) -> BuildOptions {
        var options = BuildOptions()
        options.content = root.appendingPathComponent("Content").path
        options.templates = Fixtures.templates
        options.output = root.appendingPathComponent("Site").path
        options.projectRoot = root.path
        return options
    }

    /// A failed build leaves the output as it was, and the spare tree too (the next build starts from it).
    @Test func failedBuildLeavesTheOutputByteIdentical() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(BuildPipeline.run(options(root)).exitCode == 0)
        #expect(BuildPipeline.run(options(root)).exitCode == 0)
        let before = Fixtures.tree(at: root.appendingPathComponent("Site"))
        let spare = root.appendingPathComponent(".Site.casebook-spare")
        let spareBefore = Fixtures.tree(at: spare)
        #expect(before["index.html"] != nil && spareBefore["index.html"] != nil)

        let events = root.appendingPathComponent("Content/timeline/2021.yml")
        let broken = try String(contentsOf: events, encoding: .utf8).replacingOccurrences(of: "parties: [sample, example]", with: "parties: [sampel, example]")
        try broken.write(to: events, atomically: true, encoding: .utf8)
        let result = BuildPipeline.run(options(root))

        #expect(result.exitCode == 1)
        #expect(result.diagnostics.sorted.map(\.description) == ["\(events.path):6:13: error: unknown party 'sampel' (did you mean 'sample'?)"])
        #expect(Fixtures.tree(at: root.appendingPathComponent("Site")) == before)
        #expect(Fixtures.tree(at: spare) == spareBefore)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Content", "Site", ".Site.casebook-spare"])
    }

    /// Rebuilds start from the spare tree of the build before last and rewrite only what changed; the result
    /// must be the same bytes as a build into an empty folder, after edits, removals and additions. With a cache,
    /// the third build takes the spare's record for what it holds instead of walking it.
    @Test(arguments: [false, true]) func rebuildsOverTheSpareTreeEqualAFreshBuild(cached: Bool) throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        var build = options(root)
        if cached { build.cacheFolder = root.appendingPathComponent(".casebook-cache").path }
        let events = root.appendingPathComponent("Content/timeline/2021.yml")
        let original = try String(contentsOf: events, encoding: .utf8)
        #expect(BuildPipeline.run(build).exitCode == 0)
        try original.replacingOccurrences(of: "title: Example sues Sample", with: "title: Example sues Sample in court")
            .write(to: events, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(build).exitCode == 0)
        let records = build.cacheFolder.map { TreeRecordFile(folder: $0, output: build.output).read() }
        #expect(records.map { $0.output != nil && $0.spare != nil } ?? true, "both trees are recorded")
        #expect(records?.spare.map { $0.describes(root.appendingPathComponent(".Site.casebook-spare").path) } ?? true)
        // Third build: reuses the first build's tree; drops the static CNAME and the about page.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/static/CNAME"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/pages/about.md"))
        try original.replacingOccurrences(of: "Sample gave notice by email.", with: "Sample gave notice by letter.")
            .write(to: events, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(build).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".Site.casebook-spare").path))

        var fresh = options(root)
        fresh.output = root.appendingPathComponent("Fresh").path
        #expect(BuildPipeline.run(fresh).exitCode == 0)
        let rebuilt = Fixtures.tree(at: root.appendingPathComponent("Site")), expected = Fixtures.tree(at: URL(fileURLWithPath: fresh.output))
        #expect(rebuilt.keys.sorted() == expected.keys.sorted())
        // The marker of a cached build also names its pages' stamp.
        #expect(rebuilt.filter { $0.key != OutputFolderPolicy.marker && expected[$0.key] != $0.value }.keys.sorted() == [])
        #expect(rebuilt["about/index.html"] == nil && rebuilt["CNAME"] == nil)
        #expect(String(decoding: rebuilt["index.html"] ?? Data(), as: UTF8.self).contains("Example sues Sample"))
    }

    /// With a render cache, pages whose digest did not change are linked from the output, not rendered; the
    /// result must still equal a fresh build without a cache, after content and template edits.
    @Test func cachedRebuildsRenderOnlyChangedPagesAndEqualAFreshBuild() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(atPath: Fixtures.templates, toPath: templates.path)
        var cached = options(root)
        cached.templates = templates.path
        cached.cacheFolder = root.appendingPathComponent(".casebook-cache").path
        func page(_ path: String) -> String {
            String(decoding: Fixtures.tree(at: root.appendingPathComponent("Site"))[path] ?? Data(), as: UTF8.self)
        }
        func freshBuildMatches() throws {
            var fresh = options(root)
            fresh.templates = templates.path
            fresh.output = root.appendingPathComponent("Fresh-\(UUID().uuidString)").path
            #expect(BuildPipeline.run(fresh).exitCode == 0)
            let rebuilt = Fixtures.tree(at: root.appendingPathComponent("Site"))
            let expected = Fixtures.tree(at: URL(fileURLWithPath: fresh.output))
            #expect(rebuilt.keys.sorted() == expected.keys.sorted())
            #expect(rebuilt.filter { $0.key != OutputFolderPolicy.marker && expected[$0.key] != $0.value }.keys.sorted() == [])
        }
        #expect(BuildPipeline.run(cached).exitCode == 0)
        // Marks a page the edit below does not touch: it survives only if that page is not rendered again.
        let untouched = root.appendingPathComponent("Site/parties/jane-roe/index.html")
        try Data((page("parties/jane-roe/index.html") + "<!-- kept -->").utf8).write(to: untouched)
        for download in ["data/quotes.json", "data/cases.json"] {
            try Data((page(download) + "kept").utf8).write(to: root.appendingPathComponent("Site/" + download))
        }

        let events = root.appendingPathComponent("Content/timeline/2021.yml")
        try String(contentsOf: events, encoding: .utf8).replacingOccurrences(of: "Sample gave notice by email.", with: "Sample gave notice by fax.")
            .write(to: events, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(cached).exitCode == 0)
        #expect(page("parties/jane-roe/index.html").hasSuffix("<!-- kept -->"), "an unchanged page is linked, not rendered")
        #expect(page("events/host-notice/index.html").contains("notice by fax"))
        #expect(page("timeline/index.html").contains("notice by fax"))
        #expect(page("data/quotes.json").hasSuffix("kept"), "a download made from unchanged records is kept, not encoded")
        #expect(page("data/cases.json").hasSuffix("kept"), "its digest does not depend on a dictionary's order")
        #expect(page("data/timeline.json").contains("notice by fax") && page("data/timeline.csv").contains("notice by fax"))
        cached.ignoreCache = true
        #expect(BuildPipeline.run(cached).exitCode == 0)
        cached.ignoreCache = false
        try freshBuildMatches()

        // A template edit changes every page's digest.
        let layout = templates.appendingPathComponent("layout.mustache")
        try String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "<main id=\"main\"", with: "<main data-edited id=\"main\"")
            .write(to: layout, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(cached).exitCode == 0)
        #expect(page("parties/jane-roe/index.html").contains("data-edited"))
        try freshBuildMatches()

        // A navigation edit changes the layout every page shares (digested once per navigation state), and the
        // event and quote pages, whose own views are digested once too, show it.
        let about = root.appendingPathComponent("Content/pages/about.md")
        try String(contentsOf: about, encoding: .utf8).replacingOccurrences(of: "title: About\n", with: "title: About us\n")
            .write(to: about, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(cached).exitCode == 0)
        for shown in ["parties/jane-roe/index.html", "events/host-notice/index.html", "timeline/index.html"] {
            #expect(page(shown).contains(">About us<"), "\(shown)")
        }
        #expect(Fixtures.tree(at: root.appendingPathComponent("Site")).keys.filter { $0.hasPrefix("quotes/") && $0.hasSuffix("/index.html") }
            .allSatisfy { page($0).contains(">About us<") })
        try freshBuildMatches()

        // An output changed behind the cache's back (its marker no longer matches) is rebuilt whole.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Site/parties/jane-roe/index.html"))
        let marker = root.appendingPathComponent("Site/" + OutputFolderPolicy.marker)
        try Data("Written by casebook.\n".utf8).write(to: marker)
        #expect(BuildPipeline.run(cached).exitCode == 0)
        try freshBuildMatches()
    }

    /// In-memory builds of a long-lived process (`casebook serve`): a page an edit does not touch comes back
    /// unchanged, for the caller to take from the build before, and filling those in gives a fresh build's files.
    @Test func inMemoryRebuildsReuseUnchangedPagesAndEqualAFreshBuild() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        var session = options(root)
        session.write = false
        session.memory = BuildMemory()
        var fresh = session
        fresh.memory = nil
        func table(_ files: [OutputFile]) -> [String: [UInt8]] {
            Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        }
        let first = BuildPipeline.run(session)
        #expect(first.exitCode == 0 && !first.files.isEmpty && !first.files.contains { $0.unchanged })

        let events = root.appendingPathComponent("Content/timeline/2021.yml")
        let original = try String(contentsOf: events, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "Sample gave notice by email.", with: "Sample gave notice by fax.")
        try edited.write(to: events, atomically: true, encoding: .utf8)
        let second = BuildPipeline.run(session)
        let unchanged = Set(second.files.filter(\.unchanged).map(\.path))
        #expect(unchanged.contains("parties/jane-roe/index.html"))
        #expect(!unchanged.contains("events/host-notice/index.html") && !unchanged.contains("timeline/index.html"))
        // The data files come whole, the edited event's records spliced into the last build's.
        #expect(unchanged.isDisjoint(with: DataExport.paths))
        let timeline = second.files.first { $0.path == "data/timeline.csv" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(timeline?.contains("Sample gave notice by fax.") == true)
        let previous = table(first.files)
        let resolved = second.files.map { $0.unchanged ? OutputFile(path: $0.path, bytes: previous[$0.path] ?? []) : $0 }
        #expect(table(resolved) == table(BuildPipeline.run(fresh).files))

        // A failed build is not remembered: after it, the same content as the last good build is all unchanged.
        try original.replacingOccurrences(of: "parties: [sample, example]", with: "parties: [sampel, example]")
            .write(to: events, atomically: true, encoding: .utf8)
        #expect(BuildPipeline.run(session).exitCode == 1)
        try edited.write(to: events, atomically: true, encoding: .utf8)
        let third = BuildPipeline.run(session)
        #expect(third.exitCode == 0)
        let pages = third.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 10 && pages.allSatisfy(\.unchanged), "every digest is the same for the same content")
    }

    #if os(Linux)
    /// `--timings` prints the process's peak memory after each stage: it never falls, and it is real (> 1 MB).
    @Test func eachStageReportsThePeakMemorySoFar() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = BuildPipeline.run(options(root))
        #expect(result.exitCode == 0)
        #expect(result.peakMemory.map(\.stage) == result.timings.map(\.stage))
        #expect(result.peakMemory.map(\.stage) == ["load", "graph", "validate", "render", "write"])
        #expect(result.peakMemory.allSatisfy { $0.bytes > 1 << 20 })
        #expect(zip(result.peakMemory, result.peakMemory.dropFirst()).allSatisfy { $0.bytes <= $1.bytes })
    }
    #endif

    @Test func staticFilesAreCopiedButMayNotReplaceGeneratedOnes() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        var inMemory = options(root)
        inMemory.write = false
        let paths = Set(BuildPipeline.run(inMemory).files.map(\.path))
        #expect(paths.isSuperset(of: ["CNAME", ".nojekyll", ".well-known/security.txt"]))
        let clash = root.appendingPathComponent("Content/static/timeline/index.html")
        try FileManager.default.createDirectory(at: clash.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: clash)
        let result = BuildPipeline.run(inMemory)
        #expect(result.exitCode == 1)
        #expect(result.diagnostics.sorted.map(\.description) == ["\(clash.path): error: static file would replace the generated 'timeline/index.html'; rename or remove it"])
    }

    @Test func usageProblemsExitWithTwo() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        var missing = options(root)
        missing.content = root.appendingPathComponent("Nope").path
        #expect(BuildPipeline.run(missing).exitCode == 2)
        var badBase = options(root)
        badBase.baseURL = "not a url"
        #expect(BuildPipeline.run(badBase).exitCode == 2)
        var intoContent = options(root)
        intoContent.output = root.appendingPathComponent("Content").path
        #expect(BuildPipeline.run(intoContent).failure.map { "\($0)" }?.contains("refusing") == true)
    }

    @Test func everyInternalLinkUsesTheBasePath() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        var sub = options(root)
        sub.baseURL = "/trackers/x/"
        sub.write = false
        let result = BuildPipeline.run(sub)
        #expect(result.exitCode == 0)
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            for link in LinkChecker.attributeValues("href", in: html) + LinkChecker.attributeValues("src", in: html) where link.hasPrefix("/") {
                #expect(link.hasPrefix("/trackers/x/"), "\(file.path): \(link)")
            }
        }
    }

    @Test func realContentBuildsWithoutWarnings() throws {
        let content = Fixtures.path("Content")
        guard FileManager.default.fileExists(atPath: content + "/site.yml") else { return }
        var options = BuildOptions()
        options.content = content
        options.templates = Fixtures.templates
        options.write = false
        options.projectRoot = Fixtures.repositoryRoot.path
        let result = BuildPipeline.run(options)
        #expect(result.diagnostics.items.isEmpty, "\(result.diagnostics.sorted.map(\.description).joined(separator: "\n"))")
        #expect(result.exitCode == 0)
        #expect(result.pageCount > 20)
    }
}
