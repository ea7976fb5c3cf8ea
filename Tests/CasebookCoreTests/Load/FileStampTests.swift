import Foundation
import Testing
@testable import CasebookCore

/// A long-lived process skips content files whose stamp has not changed since it loaded them, a build process those
/// whose stamp the last one kept; never a file that changed, even to the same size.
@Suite struct FileStampTests {
    /// A temporary folder holding the fixture site with a timeline of `events` events, just written.
    static func siteOnDisk(events: Int = 40) throws -> URL {
        let root = Fixtures.temporaryFolder()
        for (path, text) in Fixtures.site(adding: ["Content/timeline/events.yml": LoadMemoryTests.timeline(events)]) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func anUnchangedSettledFileIsSkippedAndAnEditedOneIsReadAgain() throws {
        let root = try Self.siteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let memory = LoadMemory()
        func load() throws -> SiteContent {
            try ContentLoader(fileSystem: LocalFileSystem(root: content.path), root: content.path, memory: memory).load().0
        }
        let events = content.appendingPathComponent("timeline/events.yml")
        // Just written: not settled, so loaded again each time.
        let first = try load()
        #expect(FileStamp.of(events.path)?.settled == false)
        #expect(memory.lastFiles.skipped == 0)
        Thread.sleep(forTimeInterval: FileStamp.settleTime + 0.2)
        #expect(try load() == first && memory.lastFiles.skipped == 0, "stamped before they settled")
        #expect(try load() == first && memory.lastFiles.skipped == LoadMemoryTests.documentCount + 1)

        // The same number of bytes, changed: its stamp changes, so it is read again.
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Event 7 of", with: "title: Event 8 of").write(to: events, atomically: false, encoding: .utf8)
        let edited = try load()
        #expect(memory.lastFiles.skipped == LoadMemoryTests.documentCount)
        #expect(edited.events.first { $0.id == "e7" }?.title.text == "Event 8 of the bench")
    }
}

extension FileStampTests {
    /// A build process skips the files whose stamps the last one kept: only files that had settled when stamped, so
    /// one edited just before a build is read again by the next, and an edit that keeps the size is seen.
    @Test func aLaterBuildProcessSkipsSettledFilesByTheirKeptStamps() throws {
        let root = try Self.siteOnDisk()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let cache = root.appendingPathComponent("loads.bin").path
        func load() throws -> (SiteContent, LoadMemory) {
            let memory = LoadMemory(file: cache, content: content.path, ignoringPrevious: false)
            let loaded = try ContentLoader(fileSystem: LocalFileSystem(root: content.path), root: content.path, memory: memory).load().0
            memory.waitUntilSaved()
            return (loaded, memory)
        }
        let files = LoadMemoryTests.documentCount + 1
        Thread.sleep(forTimeInterval: FileStamp.settleTime + 0.2)
        let (first, firstMemory) = try load()
        #expect(firstMemory.lastFiles.skipped == 0 && firstMemory.lastFiles.read == files)
        let (again, memory) = try load()
        #expect(again == first && memory.lastFiles.skipped == files && memory.lastFiles.read == 0)

        // Edited to the same size just before the build: read, and not skipped by the next build either.
        let events = content.appendingPathComponent("timeline/events.yml")
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Event 7 of", with: "title: Event 8 of").write(to: events, atomically: false, encoding: .utf8)
        for _ in 0..<2 {
            let (edited, memory) = try load()
            #expect(memory.lastFiles.skipped == files - 1)
            #expect(edited.events.first { $0.id == "e7" }?.title.text == "Event 8 of the bench")
            #expect(edited == (try ContentLoader(fileSystem: LocalFileSystem(root: content.path), root: content.path).load().0))
        }
    }
}

extension FileStampTests {
    /// A build process takes a large list file's pieces by the stamp the last one kept, without reading it; an edit
    /// that keeps the size is seen, and a stamp taken before the file settled is not kept.
    @Test func aLaterBuildProcessSkipsALargeListFileByItsKeptStamp() throws {
        let root = try Self.siteOnDisk(events: 800)
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let cache = root.appendingPathComponent("loads.bin").path
        func load(_ memory: LoadMemory?) throws -> (content: SiteContent, diagnostics: [String]) {
            var loader = ContentLoader(fileSystem: LocalFileSystem(root: content.path), root: content.path, memory: memory)
            loader.pieceSize = 2_048
            let loaded = try loader.loadContent()
            memory?.waitUntilSaved()
            let shapesMatch = LoadCacheFileTests.haveTheirOwnShapes(loaded)
            #expect(shapesMatch, "the items' digests for the ledger's shape")
            return (loaded.content, loaded.diagnostics.sorted.map(\.description))
        }
        func process() -> LoadMemory { LoadMemory(file: cache, content: content.path, ignoringPrevious: false) }
        let documents = LoadMemoryTests.documentCount
        Thread.sleep(forTimeInterval: FileStamp.settleTime + 0.2)
        let firstMemory = process()
        let first = try load(firstMemory)
        let pieces = firstMemory.lastLoad.loaded - documents
        #expect(pieces > 10 && firstMemory.lastFiles.skipped == 0 && firstMemory.lastFiles.read == documents + 1)
        #expect(first.content.events.count == 800 && first.diagnostics.count == 2)

        let memory = process()
        let again = try load(memory)
        #expect(memory.lastFiles.skipped == documents + 1 && memory.lastFiles.read == 0 && memory.lastLoad.loaded == 0)
        #expect(again.content == first.content && again.diagnostics == first.diagnostics, "warnings included")

        let events = content.appendingPathComponent("timeline/events.yml")
        let text = try String(contentsOf: events, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Event 400 of", with: "title: Event 401 of").write(to: events, atomically: false, encoding: .utf8)
        let uncached = try load(nil)
        #expect(uncached.content.events.first { $0.id == "e400" }?.title.text == "Event 401 of the bench")
        for round in 0..<2 {
            let memory = process()
            let edited = try load(memory)
            #expect(memory.lastFiles.skipped == documents && memory.lastFiles.read == 1, "round \(round)")
            #expect(memory.lastLoad.loaded == (round == 0 ? 1 : 0), "round \(round)")
            #expect(edited.content == uncached.content && edited.diagnostics == uncached.diagnostics)
        }
    }
}
