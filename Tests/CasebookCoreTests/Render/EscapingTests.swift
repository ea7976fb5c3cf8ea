import Mustache
import Foundation
import Testing
@testable import CasebookCore

/// The hostile fixture puts `<script>`, attribute-breaking quotes, event handlers and `javascript:` links
/// in every field that reaches a page; none may come out as markup.
@Suite struct EscapingTests {
    @Test func hostileContentNeverBecomesMarkup() {
        let result = FixtureBuild.files("hostile-site")
        #expect(result.exitCode == 0, "\(result.diagnostics.sorted)")
        let pages = result.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count >= 14)
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            #expect(html.contains("&lt;script&gt;alert(1)"), "\(page.path) should show the payload as text")
            for tag in Self.tags(in: html) {
                let lower = tag.lowercased()
                if lower.hasPrefix("<script") {
                    #expect(lower.hasPrefix("<script src=\"/assets/") || lower == "<script type=\"application/ld+json\">",
                            "\(page.path): \(tag)")
                }
                #expect(!lower.hasPrefix("<img"), "\(page.path): \(tag)")
                // Attribute values are double-quoted with inner quotes escaped, so removing them leaves only names.
                let names = lower.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
                #expect(names.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(page.path): \(tag)")
                #expect(!lower.contains("javascript:"), "\(page.path): \(tag)")
            }
        }
    }

    @Test func jsonLDParsesAndKeepsTheTextButCannotCloseItsScript() throws {
        let result = FixtureBuild.files("hostile-site")
        var checked = 0
        for page in result.files where page.path.hasSuffix(".html") {
            let html = String(decoding: page.bytes, as: UTF8.self)
            guard let start = html.range(of: "<script type=\"application/ld+json\">"),
                  let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex) else { continue }
            let json = String(html[start.upperBound..<end.lowerBound])
            #expect(!json.contains("<"), "\(page.path)")
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            #expect(object?["@context"] as? String == "https://schema.org")
            if ["parties/party-one/", "events/event-one/", "quotes/quote-one/", "sources/source-one/"].contains(where: page.path.hasPrefix) {
                #expect(Self.strings(in: object as Any).contains { $0.hasPrefix("<script>alert(1)</script>") }, "\(page.path)")
                checked += 1
            }
        }
        #expect(checked == 4)
    }

    /// The UTF-8 JSON writer: every string reads back as itself, and nothing that could end the script or
    /// break a JavaScript line survives unescaped.
    @Test func jsonStringsRoundTripAndEscapeWhatCouldEndTheScript() throws {
        let texts = ["plain", "", "quote \" and \\ backslash", "</script><!-- x -->", "a & b > c", "tab\tcr\r\nlf\n",
                     "\u{1}\u{1F}\u{7F}", "line\u{2028}para\u{2029}end", "Zürich — “quoted” 🚀", "\u{E2}\u{80}", "é\u{301}"]
        for text in texts {
            var json: [UInt8] = []
            StructuredData.write(["k": [.string(text), 7, true]], into: &json)
            let written = String(decoding: json, as: UTF8.self)
            for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n", "\r", "\t", "\u{1}"] {
                #expect(!written.contains(forbidden), "\(written)")
            }
            let object = try JSONSerialization.jsonObject(with: Data(json)) as? [String: [Any]]
            #expect(object?["k"]?.first as? String == text)
            #expect(object?["k"]?[1] as? Int == 7)
        }
        var json: [UInt8] = []
        StructuredData.write(["b": "x\u{2028}<", "a": ["\"\u{1}"]], into: &json)
        #expect(String(decoding: json, as: UTF8.self) == #"{"a":["\"\u0001"],"b":"x\u2028\u003c"}"#)
    }

    /// Outside a script (the search index), strings are written byte for byte as `JSONEncoder` writes them,
    /// which the index used before: every control character, quotes, backslashes, slashes, non-ASCII text.
    @Test func jsonStringsOutsideScriptsMatchJSONEncoder() throws {
        var everything = ""
        for byte in 0..<0x80 { everything.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        let texts = [everything, "", "a/b </script> & \u{2028}\u{2029}", "Zürich — “quoted” 🚀 é\u{301}", "\u{7F}\u{85}\u{FEFF}"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in texts {
            var json: [UInt8] = []
            JSONText.append([text, text + "x"], htmlSafe: false, to: &json)
            #expect(json == Array(try encoder.encode([text, text + "x"])), "\(text.debugDescription)")
        }
    }

    /// Texts with long plain runs and characters to escape at every offset against an eight-byte word: the same
    /// bytes as `JSONEncoder` outside scripts, and inside them nothing a script could break on, read back intact.
    @Test func jsonStringsEscapeAtEveryOffset() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let specials = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2026}", "é", " "]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<600 {
            let plain = String(repeating: "abcdefgh", count: 3)
            let offset = round % 24, special = specials[round % specials.count]
            var text = String(plain.prefix(offset)) + special + String(plain.dropFirst(offset))
            if round % 3 == 0 { text += specials.randomElement(using: &generator)! + plain }
            var json: [UInt8] = []
            JSONText.append([text], htmlSafe: false, to: &json)
            #expect(json == Array(try encoder.encode([text])), "\(text.debugDescription)")
            var safe: [UInt8] = []
            JSONText.append(text, htmlSafe: true, to: &safe)
            let written = String(decoding: safe, as: UTF8.self)
            for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}", "\n", "\u{1}"] where text.contains(forbidden) {
                #expect(!written.contains(forbidden), "\(written)")
            }
            #expect(try JSONSerialization.jsonObject(with: Data(safe), options: .fragmentsAllowed) as? String == text)
        }
    }

    static func strings(in value: Any) -> [String] {
        switch value {
        case let string as String: return [string]
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        case let object as [String: Any]: return object.values.flatMap { strings(in: $0) }
        default: return []
        }
    }

    /// Every `<tag ...>` in the page; text is escaped, so each `<` followed by a letter opens a real tag.
    static func tags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            if let first = after.first, first.isLetter { tags.append(String(rest[open...close])) }
            rest = after[close...]
        }
        return tags
    }

    /// Templates escape through `HTMLEscaping`, which must match swift-mustache's own HTML escaping.
    @Test func variablesEscapeLikeMustacheHTML() throws {
        let everyASCIIByte = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for text in [#"<a href="x">Tom & Jerry's</a>"#, "naïve café — “quoted”", "", "&amp; <<>> ''\"\"", everyASCIIByte, "@~`|"] {
            var escaped = ""
            HTMLEscaping.append(text, to: &escaped)
            #expect(escaped == (try MustacheTemplate(string: "{{text}}").render(["text": text])))
        }
        var escaped = "kept "
        HTMLEscaping.append(#"<a href="x">Tom & Jerry's</a>"#, to: &escaped)
        #expect(escaped == "kept &lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }
}
