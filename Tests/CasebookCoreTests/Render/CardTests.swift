import Testing
@testable import CasebookCore

@Suite struct CardTests {
    struct Page: Encodable {
        let cards: [Card]
    }

    let templates = PageDigest(high: 1, low: 2)

    func digest(_ cards: [Card]) -> PageDigest {
        PageDigest.of(template: "timeline", templates: templates, context: Page(cards: cards))
    }

    /// In a page's digest a card stands as its cache digest, whatever its HTML; without one, as its HTML.
    @Test func cardsDigestAsTheirCacheDigest() {
        let one = PageDigest(high: 7, low: 8), other = PageDigest(high: 7, low: 9)
        #expect(digest([Card(html: "<p>a</p>", digest: one)]) == digest([Card(html: "<p>b</p>", digest: one)]))
        #expect(digest([Card(html: "<p>a</p>", digest: one)]) != digest([Card(html: "<p>a</p>", digest: other)]))
        #expect(digest([Card(html: "<p>a</p>", digest: one)]) != digest([Card(html: "<p>a</p>", digest: one)] + [Card(html: "", digest: one)]))
        #expect(digest([Card(html: "<p>a</p>", digest: nil)]) != digest([Card(html: "<p>b</p>", digest: nil)]))
    }

    /// Templates print a card's HTML as they printed the string it replaced: raw in `{{{.}}}`, escaped in `{{.}}`.
    @Test func cardsPrintTheirHTML() throws {
        let template = TemplateText("{{#cards}}{{{.}}}|{{.}}|{{missing}};{{/cards}}{{^empty(cards)}}!{{/empty(cards)}}")
        let cards = [Card(html: "<p>a & b</p>", digest: nil), Card(html: "<p>c</p>", digest: PageDigest(high: 1, low: 1))]
        #expect(try template.render(["cards": cards]) == "<p>a & b</p>|&lt;p&gt;a &amp; b&lt;/p&gt;|;<p>c</p>|&lt;p&gt;c&lt;/p&gt;|;!")
    }
}
