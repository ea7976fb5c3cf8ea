import Foundation
import Testing
@testable import CasebookCore

@Suite struct MarkdownMemoTests {
    let stand = RenderedMarkdown(html: "<p>remembered</p>", plainText: "remembered", headings: [], excerpt: nil)

    /// A renderer with a memo answers from it (a stand-in value proves the lookup), and only for the settings
    /// the memo was made for: another base path renders afresh.
    @Test func memoAnswersOnlyForItsOwnSettings() throws {
        let root = try URLBuilder(baseURL: "/"), sub = try URLBuilder(baseURL: "/x/")
        let memo = MarkdownMemo(settings: MarkdownRenderer.settings(root, false))
        _ = memo.value(text: "[about](/about/)", level: 2) { stand }
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
        let second = RenderedMarkdown(html: "2", plainText: "", headings: [], excerpt: nil)
        _ = memo.value(text: "a", level: 2) { stand }
        memo.finishBuild()
        memo.finishBuild()
        #expect(memo.value(text: "a", level: 2) { second } == second)
    }

    /// A build that looked up only some texts (it kept most views from the build before) keeps the others too, in
    /// memory and in the file it appends its new texts to.
    @Test func textsNotUsedAreKeptWhenTheBuildSaysSo() throws {
        let memo = MarkdownMemo(settings: "s")
        let second = RenderedMarkdown(html: "2", plainText: "", headings: [], excerpt: nil)
        _ = memo.value(text: "a", level: 2) { stand }
        memo.finishBuild()
        _ = memo.value(text: "b", level: 2) { stand }
        memo.finishBuild(keepingUnused: true)
        #expect(memo.value(text: "a", level: 2) { second } == stand)
        #expect(memo.value(text: "b", level: 2) { second } == stand)

        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Site").path
        func saved() -> MarkdownMemo { MarkdownMemo(settings: "s", folder: folder.path, output: output) }
        let first = saved()
        for text in ["a", "b", "c"] { _ = first.value(text: text, level: 2) { stand } }
        first.finishBuild()
        let few = saved()
        _ = few.value(text: "d", level: 2) { stand }
        few.finishBuild(keepingUnused: true)
        let next = saved()
        #expect(["a", "b", "c", "d"].map { text in next.value(text: text, level: 2) { second } } == Array(repeating: stand, count: 4))
        #expect(next.renderedCount == 0)
    }

    /// Records read back as the value written, whatever the text holds; a damaged record is no record.
    @Test func recordsRoundTripAndDamageIsRejected() {
        let values = [
            RenderedMarkdown.empty, stand,
            RenderedMarkdown(html: "<h3 id=\"a-b\">A: b</h3>\n<p>12:3; -</p>", plainText: "A: b\n12:3; -",
                             headings: [.init(level: 3, id: "a-b", text: "A: b"), .init(level: 4, id: "", text: "ü 🚀")],
                             excerpt: "12:3; - “x”"),
        ]
        for value in values {
            let record = MarkdownRecord.encode(value)
            #expect(MarkdownRecord.decode(record) == value)
            #expect(MarkdownRecord.decode(String(record.dropLast())) == nil)
            #expect(MarkdownRecord.decode(record + "x") == nil)
        }
        // A length that ends inside a character leaves the rest unreadable: no record, and no string cut mid-character.
        let accented = MarkdownRecord.encode(RenderedMarkdown(html: "aé", plainText: "aé", headings: [], excerpt: "é"))
        #expect(accented.hasPrefix("3:aé"))
        #expect(MarkdownRecord.decode(accented) != nil)
        #expect(MarkdownRecord.decode("2:" + accented.dropFirst(2)) == nil)
    }

    /// `casebook build` keeps the memo beside the output: the next process renders nothing it already rendered,
    /// and a memo saved for other settings is not used.
    @Test func savedMemoServesTheNextBuildWithTheSameSettings() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let urls = try URLBuilder(baseURL: "/")
        let texts = ["# Title\n\nSome *text* with [a link](/about/).", "Plain", "## Ünïcode 🚀\n\n- list"]
        func renderAll(_ memo: MarkdownMemo) -> [RenderedMarkdown] {
            let renderer = MarkdownRenderer(urls: urls, unsafeHTML: false, memo: memo)
            return texts.map { renderer.render($0) } + texts.map { renderer.renderInline($0) }
        }
        let settings = MarkdownRenderer.settings(urls, false), output = folder.appendingPathComponent("Site").path
        let first = MarkdownMemo(settings: settings, folder: folder.path, output: output)
        let expected = renderAll(first)
        #expect(first.renderedCount == 6)
        first.finishBuild()

        let second = MarkdownMemo(settings: settings, folder: folder.path, output: output)
        #expect(renderAll(second) == expected)
        #expect(second.renderedCount == 0)
        let plain = MarkdownRenderer(urls: urls, unsafeHTML: false)
        #expect(expected == texts.map { plain.render($0) } + texts.map { plain.renderInline($0) })

        let other = MarkdownMemo(settings: settings + " other", folder: folder.path, output: output)
        _ = other.value(text: texts[1], level: 2) { stand }
        #expect(other.renderedCount == 1)
    }
}
