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

    /// Each tree's record is kept as a base and changes of it. After the next swap the output's record is saved as the
    /// spare's as the file held it; after a build staged into the spare, the new output's as the spare's base, as the
    /// file held it, with the spare's changes and the build's. Every record reads back as saved, and a base is written
    /// again only when its changes grow past what is kept.
    @Test func recordsAreKeptAsChangesOfTheirBases() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let digest = { (n: UInt64) in PageDigest(high: n, low: ~n) }
        let state = { (n: UInt64) in TreeRecord.FolderState(inode: n, seconds: 1_700_000_000, nanoseconds: Int64(n)) }
        let pages = (0..<100).map { "events/\($0)/index.html" }
        let tree = { (stamp: String, n: UInt64) in
            TreeRecord(stamp: stamp, files: Dictionary(uniqueKeysWithValues: pages.map { ($0, digest(1)) } + [("feed.xml", TreeRecord.comparedByBytes)]),
                       folders: Dictionary(uniqueKeysWithValues: (0..<100).map { ("events/\($0)", state(n)) } + [("events", state(n))]))
        }
        let first = tree("s1", 1)
        var second = tree("s2", 2)
        second.files["events/0/index.html"] = digest(2)
        second.files["gone.html"] = digest(2)
        second.folders["events/0"] = nil
        let file = TreeRecordFile(folder: root.path, output: root.path + "/Site")
        file.save(output: first, spare: nil)
        var read = file.read()
        #expect(read.output == first && read.spare == nil && read.parts != nil && read.parts?.spare == nil)
        // Read without its folders, as a build process reads the output's record, it is written back as read.
        read = file.read(outputFolders: false)
        file.save(output: second, spare: read.output, read: read.parts)
        read = file.read()
        #expect(read.output == second && read.spare == first)
        let lean = file.read(outputFolders: false)
        #expect(lean.output?.files == second.files && lean.output?.folders.isEmpty == true && lean.spare == first)
        var bases = [try #require(read.parts?.spare?.base)]

        // Builds staged into the spare (the output before last), each changing a page and a folder of it.
        var trees = (output: second, spare: first)
        for build in 3...12 {
            var changes = TreeRecord.Changes(stamp: "s\(build)")
            changes.files.updateValue(digest(UInt64(build)), forKey: pages[build])
            changes.folders.updateValue(state(UInt64(build)), forKey: "events/\(build)")
            let staged = changes.applied(to: trees.spare)
            // A build process reads the output's record without its folders, and saves it back whole all the same.
            let parts = build.isMultiple(of: 2) ? file.read(outputFolders: false).parts : read.parts
            file.save(output: staged, spare: trees.output, read: parts, changes: changes)
            read = file.read()
            trees = (staged, trees.output)
            #expect(read.output == trees.output && read.spare == trees.spare, "build \(build)")
            if build == 3 { bases.append(try #require(read.parts?.spare?.base)) }
            #expect(read.parts?.spare.map { bases.contains($0.base) } == true, "build \(build): the bases written back as they were")
        }

        // More changes than are kept (an eighth of the base, and at least 64): the output's record is written whole.
        var changes = TreeRecord.Changes(stamp: "s13")
        for page in pages.prefix(80) { changes.files.updateValue(digest(13), forKey: page) }
        let staged = changes.applied(to: trees.spare)
        file.save(output: staged, spare: trees.output, read: read.parts, changes: changes)
        read = file.read()
        #expect(read.output == staged && read.spare == trees.output)
        file.save(output: trees.output, spare: read.output, read: read.parts, changes: TreeRecord.Changes(from: trees.spare, to: trees.output))
        read = file.read()
        #expect(read.output == trees.output && read.spare == staged)
        #expect(read.parts?.spare.map { !bases.contains($0.base) } == true, "the staged tree's new base")
    }

    /// A build that writes the files its spare's record lists reports what its record changes of that record: the
    /// pages it placed and the folders it touched.
    @Test func aStagedTreeTellsWhatItChangedOfItsSparesRecord() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = SiteWriter(output: root.appendingPathComponent("Site").path)
        let sites = [["a", "b", "c"], ["a2", "b", "c"], ["a", "b", "c3"], ["a", "b", "c3"]].map { texts in
            zip(["index.html", "events/b/index.html", "events/c/index.html"], texts).map { page($0, $1) }
        }
        var records: (output: TreeRecord?, spare: TreeRecord?) = (nil, nil)
        var reported: [Int] = []
        for (number, files) in sites.enumerated() {
            let staged = try writer.begin(spareRecord: records.spare)
            try staged.add(files)
            let record = try #require(try staged.commitRecording(stamp: "build-\(number)"))
            if let known = staged.known, let changes = staged.changesFromKnown {
                #expect(changes.applied(to: known) == record, "build \(number)")
                reported.append(changes.files.count)
            }
            records = (record, records.output)
        }
        #expect(reported == [1, 2], "the third build places c3 over the first's c; the fourth, a and c3 over the second's a2 and c")
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
