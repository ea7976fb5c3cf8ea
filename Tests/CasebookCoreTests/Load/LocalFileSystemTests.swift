import Foundation
import Testing
@testable import CasebookCore

/// Reading from disk: whole files, however large, and folder entries with their kinds, links checked as before.
@Suite struct LocalFileSystemTests {
    @Test func filesAreReadWholeAndAMissingOneIsReportedInTheSystemsWords() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let system = LocalFileSystem(root: root.path)
        for size in [0, 1, 4095, 70_001] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let file = root.appendingPathComponent("file-\(size)")
            try bytes.write(to: file)
            #expect(try system.readFile(at: file.path) == bytes, "\(size) bytes")
        }
        let missing = #expect(throws: (any Error).self) { try system.readFile(at: root.appendingPathComponent("missing").path) }
        #expect(missing?.localizedDescription == "No such file or directory")
    }

    @Test func entriesComeSortedWithTheirKinds() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default, tree = root.appendingPathComponent("tree")
        try manager.createDirectory(at: tree.appendingPathComponent("b-folder"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: tree.appendingPathComponent("c-file.md"))
        try Data("x".utf8).write(to: root.appendingPathComponent("outside.md"))
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("a-link.md").path, withDestinationPath: "c-file.md")
        try manager.createSymbolicLink(atPath: tree.appendingPathComponent("d-escape.md").path, withDestinationPath: "../outside.md")
        #expect(mkfifo(tree.appendingPathComponent("e-pipe").path, 0o600) == 0)
        let system = LocalFileSystem(root: tree.path)
        #expect(system.directoryEntries(at: tree.path) == [
            DirectoryEntry(name: "a-link.md", kind: .file), DirectoryEntry(name: "b-folder", kind: .directory),
            DirectoryEntry(name: "c-file.md", kind: .file), DirectoryEntry(name: "d-escape.md", kind: .brokenOrEscapingLink),
            DirectoryEntry(name: "e-pipe", kind: nil),
        ])
        #expect(system.directoryEntries(at: tree.appendingPathComponent("c-file.md").path) == nil)
        #expect(system.directoryEntries(at: tree.appendingPathComponent("missing").path) == nil)
    }
}
