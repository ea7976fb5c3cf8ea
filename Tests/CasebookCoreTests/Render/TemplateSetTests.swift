import Foundation
import Testing
@testable import CasebookCore

@Suite struct TemplateSetTests {
    func templates(_ extra: [String: String]) -> [String: String] {
        var files: [String: String] = [:]
        for name in TemplateSet.required { files["T/\(name).mustache"] = "{{x}}" }
        return files.merging(extra) { _, new in new }
    }

    @Test func syntaxErrorsAreLocatedInTheTemplate() throws {
        let (set, diagnostics) = try TemplateSet.load(from: "T", fileSystem: InMemoryFileSystem(files: templates(
            ["T/party.mustache": "<h1>\n{{#party}}{{name}}\n{{/parti}}"])))
        #expect(set == nil)
        #expect(diagnostics.sorted.map(\.description) == ["T/party.mustache:3:4: error: template syntax error: closing tag does not match the open section"])
    }

    @Test func missingPartialsAndTemplatesAreErrors() throws {
        var files = templates(["T/home.mustache": "ok\n  {{> partials/evnt-card}}"])
        files["T/quote.mustache"] = nil
        let (_, diagnostics) = try TemplateSet.load(from: "T", fileSystem: InMemoryFileSystem(files: files))
        #expect(diagnostics.sorted.map(\.description) == [
            "T: error: missing template 'quote.mustache'",
            "T/home.mustache:2:3: error: template 'home' uses missing partial 'partials/evnt-card' (did you mean 'partials/event-card'?)",
        ])
    }

    /// A partial that includes its includer would never finish: each cycle is one located error.
    @Test func partialCyclesAreErrors() throws {
        let (set, diagnostics) = try TemplateSet.load(from: "T", fileSystem: InMemoryFileSystem(files: templates([
            "T/partials/event-card.mustache": "<li>\n{{#event}}{{> partials/citations}}{{/event}}",
            "T/partials/citations.mustache": "{{#citations}}{{> partials/event-card}}{{/citations}}",
            "T/partials/site-footer.mustache": "footer {{> partials/site-footer}}",
            "T/home.mustache": "{{> partials/event-card}} {{> partials/site-footer}}",
        ])))
        #expect(set == nil)
        #expect(diagnostics.sorted.map(\.description) == [
            "T/partials/citations.mustache:1:15: error: template 'partials/citations' includes itself (partials/citations → partials/event-card → partials/citations), so it would never finish rendering",
            "T/partials/site-footer.mustache:1:8: error: template 'partials/site-footer' includes itself (partials/site-footer → partials/site-footer), so it would never finish rendering",
        ])
        // A dynamic partial that names its includer is cut off instead of overflowing the stack.
        let deep = try TemplateText("{{>*again}}", partials: ["again": "x{{>*again}}"]).render(["again": "again"] as [String: String])
        #expect(deep == String(repeating: "x", count: TemplateRenderer.maximumPartialDepth))
    }

    @Test func shippedTemplatesLoadCleanly() throws {
        let (set, diagnostics) = try TemplateSet.load(from: Fixtures.templates, fileSystem: LocalFileSystem(root: Fixtures.templates))
        #expect(set != nil)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
    }

    /// Partial tags are found, named and placed as Foundation's search and trim found them (the oracle below), on
    /// lines with tags side by side, non-ASCII before a tag, tabs and no-break spaces, and tags left open.
    @Test func partialReferencesAreFoundAsFoundationFindsThem() {
        func oracle(_ text: String) -> [String] {
            var found: [String] = []
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let open = rest.range(of: "{{") {
                    let afterOpen = rest[open.upperBound...]
                    guard let close = afterOpen.range(of: "}}") else { break }
                    let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if let sigil = tag.first, sigil == ">" || sigil == "<" {
                        let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                        if !name.isEmpty, !name.hasPrefix("*") {
                            found.append("\(name)@\(lineIndex + 1):\(line.distance(from: line.startIndex, to: open.lowerBound) + 1)")
                        }
                    }
                    rest = afterOpen[close.upperBound...]
                }
            }
            return found
        }
        let texts = [
            "{{> a}}{{<b}}\n  {{ > c }} {{x}} {{>*dynamic}}", "naïve “é” {{> partials/card}} and 🚀{{<layout}}",
            "\t{{>\tpartials/tab\t}}", "{{> \u{A0}nbsp\u{A0}}} {{> \u{3000}wide}}", "{{> cr\r}}", "{{> open",
            "{{> open\n{{> next}} {{", "{{\n}}{{>n}}", "}} {{ {{> x}}", "{{>}} {{> }} {{}}", "e\u{301}{{> combining}}", "",
        ]
        for text in texts {
            let found = TemplateSet.partialReferences(in: text).map { "\($0.name)@\($0.line):\($0.column)" }
            #expect(found == oracle(text), "\(text.debugDescription)")
        }
        #expect(TemplateSet.partialReferences(in: texts[1]).map(\.column) == [11, 36])
        // Lines end at each line feed, after a carriage return too (where "\r\n", one character, split no line).
        let crlf = TemplateSet.partialReferences(in: "<ul>\r\n  {{> item}}\r\n")
        #expect(crlf.map { "\($0.name)@\($0.line):\($0.column)" } == ["item@2:3"])
    }
}
