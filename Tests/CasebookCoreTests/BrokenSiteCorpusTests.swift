import Foundation
import Testing
@testable import CasebookCore

/// Every site under `Tests/Fixtures/broken/` must fail the way its `expected.txt` says — exit code, then each
/// diagnostic with its location — without crashing and without touching an existing output folder.
/// A few cases are completed at run time (a 50 MB file, symbolic links). Re-record with `CASEBOOK_RECORD=1`.
@Suite struct BrokenSiteCorpusTests {
    static let root = Fixtures.path("Tests/Fixtures/broken")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()

    @Test func theCorpusHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func brokenSiteFailsWithItsDiagnosticsAndLeavesTheOutputAlone(_ name: String) throws {
        let manager = FileManager.default
        let project = Fixtures.temporaryFolder()
        defer { try? manager.removeItem(at: project) }
        let source = URL(fileURLWithPath: Self.root).appendingPathComponent(name)
        let content = project.appendingPathComponent("Content"), templates = project.appendingPathComponent("Templates")
        if manager.fileExists(atPath: source.appendingPathComponent("Content").path) {
            try manager.copyItem(at: source.appendingPathComponent("Content"), to: content)
        }
        if name != "missing-templates" {
            try manager.copyItem(atPath: Fixtures.templates, toPath: templates.path)
            for (path, data) in Fixtures.tree(at: source.appendingPathComponent("Templates")) {
                try data.write(to: templates.appendingPathComponent(path))
            }
        }
        try prepare(name, content: content, project: project)

        let output = project.appendingPathComponent("Site")
        try manager.createDirectory(at: output.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try Data("previous build".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("keep".utf8).write(to: output.appendingPathComponent("nested/page.html"))
        try Data().write(to: output.appendingPathComponent(OutputFolderPolicy.marker))
        let before = Fixtures.tree(at: output)

        var options = BuildOptions()
        options.content = content.path
        options.templates = templates.path
        options.output = output.path
        options.projectRoot = project.path
        let result = BuildPipeline.run(options)

        var lines = ["exit \(result.exitCode)"] + result.diagnostics.sorted.map(\.description)
        if let failure = result.failure {
            switch failure {
            case .usage(let message), .io(let message): lines.append("casebook: error: \(message)")
            }
        }
        let prefix = project.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let actual = lines.map { $0.replacingOccurrences(of: prefix, with: "").replacingOccurrences(of: project.path + "/", with: "") }
            .joined(separator: "\n") + "\n"
        let expectedFile = source.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["CASEBOOK_RECORD"] == "1" {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: expectedFile, encoding: .utf8)) ?? "<no expected.txt>"
        #expect(actual == expected, "\(name)")
        #expect(result.exitCode != 0, "\(name) must fail")
        #expect(Fixtures.tree(at: output) == before, "\(name) touched the output folder")
    }

    /// Cases whose input cannot be committed as plain files.
    func prepare(_ name: String, content: URL, project: URL) throws {
        let manager = FileManager.default
        switch name {
        case "large-file":
            // 50 MB with no front matter: reported at once, without building anything from it.
            let chunk = Data(String(repeating: "all work and no play ", count: 50_000).utf8)
            try manager.createDirectory(at: content.appendingPathComponent("pages"), withIntermediateDirectories: true)
            let handle = try FileHandle(forWritingTo: {
                let url = content.appendingPathComponent("pages/huge.md")
                _ = manager.createFile(atPath: url.path, contents: nil)
                return url
            }())
            for _ in 0..<50 { handle.write(chunk) }
            try handle.close()
        case "symlink-loop":
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("timeline/again").path,
                                           withDestinationPath: content.appendingPathComponent("timeline").path)
        case "symlink-outside":
            try Data("---\nname: Secret\nkind: person\n---\n".utf8).write(to: project.appendingPathComponent("secret.md"))
            try manager.createSymbolicLink(atPath: content.appendingPathComponent("parties/secret.md").path,
                                           withDestinationPath: project.appendingPathComponent("secret.md").path)
        default:
            break
        }
    }
}
