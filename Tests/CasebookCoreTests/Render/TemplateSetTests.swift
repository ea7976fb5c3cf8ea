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

    @Test func shippedTemplatesLoadCleanly() throws {
        let (set, diagnostics) = try TemplateSet.load(from: Fixtures.templates, fileSystem: LocalFileSystem(root: Fixtures.templates))
        #expect(set != nil)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
    }
}
