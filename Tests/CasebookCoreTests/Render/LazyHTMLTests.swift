import Testing
@testable import CasebookCore

@Suite struct LazyHTMLTests {
    /// Rendered when first printed and kept for every later print; never before, and not part of a digest.
    @Test func rendersOnceWhenFirstPrinted() throws {
        let renders = LockedCache(0)
        let html = LazyHTML {
            renders.withLock { $0 += 1 }
            return "<ol class=\"citations\"><li>a &amp; b</li></ol>"
        }
        #expect(renders.withLock { $0 } == 0)
        #expect(try TemplateText("{{{html}}}|{{{html}}}").render(["html": html]) == "<ol class=\"citations\"><li>a &amp; b</li></ol>|<ol class=\"citations\"><li>a &amp; b</li></ol>")
        #expect(renders.withLock { $0 } == 1)
        struct Holder: Encodable { let html: LazyHTML }
        #expect(PageDigest.of(Holder(html: html)) == PageDigest.of(Holder(html: LazyHTML { "other" })))
    }

    /// A page's JSON-LD stands in the page's digest as what it is made from, and is made only when printed.
    @Test func digestsAsItsSource() {
        struct Holder: Encodable { let html: LazyHTML }
        func digest(_ source: [String], _ text: String) -> PageDigest {
            PageDigest.of(Holder(html: LazyHTML(standingFor: source) { text }))
        }
        #expect(digest(["Parler", "Person"], "a") == digest(["Parler", "Person"], "b"))
        #expect(digest(["Parler", "Person"], "a") != digest(["Parler", "Organization"], "a"))
        #expect(digest(["Parler"], "a") != PageDigest.of(Holder(html: LazyHTML { "a" })))
    }
}
