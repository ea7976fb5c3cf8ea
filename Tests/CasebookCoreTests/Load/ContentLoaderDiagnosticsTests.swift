import Foundation
import Testing
@testable import CasebookCore

/// One test per diagnostic the loader and validator emit, asserting the exact location and message.
@Suite struct ContentLoaderDiagnosticsTests {
    func check(_ extra: [String: String], _ expected: [String], drafts: Bool = false,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(Fixtures.diagnostics(Fixtures.site(adding: extra), drafts: drafts) == expected, sourceLocation: sourceLocation)
    }

    @Test func validSiteHasNoDiagnostics() {
        check([:], [])
    }

    @Test func paginateByIsAWholeNumberFromZero() {
        check(["Content/site.yml": "title: Test\npaginate_by: -3\n"],
              ["Content/site.yml:2:14: error: field 'paginate_by' must be 0 (one page) or a number of items per page"])
        check(["Content/site.yml": "title: Test\npaginate_by: ten\n"],
              ["Content/site.yml:2:14: error: field 'paginate_by' must be a whole number"])
        check(["Content/site.yml": "title: Test\npaginate_by: 0\n"], [])
    }

    @Test func yamlSyntaxError() {
        check(["Content/timeline/a.yml": "- id: x\n  title: [unclosed\n  date: 2021\n"],
              ["Content/timeline/a.yml:3:7: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence"])
    }

    @Test func tabIndentation() {
        check(["Content/timeline/a.yml": "- id: x\n\tdate: 2021\n"],
              ["Content/timeline/a.yml:2:1: error: YAML syntax error: found a tab character that violates indentation while scanning a plain scalar"])
    }

    @Test func duplicateKey() {
        check(["Content/parties/x.md": "---\nname: X\nkind: person\nname: Y\n---\n"],
              ["Content/parties/x.md:2:1: error: duplicate key 'name' in the same mapping"])
    }

    @Test func missingRequiredField() {
        check(["Content/parties/x.md": "---\nkind: person\n---\n"],
              ["Content/parties/x.md:2:1: error: missing required field 'name'"])
    }

    @Test func wrongType() {
        check(["Content/parties/x.md": "---\nname: [X, Y]\nkind: person\n---\n"],
              ["Content/parties/x.md:2:7: error: field 'name' must be text, found a list"])
    }

    @Test func invalidEnumValueWithSuggestion() {
        check(["Content/parties/x.md": "---\nname: X\nkind: persn\n---\n"],
              ["Content/parties/x.md:3:7: error: invalid kind 'persn' (did you mean 'person'? expected one of: person, organization, court, government, media)"])
    }

    @Test func impossibleDate() {
        check(["Content/sources/bad.md": "---\ntitle: T\npublisher: P\npublished: 2021-02-30\n---\n"],
              ["Content/sources/bad.md:4:12: error: field 'published': impossible date '2021-02-30': February 2021 has 28 days"])
    }

    @Test func invalidTime() {
        check(["Content/timeline/a.yml": "- id: x\n  date: 2021-01-09\n  time: \"25:00\"\n  title: T\n  sources: [news]\n"],
              ["Content/timeline/a.yml:3:9: error: invalid time '25:00' (expected HH:MM on the 24-hour clock, e.g. \"18:07\")"])
    }

    @Test func unknownTimeZone() {
        check(["Content/timeline/a.yml": "- id: x\n  date: 2021-01-09\n  time: \"18:07\"\n  timezone: America/Los_Angles\n  title: T\n  sources: [news]\n"],
              ["Content/timeline/a.yml:4:13: error: unknown time zone 'America/Los_Angles' (did you mean 'America/Los_Angeles'?)"])
    }

    @Test func unsafeIDs() {
        check(["Content/timeline/a.yml": "- id: Bad Id\n  date: 2021\n  title: T\n  sources: [news]\n",
               "Content/parties/John Matze.md": "---\nname: J\nkind: person\n---\n"],
              ["Content/parties/John Matze.md: error: file name 'John Matze' is not a valid id: use lowercase letters, digits and single hyphens (try 'john-matze')",
               "Content/timeline/a.yml:1:7: error: id 'Bad Id' is not a valid id: use lowercase letters, digits and single hyphens (try 'bad-id')"])
    }

    @Test func duplicateIDsNameBothPlaces() {
        check(["Content/timeline/a.yml": "- id: same\n  date: 2021\n  title: T\n  sources: [news]\n",
               "Content/timeline/b.yml": "- id: same\n  date: 2021\n  title: U\n  sources: [news]\n"],
              ["Content/timeline/b.yml:1:7: error: duplicate event id 'same' (first defined at Content/timeline/a.yml:1:7)"])
    }

    @Test func unknownReferenceWithSuggestion() {
        check(["Content/timeline/x.yml": "- id: e\n  date: 2021\n  title: T\n  parties: [parler, aws2]\n  sources: [news]\n"],
              ["Content/timeline/x.yml:4:21: error: unknown party 'aws2' (did you mean 'aws'?)"])
    }

    @Test func unknownCaseAndSource() {
        check(["Content/quotes/q.yml": "- id: q\n  text: Hi\n  speaker: parler\n  date: 2021\n  case: siut\n  sources: [newz]\n"],
              ["Content/quotes/q.yml:5:9: error: unknown case 'siut' (did you mean 'suit'?)",
               "Content/quotes/q.yml:6:13: error: unknown source 'newz' (did you mean 'news'?)"])
    }

    @Test func eventWithoutSource() {
        check(["Content/timeline/a.yml": "- id: e\n  date: 2021\n  title: T\n- id: f\n  date: 2021\n  title: U\n  sources: []\n"],
              ["Content/timeline/a.yml:1:3: error: missing required field 'sources': every item must cite at least one source",
               "Content/timeline/a.yml:7:12: error: field 'sources' is empty: every item must cite at least one source"])
    }

    @Test func notUTF8() {
        var files = Fixtures.site(adding: [:])
        files["Content/pages/about.md"] = "placeholder"
        var data = InMemoryFileSystem(files: files).files
        data["Content/pages/about.md"] = .init([0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28])
        let fileSystem = InMemoryFileSystem(data: data)
        let (_, diagnostics) = (try? ContentLoader(fileSystem: fileSystem, root: "Content").load()) ?? (SiteContent(config: .init(title: "")), DiagnosticList())
        #expect(diagnostics.sorted.map(\.description) == ["Content/pages/about.md:2:1: error: file is not valid UTF-8"])
    }

    @Test func unknownFieldIsAWarningWithSuggestion() {
        check(["Content/timeline/a.yml": "- id: e\n  date: 2021\n  title: T\n  sourcse: [news]\n  sources: [news]\n"],
              ["Content/timeline/a.yml:4:3: warning: unknown field 'sourcse' (did you mean 'sources'?)"])
    }

    @Test func missingAndUnterminatedFrontMatter() {
        check(["Content/pages/a.md": "title: A\n", "Content/pages/b.md": "---\ntitle: B\n"],
              ["Content/pages/a.md:1:1: error: missing front matter: a page file starts with a '---' line, its YAML fields, and another '---' line",
               "Content/pages/b.md:1:1: error: unterminated front matter: no closing '---' line"])
    }

    @Test func referenceToDraftIsAnErrorUnlessDraftsAreBuilt() {
        let extra = ["Content/parties/ghost.md": "---\nname: Ghost\nkind: person\ndraft: true\n---\n",
                     "Content/timeline/a.yml": "- id: e\n  date: 2021\n  title: T\n  parties: [ghost]\n  sources: [news]\n"]
        check(extra, ["Content/timeline/a.yml:4:13: error: party 'ghost' is a draft; publish it or build with --drafts"])
        check(extra, [], drafts: true)
    }

    @Test func pageMayNotShadowABuiltInSection() {
        check(["Content/pages/timeline.md": "---\ntitle: T\n---\n"],
              ["Content/pages/timeline.md: error: page 'timeline' would replace the built-in /timeline/ section; rename the file"])
    }

    @Test func anItemWithAnErrorDoesNotCascadeIntoUnknownReferences() {
        check(["Content/cases/suit.md": "---\ntitle: Parler v. AWS\nstatus: pendng\n---\n",
               "Content/timeline/a.yml": "- id: e\n  date: 2021\n  title: T\n  case: suit\n  sources: [news]\n"],
              ["Content/cases/suit.md:3:9: error: invalid status 'pendng' (did you mean 'pending'? expected one of: filed, pending, dismissed, settled, decided, appealed, closed)"])
    }

    @Test func listFileMustBeAList() {
        check(["Content/quotes/q.yml": "id: q\ntext: x\n"],
              ["Content/quotes/q.yml:1:1: error: expected a list of quotes (each starting with '- id: ...'), found a mapping"])
    }
}

@Suite struct SymbolicLinkTests {
    @Test func linksOutOfTheContentFolderAndLoopsAreNotFollowed() throws {
        let root = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("timeline"), withIntermediateDirectories: true)
        try "title: T\n".write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "secret: 1\n".write(to: root.appendingPathComponent("outside.yml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("timeline/outside.yml").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.yml").path)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("timeline/loop").path,
                                                   withDestinationPath: content.appendingPathComponent("timeline").path)
        let (_, diagnostics) = try ContentLoader(fileSystem: LocalFileSystem(root: content.path), root: content.path).load()
        let message = "error: symbolic link points outside the content folder or nowhere; it is not followed"
        #expect(diagnostics.sorted.map(\.description) == [
            "\(content.path)/timeline/loop: \(message)", "\(content.path)/timeline/outside.yml: \(message)",
        ])
    }
}
