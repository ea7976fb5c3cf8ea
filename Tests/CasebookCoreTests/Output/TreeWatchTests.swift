#if os(Linux)
import Foundation
import Testing
@testable import CasebookCore

/// What `casebook build --watch` learns through inotify of its output's trees: a tree counts as unchanged only while
/// no one but its own builds added, removed or renamed an entry in any of its folders.
@Suite struct TreeWatchTests {
    let folders = ["events", "events/a", "events/b", "quotes", "quotes/q"]

    /// A tree like an output's: a root file, a dot-entry, and a page in each leaf folder.
    func tree() throws -> URL {
        let root = Fixtures.temporaryFolder().appendingPathComponent("Site")
        for folder in folders { try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
        for file in ["index.html", ".casebook-site", "events/a/index.html", "events/b/index.html", "quotes/q/index.html"] {
            try Data(file.utf8).write(to: root.appendingPathComponent(file))
        }
        return root
    }

    func watched(_ root: URL, budget: Int? = nil) throws -> TreeWatch {
        let watch = try #require(TreeWatch(budget: budget))
        watch.watch(root.path, folders: folders) { true }
        return watch
    }

    /// Each change someone else could make to a tree, as a shell command's effect.
    static let changes: [(String, @Sendable (URL) throws -> Void)] = [
        ("page deleted", { try FileManager.default.removeItem(at: $0.appendingPathComponent("events/a/index.html")) }),
        ("file added", { try Data("x".utf8).write(to: $0.appendingPathComponent("quotes/q/extra.html")) }),
        ("page renamed", { try FileManager.default.moveItem(at: $0.appendingPathComponent("events/b/index.html"),
                                                            to: $0.appendingPathComponent("events/b/old.html")) }),
        ("folder removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("events/b")) }),
        ("folder added", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("events/c"), withIntermediateDirectories: false) }),
        ("root page deleted", { try FileManager.default.removeItem(at: $0.appendingPathComponent("index.html")) }),
        ("folder moved away", { try FileManager.default.moveItem(at: $0.appendingPathComponent("quotes/q"),
                                                                 to: $0.deletingLastPathComponent().appendingPathComponent("q")) }),
    ]

    @Test func aTreeNoOneChangedIsUnchanged() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watch = try watched(root)
        // Reading adds or removes no entry.
        _ = try Data(contentsOf: root.appendingPathComponent("events/a/index.html"))
        #expect(watch.isUnchanged(root.path))
        #expect(watch.isUnchanged(root.path), "asking again reads no new change")
        // Dot-entries of the root are the swap's (the marker, `.git` carried over).
        try Data("marker".utf8).write(to: root.appendingPathComponent(".casebook-site.new"))
        #expect(watch.isUnchanged(root.path))
    }

    @Test(arguments: 0..<changes.count)
    func everyChangeByOthersIsSeen(change: Int) throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watch = try watched(root)
        try Self.changes[change].1(root)
        #expect(!watch.isUnchanged(root.path), "\(Self.changes[change].0)")
    }

    @Test func aTreeThatFailsItsCheckOrIsNotWatchedCountsAsChanged() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watch = try #require(TreeWatch())
        #expect(!watch.isUnchanged(root.path), "not watched")
        watch.watch(root.path, folders: folders) { false }
        #expect(!watch.isUnchanged(root.path), "its check failed")
        let small = try watched(root, budget: 3)
        #expect(!small.isUnchanged(root.path), "more folders than the budget")
    }

    /// A tree that outgrows the budget gives its watches back for good: it is checked whole by every build.
    @Test func aTreeThatOutgrowsTheBudgetIsNoLongerWatched() throws {
        let root = try tree(), other = try tree()
        defer {
            try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: other.deletingLastPathComponent())
        }
        let watch = try watched(root, budget: folders.count + 3)
        #expect(watch.isUnchanged(root.path))
        for folder in ["new1", "new2", "new3"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: false)
        }
        watch.staged(root.path, made: ["new1", "new2", "new3"]) { _ in true }
        #expect(!watch.isUnchanged(root.path))
        watch.staged(root.path, made: []) { _ in true }
        #expect(!watch.isUnchanged(root.path), "still not watched")
        watch.watch(other.path, folders: folders) { true }
        #expect(watch.isUnchanged(other.path), "the watches were given back")
    }

    /// The renames of a swap keep a tree's watches; what its build changed in folders it wrote is its own.
    @Test func theBuildsOwnChangesAreNotCounted() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watch = try watched(root)
        let staging = root.deletingLastPathComponent().appendingPathComponent(".Site.staging")
        try FileManager.default.moveItem(at: root, to: staging)
        try Data("new".utf8).write(to: staging.appendingPathComponent("events/a/new.html"))
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("events/d"), withIntermediateDirectories: false)
        try FileManager.default.removeItem(at: staging.appendingPathComponent("quotes/q"))
        try FileManager.default.moveItem(at: staging, to: root)
        watch.staged(root.path, made: ["events", "events/a", "events/d"]) { ["", "events", "events/a", "events/d", "quotes", "quotes/q"].contains($0) }
        #expect(watch.isUnchanged(root.path))
        // A folder the build made is watched from then on.
        try Data("x".utf8).write(to: root.appendingPathComponent("events/d/x.html"))
        #expect(!watch.isUnchanged(root.path))
        // The next build's staging checked the tree: only later changes count.
        watch.staged(root.path, made: []) { _ in false }
        #expect(watch.isUnchanged(root.path))
        try Data("y".utf8).write(to: root.appendingPathComponent("events/b/y.html"))
        watch.staged(root.path, made: []) { $0 == "events/a" }
        #expect(!watch.isUnchanged(root.path), "a change in a folder the build did not write is someone else's")
    }

    /// Only the live output and the spare are watched; a tree dropped gives its watches back.
    @Test func treesNotKeptAreForgotten() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let watch = try watched(root, budget: folders.count + 1)
        watch.keepOnly([])
        #expect(!watch.isWatching(root.path))
        watch.watch(root.path, folders: folders) { true }
        #expect(watch.isUnchanged(root.path), "the budget was given back")
    }
}
#endif
