import Foundation
import Testing
@testable import CasebookCore

@Suite struct OutputFolderPolicyTests {
    func refusal(_ output: String, root: URL, force: Bool = false) -> OutputFolderPolicy.Refusal? {
        let policy = OutputFolderPolicy(output: output, projectRoot: root.path,
                                        sourceFolders: [root.appendingPathComponent("Content").path,
                                                        root.appendingPathComponent("Templates").path], force: force)
        do { try policy.check(); return nil } catch { return error }
    }

    @Test func refusesDangerousFolders() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/cases"), withIntermediateDirectories: true)
        for output in ["/", NSHomeDirectory(), root.path, root.appendingPathComponent("Content").path,
                       root.appendingPathComponent("Content/cases").path, root.appendingPathComponent("Templates").path,
                       root.deletingLastPathComponent().path] {
            guard case .dangerous? = refusal(output, root: root, force: true) else {
                Issue.record("accepted \(output)")
                continue
            }
        }
        #expect(refusal(root.appendingPathComponent("Site").path, root: root) == nil)
    }

    @Test func refusesAFolderItDidNotWriteUnlessForced() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.appendingPathComponent("notes.txt"))
        #expect(refusal(output.path, root: root) == .notOurs(output.standardizedFileURL.resolvingSymlinksInPath().path))
        #expect(refusal(output.path, root: root, force: true) == nil)
        try Data().write(to: output.appendingPathComponent(OutputFolderPolicy.marker))
        #expect(refusal(output.path, root: root) == nil)
    }
}
