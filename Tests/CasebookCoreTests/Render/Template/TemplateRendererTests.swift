import Mustache
import Testing
@testable import CasebookCore

/// Casebook's template engine renders what swift-mustache, the engine the themes were written for, renders: the
/// same templates, partials and data through both, byte for byte.
@Suite struct TemplateRendererTests {
    static let data: TemplateData = [
        "name": "Parler <LLC> & 'AWS'",
        "count": 3, "zero": 0,
        "yes": true, "no": false,
        "blank": "",
        "items": [["label": "a", "url": "/a/"], ["label": "b & c", "url": "/b/"], ["label": "d", "url": "/d/"]],
        "none": [],
        "strings": ["x", "y", "z"],
        "nested": ["label": "outer label", "inner": ["deep": "value", "label": "inner label"]],
        "html": "<em>raw</em>",
        "multiline": "one\ntwo",
        "partialName": "card",
    ]

    static let partials = [
        "card": "<b>{{name}}</b>\n<i>{{count}}</i>\n",
        "line": "{{multiline}}\n",
        "nesting": "outer\n  {{> card}}\nend\n",
        "layout": "<h1>{{$title}}Default{{/title}}</h1>\n<main>\n  {{$main}}\n  default body\n  {{/main}}\n</main>\n",
        "middle": "{{<layout}}{{$title}}Middle {{name}}{{/title}}{{/layout}}",
        "list": "{{#items}}\n  <li>{{label}}</li>\n{{/items}}\n",
    ]

    static let templates = [
        "Hello {{name}}! {{{name}}} {{&name}} {{ name }}",
        "{{missing}}|{{nested.inner.deep}}|{{nested.missing.deep}}|{{.nested.label}}|{{.count}}",
        "{{#items}}{{label}}{{^last()}}, {{/last()}}{{/items}}",
        "{{#items}}{{index()}}:{{#first()}}F{{/first()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/items}}",
        "{{#nested}}{{label}} {{#inner}}{{label}}/{{deep}}/{{name}}{{/inner}}{{/nested}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}{{^missing}}absent{{/missing}}",
        "{{#none}}X{{/none}}{{^none}}empty{{/none}}{{^empty(items)}}has{{/empty(items)}}{{count(items)}}",
        "{{#reversed(strings)}}{{.}}{{/reversed(strings)}}|{{first(strings)}}{{last(strings)}}{{#first(items)}}{{label}}{{/first(items)}}",
        "{{plusone(count)}} {{minusone(count)}} {{#equalzero(zero)}}z{{/equalzero(zero)}} {{#odd(count)}}odd{{/odd(count)}}{{#even(count)}}even{{/even(count)}}",
        "{{uppercased(name)}} {{lowercased(name)}} {{capitalized(nested.label)}} {{reversed(name)}} {{#empty(blank)}}e{{/empty(blank)}}",
        "{{#name}}in:{{.}}{{/name}} {{#count}}{{.}}{{/count}}{{#zero}}{{.}}{{/zero}} {{#blank}}[{{.}}]{{/blank}}{{^blank}}no{{/blank}}",
        "{{yes}} {{no}} {{count}} {{html}} {{{html}}}",
        "{{#items}}{{#yes}}{{label}}{{^last()}}+{{/last()}}{{/yes}}{{/items}}",
        "{{#items}}{{#nested}}{{#first()}}first{{/first()}}{{/nested}}{{/items}}|{{first()}}",
        "a\n  {{#yes}}\n  b\n  {{/yes}}\nc\n  {{^yes}}\n  hidden\n  {{/yes}}\nd\n",
        "{{! comment }}\nx\n  {{! standalone }}  \ny {{! inline }} z\n{{!\nmultiline\n}}\n",
        "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc {{name}}\r\n",
        "before\n  {{> card}}\nafter\nx{{> card}}y\n",
        "<ul>\n    {{> nesting}}\n</ul>\n{{> line}}\n  {{> line}}\n",
        "<ul>\n  {{> list}}\n</ul>\n",
        "{{<layout}}{{$title}}T {{name}}{{/title}}{{/layout}}",
        "{{<layout}}\n{{$main}}\n<p>{{name}}</p>\n<p>two</p>\n{{/main}}\n{{/layout}}\n",
        "{{<middle}}{{$main}}from the child{{/main}}{{/middle}}",
        "  {{<layout}}\n  {{$title}}Indented{{/title}}\n  {{/layout}}\nafter\n",
        "{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}",
        "{{% CONTENT_TYPE: TEXT }}\n{{name}}{{> card}}",
        "{{% CONTENT_TYPE: HTML }}\n{{name}}",
        "{{>*partialName}}|{{>*missing}}|{{> missing}}",
        "naïve {{name}} — “{{nested.label}}” 🇺🇸 {{#strings}}é{{.}}{{/strings}}",
        "{{#items}}\n{{#first()}}\n<first>\n{{/first()}}\n{{label}}\n{{/items}}\n",
        "x\n{{#yes}}   \n  y\n{{/yes}}\t\n",
        "{ {{name}} }} x { y }",
        "",
    ]

    @Test(arguments: templates)
    func rendersLikeSwiftMustache(_ text: String) throws {
        let template = TemplateText(text, partials: Self.partials)
        let reference = try template.reference(Self.data.plain)
        let rendered = try template.render(Self.data)
        #expect(rendered == reference, "\(rendered.debugDescription) vs \(reference.debugDescription)")
    }

    /// The default theme's own partial-in-section and inheritance shapes, with a section over a list of records.
    @Test func rendersTheThemeShapes() throws {
        let template = TemplateText("""
            {{<layout}}
            {{$main}}
            <ol>
              {{#items}}
              <li><a href="{{url}}">{{label}}</a>{{^last()}},{{/last()}}</li>
              {{/items}}
            </ol>
            {{/main}}
            {{/layout}}

            """, partials: Self.partials)
        let rendered = try template.render(Self.data)
        #expect(try rendered == template.reference(Self.data.plain))
        #expect(rendered.contains("<li><a href=\"/b/\">b &amp; c</a>,</li>"))
    }

    /// Malformed templates fail as swift-mustache's do, at the same line and column.
    @Test(arguments: [
        "a\n{{#x}}\nb", "{{#x}}\n{{/y}}", "x {{name", "text {{name}", "{{=<% =}}", "{{#a}}{{/a}}{{/a}}",
        "{{<layout}}{{name}}{{/layout}}", "{{$b(x)}}{{/b(x)}}", "{{% CONTENT_TYPE: XML}}", "{{% NOPE: HTML}}",
        "{{a(b}}", "{{a(b))}}", "line\n\n   {{#open}}",
    ])
    func failsLikeSwiftMustache(_ text: String) {
        var reference: (String, Int, Int)?
        do {
            _ = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            // swift-mustache reports a template that ends inside a tag as its reader's overflow.
            let failure = "\(error.error)" == "overflow" ? "unexpectedEnd" : "\(error.error)"
            reference = (failure, error.context.lineNumber, error.context.columnNumber)
        } catch {}
        var located: (String, Int, Int)?
        do {
            _ = try TemplateParser.parse(text)
        } catch {
            located = ("\(error.failure)", error.line, error.column)
        }
        #expect(reference != nil)
        #expect(located?.0 == reference?.0 && located?.1 == reference?.1 && located?.2 == reference?.2,
                "\(String(describing: located)) vs \(String(describing: reference))")
    }
}
