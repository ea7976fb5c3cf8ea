import Foundation
import Testing
@testable import CasebookCore

@Suite struct TreeRecordTests {
    /// A file known by the digest of its text, as a rendered page is known by its context's.
    func page(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, text: text, digest: PageDigest.of(text))
    }

    /// Builds the sites one after another as a cached build does: each starts from the spare tree with the record
    /// taken when that tree was swapped in. Returns, per build, whether the spare matched its record.
    func build(_ sites: [[OutputFile]], into output: URL, between: (Int) throws -> Void = { _ in }) throws -> [Bool] {
        let writer = SiteWriter(output: output.path)
        var records: (output: TreeRecord?, spare: TreeRecord?) = (nil, nil)
        var matched: [Bool] = []
        for (number, files) in sites.enumerated() {
            try between(number)
            let staged = try writer.begin(spareRecord: records.spare)
            matched.append(staged.known != nil)
            try staged.add(files)
            let record = try #require(try staged.commitRecording(stamp: "build-\(number)"))
            records = (record, records.output)
        }
        return matched
    }

    func texts(_ files: [OutputFile]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, Data($0.bytes)) })
    }

    @Test func aSpareThatMatchesItsRecordIsUpdatedOnlyWhereDigestsDiffer() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site"), spare = root.appendingPathComponent(".Site.casebook-spare")
        let first = [page("index.html", "home"), page("events/a/index.html", "a1"), page("events/b/index.html", "b"),
                     page("gone/deep/index.html", "gone"), page("becomes-folder", "file"), page("becomes-file/index.html", "folder"),
                     OutputFile(path: "feed.xml", text: "feed 1")]
        var second = first
        second[1] = page("events/a/index.html", "a2")
        let third = [page("index.html", "home"), page("events/a/index.html", "a1"), page("events/b/index.html", "b"),
                     page("becomes-folder/index.html", "now a folder"), page("becomes-file", "now a file"),
                     page("events/new/index.html", "new"), OutputFile(path: "feed.xml", text: "feed 3")]
        let matched = try build([first, second, third], into: output) { number in
            guard number == 2 else { return }
            // The spare holds the first build's "a1" page under the digest the third build asks for: written through
            // in place (its folder does not change), it shows whether the writer left the file alone.
            let handle = try FileHandle(forWritingTo: spare.appendingPathComponent("events/a/index.html"))
            try handle.write(contentsOf: Data("A1".utf8))
            try handle.close()
        }
        #expect(matched == [false, false, true])
        var expected = texts(third)
        expected["events/a/index.html"] = Data("A1".utf8)
        let tree = Fixtures.tree(at: output).filter { $0.key != OutputFolderPolicy.marker }
        #expect(tree == expected)
        #expect(!FileManager.default.fileExists(atPath: output.path + "/gone"), "folders no file needs are removed")
        #expect(Fixtures.tree(at: spare)["events/a/index.html"] == Data("a2".utf8), "the spare is now the second build")
    }

    /// A file added to or removed from the live site by hand changes a folder's state: when that tree comes back as
    /// the spare it is walked, and the new site holds exactly the files given.
    @Test(arguments: ["stray.html", "events/a/stray.html", "events/b/index.html", "events/b"])
    func aSpareChangedBehindCasebooksBackIsWalked(changed: String) throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let site = [page("index.html", "home"), page("events/a/index.html", "a"), page("events/b/index.html", "b")]
        let matched = try build([site, site, site, site], into: output) { number in
            guard number == 2 else { return }
            let path = output.appendingPathComponent(changed)
            if FileManager.default.fileExists(atPath: path.path) {
                try FileManager.default.removeItem(at: path)
            } else {
                try Data("stray".utf8).write(to: path)
            }
        }
        #expect(matched == [false, false, true, false])
        #expect(Fixtures.tree(at: output).filter { $0.key != OutputFolderPolicy.marker } == texts(site))
    }

    /// The root is renamed by every swap, so its own state is not recorded: a page there replaced by a link of the
    /// same name is found by looking at the page.
    @Test func aRootPageReplacedByALinkIsNoLongerDescribed() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        let staged = try SiteWriter(output: output.path).begin()
        try staged.add([page("index.html", "home"), page("events/a/index.html", "a")])
        let record = try #require(try staged.commitRecording(stamp: "s"))
        #expect(record.describes(output.path, asOutput: true))
        let home = output.appendingPathComponent("index.html")
        try FileManager.default.removeItem(at: home)
        try FileManager.default.createSymbolicLink(atPath: home.path, withDestinationPath: "events/a/index.html")
        #expect(!record.describes(output.path, asOutput: true))
    }

    @Test func recordsSurviveTheirFileAndAreReadOnlyForTheirOutput() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let record = TreeRecord(stamp: "s", files: ["index.html": PageDigest(high: 1, low: 2), "feed.xml": TreeRecord.comparedByBytes],
                                folders: ["events": .init(inode: 7, seconds: 1_700_000_000, nanoseconds: 5)])
        let file = TreeRecordFile(folder: root.path, output: root.path + "/Site")
        file.save(output: record, spare: nil)
        let read = file.read()
        #expect(read.output == record && read.spare == nil)
        #expect(TreeRecordFile(folder: root.path, output: root.path + "/Other").read().output == nil)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
        bytes.removeLast()
        try bytes.write(to: URL(fileURLWithPath: file.path))
        #expect(file.read().output == nil, "a damaged file reads as no records")
    }

    /// After the next swap the output's record is saved as the spare's as the file held it, not encoded again: it
    /// reads back as the same record, beside the new output's.
    @Test func theOutputsRecordIsSavedBackAsTheSpares() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = TreeRecord(stamp: "s1", files: ["index.html": PageDigest(high: 1, low: 2), "a/b.html": TreeRecord.comparedByBytes],
                               folders: ["a": .init(inode: 7, seconds: 1_700_000_000, nanoseconds: 5)])
        let second = TreeRecord(stamp: "s2", files: ["index.html": PageDigest(high: 3, low: 4)], folders: [:])
        let file = TreeRecordFile(folder: root.path, output: root.path + "/Site")
        file.save(output: first, spare: nil)
        let stored = file.read()
        #expect(stored.output == first && stored.spare == nil)
        let encoding = try #require(stored.outputEncoding)
        file.save(output: second, spare: stored.output, spareEncoding: encoding)
        let read = file.read()
        #expect(read.output == second && read.spare == first)
        let again = file.read()
        file.save(output: first, spare: again.output, spareEncoding: again.outputEncoding)
        #expect(file.read().output == first && file.read().spare == second)

        // A build process reads the output's record without its folders, and saves it back whole all the same.
        let lean = file.read(outputFolders: false)
        #expect(lean.output?.files == first.files && lean.output?.folders.isEmpty == true && lean.spare == second)
        #expect(lean.outputEncoding == file.read().outputEncoding)
        file.save(output: second, spare: lean.output, spareEncoding: lean.outputEncoding)
        #expect(file.read().output == second && file.read().spare == first)
    }

    @Test func topLevelPathsAreTheRootsEntries() {
        #expect(TreeRecord.isTopLevel("index.html") && TreeRecord.isTopLevel("") && TreeRecord.isTopLevel("naïve")
                && TreeRecord.isTopLevel(String(repeating: "long-name-", count: 20)))
        #expect(!TreeRecord.isTopLevel("a/b.html") && !TreeRecord.isTopLevel("/") && !TreeRecord.isTopLevel("events/x/index.html"))
    }

    @Test func foldersHoldingPathsIncludeEveryAncestor() {
        #expect(TreeRecord.folders(holding: ["index.html", "a/b/c.html", "a/d.html", "e/index.html"]) == ["a", "a/b", "e"])
    }
}
