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

    @Test func linksUnchangedFilesFromTheOldOutputAndWritesChangedOnes() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "changed/index.html", text: "one"),
                          OutputFile(path: "grown/index.html", text: "ab")])
        func inode(_ path: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: output.path + "/" + path)[.systemFileNumber] as? UInt64)
        }
        let sameBefore = try inode("same/index.html")
        let changedBefore = try inode("changed/index.html")

        try writer.write([OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "changed/index.html", text: "two"),
                          OutputFile(path: "grown/index.html", text: "abc")])

        let tree = Fixtures.tree(at: output)
        #expect(tree["same/index.html"] == Data("same".utf8))
        #expect(tree["changed/index.html"] == Data("two".utf8))
        #expect(tree["grown/index.html"] == Data("abc".utf8))
        #expect(try inode("same/index.html") == sameBefore, "an unchanged file is linked, not rewritten")
        #expect(try inode("changed/index.html") != changedBefore)
    }

    @Test func stagedBatchesAppearOnlyOnCommitAndDiscardLeavesTheOldSite() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let writer = SiteWriter(output: output.path)
        try writer.write([OutputFile(path: "index.html", text: "old")])

        let abandoned = try writer.begin()
        try abandoned.add([OutputFile(path: "index.html", text: "new"), OutputFile(path: "a/b/index.html", text: "x")])
        abandoned.discard()
        let untouched = Fixtures.tree(at: output)
        #expect(Set(untouched.keys) == ["index.html", OutputFolderPolicy.marker])
        #expect(untouched["index.html"] == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Site"])

        let staged = try writer.begin()
        try staged.add([OutputFile(path: "events/a/index.html", text: "a")])
        #expect(Fixtures.tree(at: output)["index.html"] == Data("old".utf8), "nothing shows before the commit")
        // A later batch may go deeper into folders an earlier batch made.
        try staged.add([OutputFile(path: "events/b/index.html", text: "b"), OutputFile(path: "x/y/z/index.html", text: "z")])
        try staged.commit()
        let tree = Fixtures.tree(at: output)
        #expect(Set(tree.keys) == ["events/a/index.html", "events/b/index.html", "x/y/z/index.html", OutputFolderPolicy.marker])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Site"])
    }
}
