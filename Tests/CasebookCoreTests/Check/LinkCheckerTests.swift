import Testing
@testable import CasebookCore

@Suite struct LinkCheckerTests {
    @Test(arguments: [("minimal-site", "/"), ("minimal-site", "/trackers/x/"), ("hostile-site", "/")])
    func everyInternalLinkAndAnchorResolves(_ fixture: String, _ base: String) {
        let result = FixtureBuild.files(fixture, baseURL: base)
        #expect(result.exitCode == 0, "\(result.diagnostics.sorted)")
        let broken = LinkChecker(basePath: base).check(result.files)
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func reportsMissingPagesAndAnchors() {
        let files = [
            OutputFile(path: "index.html", text: ##"<a href="/a/">a</a> <a href="/a/#there">t</a> <a href="#here">h</a> <p id="here"></p> <a href="/missing/">m</a> <a href="/a/#nowhere">n</a> <a href="https://x.org/">x</a>"##),
            OutputFile(path: "a/index.html", text: ##"<h2 id="there">T</h2> <a href="../">up</a>"##),
        ]
        #expect(LinkChecker(basePath: "/").check(files).map(\.link) == ["/missing/", "/a/#nowhere"])
    }
}
