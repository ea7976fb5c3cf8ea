import Foundation
import Testing
@testable import CasebookCore

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(urls: try! URLBuilder(baseURL: "/sub/"), unsafeHTML: false)

    @Test func smartPunctuationAndHeadingIDs() {
        let output = renderer.render("## Known gaps\n\n\"Quoted\" -- text\n\n## Known gaps\n")
        #expect(output.html.contains("<h2 id=\"known-gaps\">"))
        #expect(output.html.contains("<h2 id=\"known-gaps-1\">"))
        #expect(output.html.contains("“Quoted” – text"))
        #expect(output.headings.map(\.id) == ["known-gaps", "known-gaps-1"])
    }

    @Test func rawHTMLAndScriptLinksAreRemoved() {
        let output = renderer.render("<script>alert(1)</script>\n\nHi <b onmouseover=\"x\">there</b> [x](javascript:alert(1)) [y](data:text/html,hi)\n")
        #expect(!output.html.contains("<script"))
        #expect(!output.html.contains("onmouseover"))
        #expect(!output.html.contains("javascript:"))
        #expect(!output.html.contains("data:text"))
    }

    @Test func unsafeHTMLIsKeptOnlyWhenTheSiteOptsIn() {
        let unsafe = MarkdownRenderer(urls: renderer.urls, unsafeHTML: true)
        #expect(unsafe.render("<aside>note</aside>\n").html.contains("<aside>note</aside>"))
        #expect(!unsafe.render("[x](javascript:alert(1))").html.contains("javascript:"))
    }

    @Test func siteRelativeLinksGoUnderTheBasePath() {
        let html = renderer.render("[about](/about/) [ext](https://example.org/) [rel](other/) ![i](/img.png)").html
        #expect(html.contains("href=\"/sub/about/\""))
        #expect(html.contains("href=\"https://example.org/\""))
        #expect(html.contains("href=\"other/\""))
        #expect(html.contains("src=\"/sub/img.png\""))
    }

    /// Links are read byte by byte where that cannot differ from reading them by `Character` and trimming them with
    /// Foundation (the way they were read before); this compares the two on links made to tell them apart.
    @Test func linksReadByBytesAsByCharacters() {
        func reference(_ url: String) -> String {
            let trimmed = url.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/") && !trimmed.hasPrefix("//") { return renderer.urls.sitePath(String(trimmed.dropFirst())) }
            guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
            let candidate = trimmed[..<colon]
            guard let first = candidate.first, first.isLetter,
                  candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return trimmed }
            return ["http", "https", "mailto", "tel"].contains(candidate.lowercased()) ? trimmed : ""
        }
        let parts = ["", " ", "\t", "\u{A0}", "\u{3000}", "\n", "h", "HTTPS", "Tel", "java", "script", "x+y.z-1", "1a", ":", "://", "/",
                     "//", "\u{301}", "é", "\r\n", "\u{600}", "?q=1", "#top", "data", "mailto", "%3A", "."]
        for a in parts { for b in parts { for c in parts {
            let url = a + b + c
            #expect(renderer.rewrite(url) == reference(url), "\(url.unicodeScalars.map { String($0.value, radix: 16) })")
        } } }
    }

    @Test func inlineRenderingDropsTheParagraph() {
        #expect(renderer.renderInline("AWS *suspends* Parler").html == "AWS <em>suspends</em> Parler")
        #expect(renderer.renderInline("# Not a *heading* & more").html == "Not a heading &amp; more")
    }

    @Test func plainTextAndExcerpt() {
        let long = String(repeating: "word ", count: 60)
        let output = renderer.render("First *para*.\n\n\(long)")
        #expect(output.excerpt == "First para.")
        #expect(output.plainText.hasPrefix("First para.\n"))
        #expect(MarkdownRenderer.excerpt(long).count <= 161)
        #expect(MarkdownRenderer.excerpt(long).hasSuffix("…"))
    }

    /// The excerpt's white-space test answers as `Character.isWhitespace` for every ASCII character, with or
    /// without marks after it, and for the non-ASCII ones it hands over.
    @Test func excerptWhitespaceIsCharacterWhitespace() {
        var characters = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }
        characters += ["\r\n", "e\u{301}", " \u{301}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "é", "“", "\u{200B}", "\u{1F}"]
        for character in characters {
            #expect(MarkdownRenderer.isWhitespace(character) == character.isWhitespace, "\(character.debugDescription)")
        }
    }

    /// Every scalar the excerpt reads by bytes is a character of its own between ASCII and such scalars (anything
    /// else after one hands reading over at it: a combining mark joins it), and white space exactly when
    /// `Character.isWhitespace` says so; checked over every scalar up to U+FFFF.
    @Test func excerptScalarsStandAlone() {
        let neighbours = ["a", " ", "\r", "\n", "\t", ".", "é", "—", "\u{A0}"]
        var simple = 0
        for value in 0x80...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            guard let read = bytes.withUnsafeBufferPointer({ MarkdownRenderer.simpleScalar($0, at: 0) }) else { continue }
            simple += 1
            let alone = String(scalar), name = "U+" + String(value, radix: 16)
            #expect(read.length == bytes.count, "\(name)")
            #expect(read.isWhitespace == Character(scalar).isWhitespace, "\(name)")
            for neighbour in neighbours {
                #expect((neighbour + alone).count == 2, "\(name) after \(neighbour.debugDescription)")
                #expect((alone + neighbour).count == 2, "\(name) before \(neighbour.debugDescription)")
            }
        }
        #expect(simple == 0x20 - 3 + 0xC0 + 0x18 + 0x0C + 1)
    }

    /// The excerpt reads only as far as it needs; it must still equal collapsing the whole text and cutting it.
    @Test func excerptEqualsCollapsingTheWholeText() {
        func reference(_ text: String, limit: Int) -> String {
            let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard collapsed.count > limit else { return collapsed }
            let cut = collapsed.prefix(limit)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            return cut[..<end].trimmingCharacters(in: .punctuationCharacters) + "…"
        }
        // Character by character, as excerpts were read before the ASCII fast path; it differs from the split
        // above only where a combining mark follows white space and joins the separator space.
        func characterByCharacter(_ text: String, limit: Int) -> String {
            var collapsed = "", count = 0, pendingSpace = false
            for character in text {
                if character.isWhitespace {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    collapsed.append(" ")
                    count += 1
                    pendingSpace = false
                }
                collapsed.append(character)
                count += 1
                if count > limit { break }
            }
            guard count > limit else { return collapsed }
            let cut = collapsed.prefix(limit)
            let end = cut.lastIndex(of: " ") ?? cut.endIndex
            return cut[..<end].trimmingCharacters(in: .punctuationCharacters) + "…"
        }
        let marks = ["word", " ", "\n", "a", "é", "\u{301}", "\u{308}", ".", "\r\n", "\u{2003}", "\u{A0}", "“", "”", "—", "…", "©",
                     "\u{200D}", "\u{1F468}", "ŝ", "€", "\u{AD}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in marks.randomElement(using: &generator)! }.joined()
            for limit in [1, 5, 12, 40] {
                #expect(MarkdownRenderer.excerpt(text, limit: limit) == characterByCharacter(text, limit: limit), "\(text.debugDescription) at \(limit)")
            }
        }
        let mixed = ["word", " ", "  ", "\n", "\t", "café", "naïve", "👩‍⚖️", ",", ".", "—", "a", "“quoted”", "\u{2003}",
                     "\r\n", "e\u{301}", "\u{85}", "\u{A0}", "\r"]
        // ASCII-only texts take a byte-by-byte path; a combining mark after ASCII must send it back.
        let ascii = ["word", " ", "\r\n", "\t", "\u{0B}", "\u{0C}", "\u{1F}", ",", ".", "a", "!?", "x\u{301}"]
        for round in 0..<4_000 {
            let pieces = round % 2 == 0 ? mixed : ascii
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for limit in [1, 5, 12, 40] {
                #expect(MarkdownRenderer.excerpt(text, limit: limit) == reference(text, limit: limit), "\(text.debugDescription) at \(limit)")
            }
        }
    }
}
