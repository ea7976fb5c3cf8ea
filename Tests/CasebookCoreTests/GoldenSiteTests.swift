import Foundation
import Testing
@testable import CasebookCore

/// Builds each fixture site with the shipped templates and compares the whole output tree with the
/// checked-in `Expected/` tree. Re-record after an intended change with `CASEBOOK_RECORD=1 swift test`,
/// then review the diff of `Tests/Fixtures/*/Expected`.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["minimal-site"])
    func outputMatchesExpectedTree(_ fixture: String) throws {
        let base = Fixtures.path("Tests/Fixtures/\(fixture)")
        var options = BuildOptions()
        options.content = base + "/Content"
        options.templates = Fixtures.templates
        options.write = false
        let result = BuildPipeline.run(options)
        #expect(result.exitCode == 0, "\(result.diagnostics.sorted)")
        let actual = Dictionary(result.files.map { ($0.path, Data($0.bytes)) }, uniquingKeysWith: { first, _ in first })
        let expectedRoot = URL(fileURLWithPath: base + "/Expected")
        if ProcessInfo.processInfo.environment["CASEBOOK_RECORD"] == "1" {
            try? FileManager.default.removeItem(at: expectedRoot)
            try SiteWriter(output: expectedRoot.path).write(result.files)
            try? FileManager.default.removeItem(at: expectedRoot.appendingPathComponent(OutputFolderPolicy.marker))
            return
        }
        let expected = Fixtures.tree(at: expectedRoot)
        #expect(!expected.isEmpty, "no Expected/ tree: record it with CASEBOOK_RECORD=1 swift test")
        #expect(Set(actual.keys) == Set(expected.keys))
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let produced = actual[path] else { continue }
            if produced != data {
                let diff = FirstDifference.describe(String(decoding: data, as: UTF8.self), String(decoding: produced, as: UTF8.self))
                Issue.record("\(fixture)/\(path) differs from Expected: \(diff)")
            }
        }
    }
}

/// The first line where two texts differ, for readable golden-test failures.
enum FirstDifference {
    static func describe(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
            let want = index < a.count ? String(a[index]) : "<end>"
            let got = index < b.count ? String(b[index]) : "<end>"
            return "line \(index + 1): expected \(want.debugDescription), got \(got.debugDescription)"
        }
        return "texts differ"
    }
}
