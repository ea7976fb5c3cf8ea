import Testing
@testable import CasebookCore

@Suite struct WordDiffTests {
    @Test func marksRemovedAndAddedWords() {
        #expect(WordDiff.pieces(from: "We were given no warning at all.", to: "We were given no real warning.")
            == [.same("We were given no"), .removed("warning at all."), .added("real warning.")])
        #expect(WordDiff.pieces(from: "a b c", to: "a x c") == [.same("a"), .removed("b"), .added("x"), .same("c")])
    }

    @Test func typographicQuotesCountAsTheSame() {
        #expect(WordDiff.pieces(from: "it’s “fine”", to: "it's \"fine\"") == [.same("it's \"fine\"")])
    }

    @Test func escapesHTML() {
        #expect(WordDiff.html(from: "a <b>", to: "a <c>") == "a <del>&lt;b&gt;</del> <ins>&lt;c&gt;</ins>")
    }
}
