import Foundation
import Testing
@testable import CasebookCore

@Suite struct SiteCheckTests {
    @Test func pageAuditFindsMissingTitleDescriptionAndAlt() {
        let files = [
            OutputFile(path: "ok.html", text: #"<title>T</title><meta name="description" content="D"><img src="a.png" alt="">"#),
            OutputFile(path: "bad.html", text: #"<title> </title><meta name="description" content=""><img src="b.png">"#),
            OutputFile(path: "ünï.html", text: #"<title>Café — “x”</title><meta content="Ré" name="description"><imgx><p>é</p><img>"#
                + #"<img src="c.png" alt="">"#),
        ]
        #expect(PageAudit().problems(in: files).map { "\($0.page): \($0.message)" } == [
            "bad.html: page has no title", "bad.html: page has no description", #"bad.html: image without alt text: <img src="b.png">"#,
            "ünï.html: image without alt text: <img>",
        ])
    }

    @Test func checkReportsOrphansAsWarningsAndBrokenLinksAsErrors() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(atPath: Fixtures.path("Tests/Fixtures/minimal-site/Content"), toPath: content.path)
        try "---\ntitle: Unused\npublisher: P\npublished: 2021\n---\n".write(to: content.appendingPathComponent("sources/unused.md"), atomically: true, encoding: .utf8)
        try "---\nname: Nobody\nkind: person\n---\n".write(to: content.appendingPathComponent("parties/nobody.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Links\n---\n[gone](/nowhere/) and [anchor](/timeline/#no-such-event)\n".write(to: content.appendingPathComponent("pages/links.md"), atomically: true, encoding: .utf8)
        var options = BuildOptions()
        options.content = content.path
        options.templates = Fixtures.templates
        options.output = "Site"
        let result = SiteCheck.run(options)
        #expect(result.exitCode == 1)
        #expect(result.diagnostics.sorted.map(\.description) == [
            "\(content.path)/parties/nobody.md: warning: party 'nobody' is not mentioned by any event, quote or case",
            "\(content.path)/sources/unused.md: warning: source 'unused' is not cited by any event, quote, case or party",
            "Site/links/index.html: error: broken link '/nowhere/': no file nowhere/index.html in the site",
            "Site/links/index.html: error: broken link '/timeline/#no-such-event': no element with id 'no-such-event' on timeline/index.html",
        ])
        #expect(result.files.isEmpty && result.pageCount > 20, "pages are inspected as they are made, not held to the end")
    }
}
