import Foundation
import Testing
@testable import CasebookCore

/// A long-lived process skips content files whose stamp has not changed since it loaded them, and never a file
/// that changed, even to the same size.
@Suite struct FileStampTests {
    @Test func anUnchangedSettledFileIsSkippedAndAnEditedOneIsReadAgain() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        for (path, text) in Fixtures.site(adding: ["Content/timeline/events.yml": LoadMemoryTests.timeline(40)]) {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
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
