import Testing
@testable import CasebookCore

@Suite struct MarkdownMemoTests {
    /// A renderer with a memo answers from it (a stand-in value proves the lookup), and only for the settings
    /// the memo was made for: another base path renders afresh.
    @Test func memoAnswersOnlyForItsOwnSettings() throws {
        let root = try URLBuilder(baseURL: "/"), sub = try URLBuilder(baseURL: "/x/")
        let memo = MarkdownMemo(settings: MarkdownRenderer.settings(root, false))
        let stand = RenderedMarkdown(html: "<p>remembered</p>", plainText: "remembered", headings: [], excerpt: nil)
        _ = memo.value(.init(text: "[about](/about/)", level: 2)) { stand }
        memo.finishBuild()

        #expect(MarkdownRenderer(urls: root, unsafeHTML: false, memo: memo).render("[about](/about/)") == stand)
        #expect(MarkdownRenderer(urls: sub, unsafeHTML: false, memo: memo).render("[about](/about/)").html
                == "<p><a href=\"/x/about/\">about</a></p>\n")
        #expect(MarkdownRenderer(urls: root, unsafeHTML: true, memo: memo).memo == nil)
        // Inline and block renderings of one text are kept apart.
        #expect(MarkdownRenderer(urls: root, unsafeHTML: false, memo: memo).renderInline("[about](/about/)").html
                == "<a href=\"/about/\">about</a>")
    }

    /// Each build keeps only the texts it used.
    @Test func textsNotUsedInABuildAreDropped() {
        let memo = MarkdownMemo(settings: "s")
        let first = RenderedMarkdown(html: "1", plainText: "", headings: [], excerpt: nil)
        let second = RenderedMarkdown(html: "2", plainText: "", headings: [], excerpt: nil)
        _ = memo.value(.init(text: "a", level: 2)) { first }
        memo.finishBuild()
        memo.finishBuild()
        #expect(memo.value(.init(text: "a", level: 2)) { second } == second)
    }
}
