import Mustache
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
        let template = try MustacheTemplate(string: "{{{html}}}|{{{html}}}")
        #expect(template.render(["html": html]) == "<ol class=\"citations\"><li>a &amp; b</li></ol>|<ol class=\"citations\"><li>a &amp; b</li></ol>")
        #expect(renders.withLock { $0 } == 1)
        struct Holder: Encodable { let html: LazyHTML }
        #expect(PageDigest.of(Holder(html: html)) == PageDigest.of(Holder(html: LazyHTML { "other" })))
    }
}
