import Foundation
import Testing
@testable import CasebookCore

@Suite struct WriteQueueTests {
    /// Batches handed over faster than they are written all land, folders before the files in them, whether
    /// they wait in the queue or (over the size limit) are written before `add` returns.
    @Test func writesEveryBatchInOrderOnItsOwnThread() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let staged = try SiteWriter(output: output.path).begin()
        let queue = WriteQueue(staged, depth: 1, largeBatch: 1000)
        var expected: [String: Data] = [:]
        for batch in 0..<40 {
            let files = (0..<5).map { index in
                OutputFile(path: "events/e\(batch)-\(index)/deeper/index.html",
                           text: String(repeating: "\(batch).\(index) ", count: batch % 7 == 0 ? 100 : 1))
            }
            for file in files { expected[file.path] = Data(file.bytes) }
            queue.add(files)
        }
        #expect(queue.finish() == nil)
        try staged.commit()
        var tree = Fixtures.tree(at: output)
        tree[OutputFolderPolicy.marker] = nil
        #expect(tree == expected)
    }

    /// The first failure is kept and reported by `finish`; batches after it are not written.
    @Test func stopsAtTheFirstFailure() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let staged = try SiteWriter(output: root.appendingPathComponent("Site").path).begin()
        defer { staged.discard() }
        let queue = WriteQueue(staged)
        queue.add([OutputFile(path: "a/index.html", text: "first")])
        // The same path again: a staged file is never written through.
        queue.add([OutputFile(path: "a/index.html", text: "again")])
        queue.add([OutputFile(path: "later/index.html", text: "dropped")])
        let failure = try #require(queue.finish())
        #expect(failure.description.contains("a/index.html"))
        #expect(queue.finish()?.description == failure.description)
        #expect(!FileManager.default.fileExists(atPath: staged.staging + "/later/index.html"))
        #expect(FileManager.default.contents(atPath: staged.staging + "/a/index.html") == Data("first".utf8))
    }
}
