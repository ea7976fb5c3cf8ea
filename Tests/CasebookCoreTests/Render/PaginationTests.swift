import Foundation
import Testing
@testable import CasebookCore

/// Long lists cut into pages: the cutting itself, and the real tracker built with `paginate_by: 4` read back
/// page by page against the same tracker on one page.
@Suite struct PaginationTests {
    @Test func cutsIntoPagesOfTheGivenSizeAndFindsEachItsPage() {
        let pagination = Pagination(list: .timeline, count: 10, size: 4)
        #expect(pagination.pages == [0..<4, 4..<8, 8..<10])
        #expect((0..<10).map(pagination.number(of:)) == [1, 1, 1, 1, 2, 2, 2, 2, 3, 3])
        #expect(pagination.route(1) == .timeline)
        #expect(pagination.route(3).outputPath == "timeline/page/3/index.html")
        #expect(Route.topic("free-speech").numbered(2).relativePath == "topics/free-speech/page/2/")
        #expect(Pagination(list: .quotes, count: 8, size: 4).pages == [0..<4, 4..<8])
        #expect(Pagination(list: .quotes, count: 0, size: 4).pages == [0..<0])
        #expect(Pagination(list: .quotes, count: 250, size: 0).pages == [0..<250], "0 means one page")
    }

    @Test func pagerLinksNeighboursAndMarksTheCurrentPage() throws {
        let urls = try URLBuilder(baseURL: "/x/")
        let pagination = Pagination(list: .timeline, count: 9, size: 3)
        let labels = ["a", "b", "c"]
        let middle = try #require(pagination.pager(2, labels: labels, urls: urls))
        #expect(middle.position == "Page 2 of 3")
        #expect(middle.previous?.url == "/x/timeline/" && middle.next?.url == "/x/timeline/page/3/")
        #expect(middle.pages.map(\.current) == [false, true, false])
        #expect(middle.pages.map(\.label) == labels && middle.current.label == "b")
        #expect(pagination.pager(1, labels: labels, urls: urls)?.previous == nil)
        #expect(pagination.pager(3, labels: labels, urls: urls)?.next == nil)
        #expect(Pagination(list: .timeline, count: 3, size: 3).pager(1, labels: ["a"], urls: urls) == nil)
        #expect(pagination.link(to: 7, anchor: "e8", urls: urls) == "/x/timeline/page/3/#e8")
    }

    @Test func pagedTrackerShowsEveryItemOnceInTheOrderOfTheSinglePage() throws {
        let single = try Self.pages(Self.build(paginateBy: nil))
        let paged = try Self.pages(Self.build(paginateBy: 4))
        let eventCount = Self.ids(#"<article class="event-card[^"]*" id="([^"]+)""#, in: single["timeline/index.html"] ?? "").count
        #expect(eventCount > 8, "the tracker needs several pages to test")

        let quoteCard = #"<figure class="quote-card[^"]*" id="(quote-[^"]+)""#
        let lists = [("timeline/", #"<article class="event-card[^"]*" id="([^"]+)""#), ("quotes/", quoteCard)]
            + Self.topicLists(single).map { ($0, quoteCard) }
        for (list, pattern) in lists {
            let whole = Self.ids(pattern, in: try #require(single[list + "index.html"]))
            var shown: [String] = []
            var number = 1
            while let page = paged[list + (number == 1 ? "" : "page/\(number)/") + "index.html"] {
                let here = Self.ids(pattern, in: page)
                #expect(here.count == min(4, whole.count - shown.count), "\(list) page \(number)")
                #expect(page.contains(#"rel="prev""#) == (number > 1), "\(list) page \(number)")
                #expect(page.contains(#"rel="next""#) == (shown.count + here.count < whole.count), "\(list) page \(number)")
                shown += here
                number += 1
            }
            #expect(shown == whole, "\(list): pages together show the single page's items in its order")
            #expect(number - 1 == (whole.count + 3) / 4, "\(list): one page per 4 items")
        }
        #expect(paged["timeline/page/1/index.html"] == nil, "page 1 is the list's own address")
    }

    /// Every link between the pages, and every event's link to its place on the timeline, reaches its anchor;
    /// also under a sub-path.
    @Test(arguments: ["/", "/x/"])
    func pagedTrackerHasNoBrokenLinksOrAnchors(_ base: String) throws {
        let (options, folder) = try Self.options(paginateBy: 4, base: base)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SiteCheck.run(options).diagnostics.sorted.filter { $0.severity == .error }.map(\.description) == [])
        let result = BuildPipeline.run(options)
        #expect(result.files.contains { $0.path == "timeline/page/2/index.html" })
        let event = try #require(result.files.first { $0.path.hasPrefix("events/") && $0.path.hasSuffix(".html") })
        let html = String(decoding: event.bytes, as: UTF8.self)
        #expect(html.contains(#"href="\#(base)timeline/page/"#) || html.contains(#"href="\#(base)timeline/#"#))
    }

    static func build(paginateBy: Int?) throws -> BuildResult {
        let (options, folder) = try Self.options(paginateBy: paginateBy, base: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = BuildPipeline.run(options)
        #expect(result.exitCode == 0, "\(result.diagnostics.sorted)")
        return result
    }

    /// The real tracker's content in a temporary folder, with `paginate_by` set in its site.yml.
    static func options(paginateBy: Int?, base: String?) throws -> (options: BuildOptions, folder: URL) {
        let folder = Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.path("Content")), to: content)
        if let paginateBy {
            let settings = content.appendingPathComponent("site.yml")
            try (String(contentsOf: settings, encoding: .utf8) + "paginate_by: \(paginateBy)\n")
                .write(to: settings, atomically: true, encoding: .utf8)
        }
        var options = BuildOptions()
        options.content = content.path
        options.templates = Fixtures.templates
        options.baseURL = base
        options.write = false
        return (options, folder)
    }

    static func pages(_ result: BuildResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.files.filter { $0.path.hasSuffix(".html") }
            .map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    static func topicLists(_ pages: [String: String]) -> [String] {
        pages.keys.filter { $0.hasPrefix("topics/") && $0.split(separator: "/").count == 3 }.sorted()
            .map { String($0.dropLast("index.html".count)) }
    }

    static func ids(_ pattern: String, in html: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
