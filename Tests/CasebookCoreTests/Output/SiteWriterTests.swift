import Foundation
import Testing
@testable import CasebookCore

@Suite struct SiteWriterTests {
    @Test func replacesTheWholeTreeAndKeepsDotEntries() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "old")])
        try FileManager.default.createDirectory(at: output.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: output.appendingPathComponent(".git/HEAD"))
        try Data().write(to: output.appendingPathComponent(".nojekyll"))

        try writer.write([OutputFile(path: "index.html", text: "two"), OutputFile(path: "a/b/index.html", text: "deep")])

        let tree = Fixtures.tree(at: output)
        #expect(Set(tree.keys) == ["index.html", "a/b/index.html", ".git/HEAD", ".nojekyll", OutputFolderPolicy.marker])
        #expect(tree["index.html"] == Data("two".utf8))
        #expect(tree[".git/HEAD"] == Data("ref".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(leftovers == ["Site"], "staging folders must be cleaned up")
    }
}
