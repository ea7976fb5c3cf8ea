import Foundation
@testable import CasebookCore

/// Paths into the repository for tests that read fixtures, the real Content/ or the shipped Templates/.
enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { repositoryRoot.appendingPathComponent(relative).path }

    static var templates: String { path("Templates") }

    /// A fresh empty folder under the system temp folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Loads in-memory content rooted at "Content" and validates it, returning every diagnostic as printed.
    static func diagnostics(_ files: [String: String], drafts: Bool = false) -> [String] {
        let fileSystem = InMemoryFileSystem(files: files)
        guard let (content, loadDiagnostics) = try? ContentLoader(fileSystem: fileSystem, root: "Content").load() else {
            return ["missing content folder"]
        }
        var all = loadDiagnostics
        all.append(contentsOf: ContentValidator(includeDrafts: drafts).validate(content))
        return all.sorted.map(\.description)
    }

    /// A minimal valid site to which tests add the file they are about.
    static let baseSite: [String: String] = [
        "Content/site.yml": "title: Test\n",
        "Content/parties/aws.md": "---\nname: Amazon Web Services\nkind: organization\n---\nA host.\n",
        "Content/parties/parler.md": "---\nname: Parler\nkind: organization\n---\n",
        "Content/sources/news.md": "---\ntitle: News\npublisher: Paper\npublished: 2021-01-12\n---\n",
        "Content/cases/suit.md": "---\ntitle: Parler v. AWS\nstatus: filed\n---\n",
    ]

    static func site(adding extra: [String: String]) -> [String: String] {
        baseSite.merging(extra) { _, new in new }
    }

    /// Every file under a folder, by relative path, for comparing output trees.
    static func tree(at root: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return result }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            result[relative] = try? Data(contentsOf: url)
        }
        return result
    }
}
