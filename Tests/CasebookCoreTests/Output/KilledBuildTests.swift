import Foundation
import Testing
@testable import CasebookCore

/// A build killed at any moment leaves the output folder holding either the whole previous site or the whole
/// new one, and two builds of the same content are byte-identical. Runs the real `casebook` binary, built by
/// `make test` before the tests (`swift build --build-tests`).
@Suite(.serialized) struct KilledBuildTests {
    static let binaries = Fixtures.repositoryRoot.appendingPathComponent(".build/debug")

    func run(_ tool: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.binaries.appendingPathComponent(tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSiteWhole() throws {
        let manager = FileManager.default
        guard manager.isExecutableFile(atPath: Self.binaries.appendingPathComponent("casebook").path),
              manager.isExecutableFile(atPath: Self.binaries.appendingPathComponent("CasebookBench").path) else {
            Issue.record("build the executables first: swift build --build-tests (make test does)")
            return
        }
        let root = Fixtures.temporaryFolder()
        defer { try? manager.removeItem(at: root) }
        let content = root.appendingPathComponent("Content"), site = root.appendingPathComponent("Site")
        let generator = try run("CasebookBench", ["200", content.path])
        generator.waitUntilExit()
        func build(_ output: URL) throws -> Process {
            try run("casebook", ["build", "--content", content.path, "--templates", Fixtures.templates,
                                 "--output", output.path, "--quiet"])
        }

        let first = try build(site)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let old = Fixtures.tree(at: site)
        let again = try build(root.appendingPathComponent("Again"))
        again.waitUntilExit()
        #expect(Fixtures.tree(at: root.appendingPathComponent("Again")) == old, "two builds of the same content differ")

        let siteFile = content.appendingPathComponent("site.yml")
        let settings = try String(contentsOf: siteFile, encoding: .utf8)
        try settings.replacingOccurrences(of: "title: Synthetic", with: "title: Changed synthetic")
            .write(to: siteFile, atomically: true, encoding: .utf8)
        let reference = try build(root.appendingPathComponent("New"))
        reference.waitUntilExit()
        let new = Fixtures.tree(at: root.appendingPathComponent("New"))
        #expect(new != old)

        var sawOld = false
        for attempt in 0..<6 {
            if attempt > 0, Fixtures.tree(at: site) == new {
                // Put the old site back so that every attempt can land anywhere in the write.
                try manager.removeItem(at: site)
                try manager.copyItem(at: root.appendingPathComponent("Again"), to: site)
            }
            let process = try build(site)
            let start = Date()
            // Kill at times spread over the build, from the start to past the swap.
            Thread.sleep(forTimeInterval: Double(attempt) * 0.2)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let tree = Fixtures.tree(at: site)
            #expect(tree == old || tree == new, "attempt \(attempt) after \(Date().timeIntervalSince(start)) s: a half-written site")
            sawOld = sawOld || tree == old
        }
        #expect(sawOld, "no kill landed before the swap; the test did not exercise the write")
        let last = try build(site)
        last.waitUntilExit()
        #expect(Fixtures.tree(at: site) == new)
        let leftovers = try manager.contentsOfDirectory(atPath: root.path).filter { $0.contains("casebook-tmp") }
        #expect(leftovers.isEmpty, "abandoned staging folders should be cleaned up: \(leftovers)")
    }
}
