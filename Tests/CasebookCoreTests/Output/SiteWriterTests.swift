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
        #expect(Set(leftovers) == ["Site", ".Site.casebook-spare"], "staging folders must be cleaned up; the old tree is the spare")
        #expect(!FileManager.default.fileExists(atPath: root.path + "/.Site.casebook-spare/.git"), "dot-entries move to the new site")
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
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Site", ".Site.casebook-spare"])

        // A discarded build that started from the spare puts it back, for the next build to start from.
        let spare = root.appendingPathComponent(".Site.casebook-spare")
        let spareBefore = Fixtures.tree(at: spare)
        let discarded = try writer.begin()
        #expect(!FileManager.default.fileExists(atPath: spare.path))
        discarded.discard()
        #expect(Fixtures.tree(at: spare) == spareBefore && spareBefore["index.html"] == Data("old".utf8))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Site", ".Site.casebook-spare"])
    }

    @Test func reusesTheSpareTreeWithoutWritingThroughToTheLiveSite() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let writer = SiteWriter(output: output.path)
        func inode(_ path: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        }
        try writer.write([OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "edited/index.html", text: "v1"),
                          OutputFile(path: "gone/deep/index.html", text: "gone"), OutputFile(path: "becomes-file", text: "x")])
        try writer.write([OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "edited/index.html", text: "v2"),
                          OutputFile(path: "gone/deep/index.html", text: "gone"), OutputFile(path: "becomes-file", text: "x")])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Site", ".Site.casebook-spare"])

        // The third build starts from the spare (the first build's tree) while the second build is live.
        let staged = try writer.begin()
        try staged.add([OutputFile(path: "same/index.html", text: "same"), OutputFile(path: "edited/index.html", text: "v3"),
                        OutputFile(path: "becomes-file/index.html", text: "now a folder"), OutputFile(path: "new/index.html", text: "new")])
        let live = Fixtures.tree(at: output)
        #expect(live["edited/index.html"] == Data("v2".utf8), "the live site is untouched until the swap")
        #expect(live["gone/deep/index.html"] == Data("gone".utf8))
        try staged.commit()

        let tree = Fixtures.tree(at: output)
        #expect(Set(tree.keys) == ["same/index.html", "edited/index.html", "becomes-file/index.html", "new/index.html",
                                   OutputFolderPolicy.marker])
        #expect(tree["edited/index.html"] == Data("v3".utf8))
        #expect(tree["becomes-file/index.html"] == Data("now a folder".utf8))
        #expect(!FileManager.default.fileExists(atPath: output.path + "/gone"), "folders no page needs are removed")
        let spare = root.appendingPathComponent(".Site.casebook-spare")
        #expect(Fixtures.tree(at: spare)["edited/index.html"] == Data("v2".utf8), "the spare is now the second build")
        #expect(try inode(output.path + "/same/index.html") == inode(spare.path + "/same/index.html"),
                "an unchanged page is one file shared by both trees")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root.path)) == ["Site", ".Site.casebook-spare"])
    }

    /// A page of the spare that only the spare names is written over in place (its blocks reused, not freed), its
    /// folder showing the change; one the live output shares is never written through.
    @Test func writesOverASpareFileOnlyTheSpareNames() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site"), spare = root.appendingPathComponent(".Site.casebook-spare")
        let writer = SiteWriter(output: output.path)
        func inode(_ path: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        }
        try writer.write([OutputFile(path: "a/shrinks.html", text: "a long first version"), OutputFile(path: "a/grows.html", text: "v1"),
                          OutputFile(path: "shared.html", text: "same")])
        try writer.write([OutputFile(path: "a/shrinks.html", text: "second"), OutputFile(path: "a/grows.html", text: "v2"),
                          OutputFile(path: "shared.html", text: "same")])
        // The spare is the first build's tree: its two pages in a/ are its own, shared.html is the live output's too.
        let firstInodes = try ["a/shrinks.html", "a/grows.html", OutputFolderPolicy.marker].map { try inode(spare.path + "/" + $0) }

        let staged = try writer.begin()
        let folderBefore = TreeRecord.withFolder(staged.staging) { TreeRecord.FolderState(of: "a", in: $0) }
        try staged.add([OutputFile(path: "a/shrinks.html", text: "3"), OutputFile(path: "a/grows.html", text: "a longer third version"),
                        OutputFile(path: "shared.html", text: "changed")])
        let folderAfter = TreeRecord.withFolder(staged.staging) { TreeRecord.FolderState(of: "a", in: $0) }
        #expect(folderBefore != nil && folderAfter != nil && folderBefore != folderAfter, "the folder shows that its files changed")
        #expect(Fixtures.tree(at: output)["shared.html"] == Data("same".utf8), "the live site is not written through")
        try staged.commit()

        let tree = Fixtures.tree(at: output)
        #expect(Set(tree.keys) == ["a/shrinks.html", "a/grows.html", "shared.html", OutputFolderPolicy.marker], "nothing left aside")
        #expect(tree["a/shrinks.html"] == Data("3".utf8) && tree["a/grows.html"] == Data("a longer third version".utf8))
        #expect(tree["shared.html"] == Data("changed".utf8) && Fixtures.tree(at: spare)["shared.html"] == Data("same".utf8))
        #expect(try ["a/shrinks.html", "a/grows.html", OutputFolderPolicy.marker].map { try inode(output.path + "/" + $0) } == firstInodes,
                "the spare's own files, the marker among them, are the files written over")
    }
}
