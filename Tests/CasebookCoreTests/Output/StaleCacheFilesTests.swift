import Foundation
import Testing
@testable import CasebookCore

/// Each writing build removes the caches of outputs and content folders that are gone, and nothing else.
@Suite struct StaleCacheFilesTests {
    @Test func removesTheCachesOfGoneOutputsOnly() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.copyItem(atPath: Fixtures.path("Tests/Fixtures/minimal-site/Content"), toPath: root.appendingPathComponent("Content").path)
        let cache = root.appendingPathComponent(".casebook-cache").path
        func build(_ output: String) -> Int32 {
            var options = BuildOptions()
            options.content = root.appendingPathComponent("Content").path
            options.templates = Fixtures.templates
            options.output = root.appendingPathComponent(output).path
            options.projectRoot = root.path
            options.cacheFolder = cache
            return BuildPipeline.run(options).exitCode
        }
        func key(_ output: String) -> String { RenderCache.outputKey(root.appendingPathComponent(output).path) }
        func files() -> Set<String> { Set((try? manager.contentsOfDirectory(atPath: cache)) ?? []) }
        func outputFiles(_ output: String) -> Set<String> {
            ["trees-\(key(output)).bin", "cards-\(key(output)).bin", "markdown-\(key(output)).bin", "ledger-\(key(output)).bin"]
        }

        #expect(build("Site") == 0 && build("Preview") == 0)
        #expect(files().isSuperset(of: outputFiles("Site").union(outputFiles("Preview"))))

        // A removed output, an orphan and temporary files (old and recent), load caches of a gone folder and of the
        // present one under another key.
        try manager.removeItem(at: root.appendingPathComponent("Preview"))
        let old = Date().addingTimeInterval(-2 * StaleCacheFiles.graceSeconds)
        func make(_ name: String, _ text: String, modified: Date? = nil) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
            if let modified { try manager.setAttributes([.modificationDate: modified], ofItemAtPath: cache + "/" + name) }
        }
        try make("cards-00000000000000aa.bin", "orphan", modified: old)
        try make("markdown-00000000000000bb.bin", "recent orphan")
        try make("trees-\(key("Site")).bin.tmp-12345", "killed", modified: old)
        try make("pages-\(key("Site")).txt", "page digests of an older Casebook")
        try make("cards-\(key("Site")).bin.tmp-67890", "being written")
        try make("loads-00000000000000cc.bin", LoadCacheFile.header(content: root.appendingPathComponent("Moved").path) + "x")
        try make("loads-00000000000000dd.bin", LoadCacheFile.header(content: root.appendingPathComponent("Content").path) + "x")
        try make("loads-00000000000000ee.bin", "casebook-load-cache 1\nbinary old\n", modified: old)
        // Caches of the live output and content folder under keys an earlier Casebook gave them.
        let site = OutputFolderPolicy.canonical(root.appendingPathComponent("Site").path)
        try make("trees-00000000000000ff.bin", "casebook-tree-records 1\nbinary old\noutput \(site)\n")
        try make("cards-00000000000000ff.bin", "cards of the old key")

        #expect(build("Site") == 0)
        let kept = files()
        #expect(kept.isSuperset(of: outputFiles("Site")))
        #expect(kept.isDisjoint(with: outputFiles("Preview")))
        #expect(!kept.contains("cards-00000000000000aa.bin") && kept.contains("markdown-00000000000000bb.bin"))
        #expect(!kept.contains("trees-\(key("Site")).bin.tmp-12345") && !kept.contains("pages-\(key("Site")).txt") && kept.contains("cards-\(key("Site")).bin.tmp-67890"))
        #expect(!kept.contains("loads-00000000000000cc.bin") && !kept.contains("loads-00000000000000dd.bin"))
        #expect(kept.contains("loads-\(RenderCache.outputKey(root.appendingPathComponent("Content").path)).bin"))
        #expect(!kept.contains("loads-00000000000000ee.bin"))
        #expect(!kept.contains("trees-00000000000000ff.bin") && !kept.contains("cards-00000000000000ff.bin"))
        // The rebuild still found its own caches.
        #expect(manager.fileExists(atPath: root.appendingPathComponent("Site/index.html").path))
    }
}
