import Mustache
import Testing
@testable import CasebookCore

/// Thousands of generated templates — nested sections, partials, inheritance, comments and delimiters among
/// random whitespace and line breaks, some malformed — parse and render exactly as swift-mustache does them.
@Suite struct TemplateDifferentialTests {
    /// Builds one template from the pieces: mostly balanced, so most render; sometimes a stray tag, so some fail.
    struct TemplateGenerator {
        var random: SeededGenerator

        static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\r\n", "{", "}", "é", "<p>", "x}}y", "{ {"]
        static let variables = ["{{name}}", "{{{html}}}", "{{& name}}", "{{nested.label}}", "{{label}}",
                                "{{count}}", "{{missing}}", "{{ name }}", "{{yes}}", "{{index()}}", "{{uppercased(name)}}"]
        static let standalone = ["{{! note }}", "{{> card}}", "{{> list}}", "{{>*partialName}}", "{{=<% %>=}}<%={{ }}=%>",
                                  "{{#strings}}{{.}}{{/strings}}"]
        static let sections = [("#", "items"), ("^", "items"), ("#", "yes"), ("^", "no"), ("#", "nested"),
                               ("#", "first()"), ("^", "last()"), ("^", "empty(items)"), ("#", "strings"), ("#", "missing")]

        mutating func whitespace() -> String {
            ["", "", " ", "  ", "\t", "\n", "\n  ", "  \n", "\r\n"][Int.random(in: 0..<9, using: &random)]
        }

        mutating func template(depth: Int = 0) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                text += whitespace()
                switch Int.random(in: 0..<10, using: &random) {
                case 0...2:
                    text += Self.texts.randomElement(using: &random)!
                case 3...4:
                    text += Self.variables.randomElement(using: &random)!
                case 5:
                    text += Self.standalone.randomElement(using: &random)!
                case 6...7 where depth < 3:
                    let (sigil, name) = Self.sections.randomElement(using: &random)!
                    text += "{{\(sigil)\(name)}}" + whitespace() + template(depth: depth + 1) + whitespace() + "{{/\(name)}}"
                case 8 where depth < 2:
                    text += "{{$main}}" + whitespace() + template(depth: depth + 1) + whitespace() + "{{/main}}"
                case 9 where depth == 0:
                    text += "{{<layout}}" + whitespace() + "{{$title}}" + template(depth: 2) + "{{/title}}"
                        + whitespace() + "{{$main}}" + whitespace() + template(depth: 2) + whitespace() + "{{/main}}"
                        + whitespace() + "{{/layout}}"
                default:
                    // Now and then a stray or unfinished tag.
                    text += ["{{/items}}", "{{#yes}}", "{{name", "{{{html}}", "{{=| |=}}", "{{a(b}}", "text"]
                        .randomElement(using: &random)!
                }
                text += whitespace()
            }
            return text
        }
    }

    @Test func generatedTemplatesMatchSwiftMustache() throws {
        var generator = TemplateGenerator(random: SeededGenerator(seed: 0xCA5E_B00C))
        var rendered = 0, failed = 0
        for _ in 0..<3000 {
            let text = generator.template()
            var reference: Result<String, Error>
            do {
                reference = .success(try TemplateText(text, partials: TemplateRendererTests.partials)
                    .reference(TemplateRendererTests.data.plain))
            } catch {
                reference = .failure(error)
            }
            switch reference {
            case .success(let expected):
                let actual = try TemplateText(text, partials: TemplateRendererTests.partials).render(TemplateRendererTests.data)
                #expect(actual == expected, "\(text.debugDescription) gives \(actual.debugDescription), not \(expected.debugDescription)")
                rendered += 1
            case .failure(let referenceError as MustacheTemplate.ParserError):
                let name = "\(referenceError.error)" == "overflow" ? "unexpectedEnd" : "\(referenceError.error)"
                let expected = "\(name) at \(referenceError.context.lineNumber):\(referenceError.context.columnNumber)"
                do {
                    _ = try TemplateParser.parse(text)
                    Issue.record("parsed, but swift-mustache fails with \(expected): \(text.debugDescription)")
                } catch {
                    #expect("\(error.failure) at \(error.line):\(error.column)" == expected, "\(text.debugDescription)")
                }
                failed += 1
            case .failure(let error):
                Issue.record("swift-mustache failed unexpectedly: \(error)")
            }
        }
        // Both kinds must be well represented, or the generator tests little.
        #expect(rendered > 1000 && failed > 300, "rendered \(rendered), failed \(failed)")
    }
}
