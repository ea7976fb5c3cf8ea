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
        Change(name: "the site's title", change: { $0.config.title += " (renamed)" }, reworded: nil),
        Change(name: "the items per page", change: { $0.config.paginateBy += 1 }, reworded: nil),
    ]

    @Test(arguments: changes)
    func tellsAProseEditAsProseEditDoes(change: Change) throws {
        try #require(Self.content.events.count >= 2 && !Self.content.quotes.isEmpty && !Self.content.cases.isEmpty)
        var changed = Self.content
        change.change(&changed)
        let reworded = ContentShape(changed).reworded(since: ContentShape(Self.content), in: changed)
        #expect(reworded.map { $0.events.union($0.quotes) } == change.reworded)
        let edit = ProseEdit(from: Self.content, to: changed)
        #expect(edit.map { $0.rewordedEvents.union($0.rewordedQuotes) } == change.reworded)
    }

    @Test func isTheSameForTheSameContent() {
        #expect(ContentShape(Self.content) == ContentShape(Self.content))
    }
}
