import Testing
@testable import CasebookCore

@Suite struct LinkCheckerTests {
    @Test func attributeValuesAreReadInOrderAroundNonASCIIText() {
        let html = #"<p id="a">Café “quoted” — ünïcode</p><a data-id="no" href="/x/#é" id="b">→</a><img src="i.png" alt=""> id="unclosed"#
        #expect(LinkChecker.attributeValues("id", in: html) == ["a", "b"])
        #expect(LinkChecker.attributeValues("href", in: html) == ["/x/#é"])
        #expect(LinkChecker.attributeValues("src", in: html) == ["i.png"])
        #expect(LinkChecker.attributeValues("alt", in: html) == [""])
        #expect(LinkChecker.attributeValues("title", in: html) == [])
    }

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
