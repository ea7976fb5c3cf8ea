import Testing
@testable import CasebookCore

/// A long-lived process keeps its sitemap after an edit that left the site's pages as they were.
@Suite struct DataFilesTests {
    static let pages = (0..<100).map { "events/e\($0)/index.html" }

    @Test func theSamePagesInAnotherOrderAreTheSame() {
        var moved = Self.pages
        moved.swapAt(3, 7)
        moved.swapAt(50, 51)
        #expect(DataFiles.samePages(moved, Self.pages))
        #expect(DataFiles.samePages(Self.pages, Self.pages))
    }

    @Test func anotherPageOrOneMoreIsNotTheSame() {
        var renamed = Self.pages
        renamed[7] = "events/renamed/index.html"
        #expect(!DataFiles.samePages(renamed, Self.pages))
        #expect(!DataFiles.samePages(Self.pages + ["about/index.html"], Self.pages))
        var twice = Self.pages
        twice[7] = twice[8]
        #expect(!DataFiles.samePages(twice, Self.pages), "a page named twice and one not at all")
    }

    /// Many pages out of place are not compared: they are taken for others, and the sitemap is made again.
    @Test func pagesMostlyOutOfPlaceAreNotCompared() {
        #expect(!DataFiles.samePages(Self.pages.reversed(), Self.pages))
    }
}
