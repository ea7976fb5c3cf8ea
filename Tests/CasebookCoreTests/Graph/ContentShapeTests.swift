import Testing
@testable import CasebookCore

/// `ContentShape` is what `casebook build` knows of the last build's content: it must tell a prose edit, and which
/// items it rewords, exactly as `ProseEdit` does from the content itself.
@Suite struct ContentShapeTests {
    static let content: SiteContent = {
        let root = Fixtures.path("Tests/Fixtures/minimal-site/Content")
        return (try? ContentLoader(fileSystem: LocalFileSystem(root: root), root: root).load().0)
            ?? SiteContent(config: SiteConfig(title: "missing fixture"))
    }()

    /// One change to the content, and the ids a prose edit rewords (nil: more than prose changed).
    struct Change: CustomTestStringConvertible, Sendable {
        let name: String
        let change: @Sendable (inout SiteContent) -> Void
        let reworded: Set<String>?
        var testDescription: String { name }
    }

    static let changes: [Change] = [
        Change(name: "no change", change: { _ in }, reworded: []),
        Change(name: "an event's title", change: { $0.events[0].title = MarkdownSource("New title", at: $0.events[0].title.location) },
               reworded: [content.events[0].id]),
        Change(name: "an event's title, moved a line down", change: { content in
            let title = content.events[0].title
            content.events[0].title = MarkdownSource(title.text, at: SourceLocation(file: title.location.file, line: title.location.line + 1))
        }, reworded: []),
        Change(name: "an event marked approximate", change: { $0.events[1].approximate.toggle() }, reworded: [content.events[1].id]),
        Change(name: "a quote's text", change: { $0.quotes[0].text += " More." }, reworded: [content.quotes[0].id]),
        Change(name: "an event's date", change: { $0.events[0].date = PartialDate(year: 1999, month: nil, day: nil) }, reworded: nil),
        Change(name: "an event's tags", change: { $0.events[0].tags.append("new-tag") }, reworded: nil),
        Change(name: "a quote's topics", change: { $0.quotes[0].topics.append("new-topic") }, reworded: nil),
        Change(name: "an event fewer", change: { $0.events.removeLast() }, reworded: nil),
        Change(name: "a case's title", change: { $0.cases[0].title += " (renamed)" }, reworded: nil),
        Change(name: "a case's body", change: { $0.cases[0].body = reworded($0.cases[0].body) }, reworded: [content.cases[0].id]),
        Change(name: "a party's body", change: { $0.parties[1].body = reworded($0.parties[1].body) }, reworded: [content.parties[1].id]),
        Change(name: "a source's body", change: { $0.sources[0].body = reworded($0.sources[0].body) }, reworded: [content.sources[0].id]),
        Change(name: "a case's body, a line further down", change: { content in
            let body = content.cases[0].body
            content.cases[0].body = MarkdownSource(body.text, at: SourceLocation(file: body.location.file, line: body.location.line + 1))
        }, reworded: nil),
        Change(name: "a page's body", change: { $0.pages[0].body = reworded($0.pages[0].body) }, reworded: [content.pages[0].id]),
        Change(name: "a page's title", change: { $0.pages[0].title += " (renamed)" }, reworded: nil),
        Change(name: "a party's name and body", change: { content in
            content.parties[0].name += " (renamed)"
            content.parties[0].body = reworded(content.parties[0].body)
        }, reworded: nil),
        Change(name: "the site's title", change: { $0.config.title += " (renamed)" }, reworded: nil),
        Change(name: "the items per page", change: { $0.config.paginateBy += 1 }, reworded: nil),
    ]

    /// The same Markdown with a sentence more.
    static func reworded(_ body: MarkdownSource) -> MarkdownSource {
        MarkdownSource(body.text + "\nOne more sentence.\n", at: body.location)
    }

    @Test(arguments: changes)
    func tellsAProseEditAsProseEditDoes(change: Change) throws {
        try #require(Self.content.events.count >= 2 && !Self.content.quotes.isEmpty && !Self.content.cases.isEmpty
                     && Self.content.parties.count >= 2 && !Self.content.sources.isEmpty && !Self.content.pages.isEmpty)
        var changed = Self.content
        change.change(&changed)
        let reworded = ContentShape(changed).reworded(since: ContentShape(Self.content), in: changed)
        #expect(reworded.map(Self.all) == change.reworded)
        let edit = ProseEdit(from: Self.content, to: changed)
        #expect(edit.map { Self.all($0.reworded) } == change.reworded)
        // The edit replaces what it rewords in the graph, documents by id.
        let replaced = edit.map { edit in
            Set(Array(edit.replacedCases.keys) + edit.replacedParties.keys + edit.replacedSources.keys + edit.replacedPages.keys)
        }
        #expect(replaced == change.reworded.map { $0.subtracting(Self.content.events.map(\.id) + Self.content.quotes.map(\.id)) })
    }

    /// A date edit leaves the frame (settings and documents' front matter) and every item's links as they were, as a
    /// prose edit does; any other change of structure changes one of them (`MovedItems` then builds whole).
    @Test(arguments: changes)
    func keepsFrameAndLinksThroughADateEditAlone(change: Change) {
        var changed = Self.content
        change.change(&changed)
        let shape = ContentShape(changed), old = ContentShape(Self.content)
        #expect((shape.frame == old.frame && shape.links == old.links) == (change.reworded != nil || change.name == "an event's date"))
        #expect(shape.eventStructure.count == changed.events.count && shape.quoteStructure.count == changed.quotes.count)
    }

    static func all(_ ids: EditedItems.IDs) -> Set<String> {
        ids.events.union(ids.quotes).union(ids.cases).union(ids.parties).union(ids.sources).union(ids.pages)
    }

    @Test func isTheSameForTheSameContent() {
        #expect(ContentShape(Self.content) == ContentShape(Self.content))
    }
}
