import Foundation
import Testing
@testable import CasebookCore

@Suite struct CardCacheTests {
    func templates() throws -> TemplateSet {
        let (set, diagnostics) = try TemplateSet.load(from: Fixtures.templates, fileSystem: LocalFileSystem(root: Fixtures.templates))
        #expect(!diagnostics.hasErrors)
        return try #require(set)
    }

    /// Every event card, then every quote card, of the minimal fixture.
    func cards(_ cache: CardCache?, _ templates: TemplateSet) -> [String] {
        let renderer = SiteRenderer(graph: FixtureGraph.minimal, views: FixtureGraph.minimalViews, templates: templates,
                                    stylesheetVersion: nil, cards: cache)
        return (Array(renderer.eventCards) + Array(renderer.quoteCards)).map(\.html)
    }

    /// A build reuses every card the build before rendered, and its cards are the ones rendered without a cache.
    @Test func secondBuildRendersNoCardAndMatchesUncachedCards() throws {
        let templates = try templates()
        let cache = CardCache()
        let expected = cards(nil, templates)
        #expect(!expected.isEmpty)
        #expect(cards(cache, templates) == expected)
        #expect(cache.renderedCount == expected.count)
        cache.finishBuild()
        #expect(cards(cache, templates) == expected)
        #expect(cache.renderedCount == 0)
    }

    /// A card whose view changed is rendered again; the others still come from the cache.
    @Test func changedViewIsRenderedAgain() throws {
        let templates = try templates()
        let cache = CardCache()
        _ = cards(cache, templates)
        cache.finishBuild()
        let root = Fixtures.path("Tests/Fixtures/minimal-site/Content")
        var content = try ContentLoader(fileSystem: LocalFileSystem(root: root), root: root).load().0
        content.events[0].title = MarkdownSource("A title no card had", at: content.events[0].title.location)
        let graph = FixtureGraph.minimal
        let edited = SiteGraph(content: content, urls: graph.urls)
        let views = ViewCatalog(graph: edited, markdown: MarkdownRenderer(urls: graph.urls, unsafeHTML: false))
        let rebuilt = SiteRenderer(graph: edited, views: views, templates: templates, stylesheetVersion: nil, cards: cache).eventCards.map(\.html)
        #expect(cache.renderedCount == 1)
        #expect(rebuilt == SiteRenderer(graph: edited, views: views, templates: templates, stylesheetVersion: nil).eventCards.map(\.html))
        #expect(rebuilt.filter { $0.contains("A title no card had") }.count == 1)
    }

    /// Each event's and quote's citations are rendered once, and that HTML is what both its list card and its
    /// own page print.
    @Test func citationsAreRenderedOnceForCardAndPage() throws {
        let templates = try templates()
        let renderer = SiteRenderer(graph: FixtureGraph.minimal, views: FixtureGraph.minimalViews, templates: templates,
                                    stylesheetVersion: nil)
        let pages = Dictionary(uniqueKeysWithValues: renderer.render().map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let items = zip(renderer.eventViews.map { ($0.view.id, $0.view.citationsHTML?.html ?? "", templates.render("partials/citations", $0.view)) },
                        renderer.eventCards).map { ("events", $0, $1) }
            + zip(renderer.quoteViews.map { ($0.view.id, $0.view.citationsHTML?.html ?? "", templates.render("partials/citations", $0.view)) },
                  renderer.quoteCards).map { ("quotes", $0, $1) }
        #expect(!items.isEmpty)
        for (folder, (id, citations, rendered), card) in items {
            #expect(citations.hasPrefix("<ol class=\"citations\">") && citations.contains("cite-title"))
            #expect(citations == rendered)
            #expect(card.html.contains(citations))
            #expect(try #require(pages["\(folder)/\(id)/index.html"]).contains(citations), "\(folder)/\(id)")
        }
    }

    /// Saved cards are read back by the next process; a damaged file is an empty cache, never a wrong card.
    @Test func cardsRoundTripThroughTheFileAndDamageEmptiesIt() throws {
        let templates = try templates()
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site").path
        let first = CardCache(folder: folder.path, output: output)
        let expected = cards(first, templates)
        first.finishBuild()

        let second = CardCache(folder: folder.path, output: output)
        #expect(cards(second, templates) == expected)
        #expect(second.renderedCount == 0)
        let ignoring = CardCache(folder: folder.path, output: output, ignoringPrevious: true)
        _ = cards(ignoring, templates)
        #expect(ignoring.renderedCount == expected.count)

        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("cards-") })
        let path = folder.appendingPathComponent(file)
        var bytes = try Data(contentsOf: path)
        bytes.removeLast(2)
        try bytes.write(to: path)
        let damaged = CardCache(folder: folder.path, output: output)
        #expect(cards(damaged, templates) == expected)
        #expect(damaged.renderedCount == expected.count)
    }

    /// A card is made when a page prints it: a rebuild that renders few pages reads or renders few cards, and the
    /// cards it did not print stay in the file for the next build.
    @Test func cardsAreMadeWhenPrintedAndUnprintedOnesAreKept() throws {
        let templates = try templates()
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site").path
        func renderer(_ cache: CardCache) -> SiteRenderer {
            SiteRenderer(graph: FixtureGraph.minimal, views: FixtureGraph.minimalViews, templates: templates,
                         stylesheetVersion: nil, cards: cache)
        }
        let empty = CardCache(folder: folder.path, output: output)
        let unprinted = renderer(empty)
        #expect(empty.renderedCount == 0, "no card is rendered before it is printed")
        let expected = (Array(unprinted.eventCards) + Array(unprinted.quoteCards)).map(\.html)
        #expect(empty.renderedCount == expected.count)
        empty.finishBuild()

        let notPrinting = CardCache(folder: folder.path, output: output)
        _ = renderer(notPrinting)
        notPrinting.finishBuild()
        let next = CardCache(folder: folder.path, output: output)
        #expect(cards(next, templates) == expected)
        #expect(next.renderedCount == 0, "cards a build did not print are still in the file")
    }
}
