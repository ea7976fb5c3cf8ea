import Testing
@testable import CasebookCore

@Suite struct PageDigestTests {
    struct Sample: Encodable {
        let title: String
        let tags: [String]
        let note: String?
        let count: Int
    }

    let templates = PageDigest(high: 1, low: 2)

    func digest(_ card: Sample, template: String = "event") -> PageDigest {
        PageDigest.of(template: template, templates: templates, context: card)
    }

    @Test func equalInputsDigestAlikeAndEveryFieldCounts() {
        let card = Sample(title: "Parler sues", tags: ["a", "b"], note: nil, count: 1)
        #expect(digest(card) == digest(Sample(title: "Parler sues", tags: ["a", "b"], note: nil, count: 1)))
        let variants = [
            Sample(title: "Parler sued", tags: ["a", "b"], note: nil, count: 1),
            Sample(title: "Parler sues", tags: ["ab"], note: nil, count: 1),
            Sample(title: "Parler sues", tags: ["a", "b"], note: "", count: 1),
            Sample(title: "Parler sues", tags: ["a", "b"], note: nil, count: 2),
        ]
        #expect(Set(variants.map { digest($0) } + [digest(card)]).count == variants.count + 1)
        #expect(digest(card, template: "quote") != digest(card))
        #expect(PageDigest.of(template: "event", templates: PageDigest(high: 1, low: 3), context: card) != digest(card))
    }

    /// Every byte of a text counts, whether it falls in the sixteen-byte steps, the last word or the overlapping
    /// tail, and texts that differ only in length or in which lane a word went to digest apart.
    @Test func everyByteOfEveryLengthCounts() {
        func digest(_ bytes: [UInt8]) -> PageDigest {
            var state = DigestState()
            bytes.withUnsafeBytes { state.add($0) }
            return state.digest
        }
        var seen: Set<PageDigest> = []
        for length in 0...70 {
            let text = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            #expect(seen.insert(digest(text)).inserted, "length \(length)")
            for position in 0..<length {
                var changed = text
                changed[position] ^= 0x20
                #expect(seen.insert(digest(changed)).inserted, "length \(length), byte \(position)")
            }
        }
        let words = (0..<32).map { UInt8($0) }, swapped = Array(words[8..<16] + words[0..<8] + words[16...])
        #expect(digest(words) != digest(swapped))
        #expect(digest([0]) != digest([0, 0]))
    }

    /// A view digested once stands in a page's digest for the view: it changes when the view does, and
    /// without a digest the view is digested as itself.
    @Test func knownDigestsStandForTheirViews() {
        struct Page: Encodable {
            let card: KnownDigest<Sample>
            let label: String
        }
        let card = Sample(title: "Parler sues", tags: ["a"], note: nil, count: 1)
        let edited = Sample(title: "Parler sued", tags: ["a"], note: nil, count: 1)
        func page(_ card: Sample, known: Bool) -> PageDigest {
            PageDigest.of(template: "event", templates: templates,
                          context: Page(card: KnownDigest(card, digest: known ? PageDigest.of(card) : nil), label: "x"))
        }
        #expect(page(card, known: true) == page(Sample(title: "Parler sues", tags: ["a"], note: nil, count: 1), known: true))
        #expect(page(edited, known: true) != page(card, known: true))
        #expect(page(edited, known: false) != page(card, known: false))
        struct Plain: Encodable {
            let card: Sample
            let label: String
        }
        #expect(page(card, known: false) == PageDigest.of(template: "event", templates: templates, context: Plain(card: card, label: "x")))
    }

    @Test func hexRoundTrips() {
        let value = digest(Sample(title: "x", tags: [], note: nil, count: 0))
        #expect(value.description.count == 32)
        #expect(PageDigest(hex: Substring(value.description)) == value)
        #expect(PageDigest(hex: "zz") == nil)
    }
}
