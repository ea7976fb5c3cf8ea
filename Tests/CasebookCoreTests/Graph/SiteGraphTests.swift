import Testing
@testable import CasebookCore

@Suite struct SiteGraphTests {
    func graph(_ events: String, quotes: String = "[]") throws -> SiteGraph {
        let files = Fixtures.site(adding: ["Content/timeline/a.yml": events, "Content/quotes/q.yml": quotes,
                                           "Content/site.yml": "title: T\ntimezone: America/Los_Angeles\n"])
        let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return SiteGraph(content: content, urls: try URLBuilder(baseURL: "/"))
    }

    @Test func ordersEventsByDatePrecisionAndInstant() throws {
        let yaml = """
        - {id: late-utc, date: 2021-01-10, time: "03:00", timezone: UTC, title: A, sources: [news]}
        - {id: evening-la, date: 2021-01-09, time: "18:00", title: B, sources: [news]}
        - {id: day-only, date: 2021-01-09, title: C, sources: [news]}
        - {id: month-only, date: 2021-01, title: D, sources: [news]}
        - {id: early-utc, date: 2021-01-10, time: "01:00", timezone: UTC, title: E, sources: [news]}
        """
        // 18:00 in Los Angeles is 02:00 UTC on the 10th, but the 9th sorts first as a local date.
        #expect(try graph(yaml).events.map(\.id) == ["day-only", "evening-la", "early-utc", "late-utc", "month-only"])
    }

    /// Quotes go by date, then by the speaker's name (not id), then in file order.
    @Test func ordersQuotesByDateThenSpeakerNameThenFileOrder() throws {
        let quotes = """
        - {id: parler-first, text: A, speaker: parler, date: 2021-01-10, sources: [news]}
        - {id: zed, text: B, speaker: zed, date: 2021-01-10, sources: [news]}
        - {id: parler-second, text: C, speaker: parler, date: 2021-01-10, sources: [news]}
        - {id: earlier, text: D, speaker: parler, date: 2021-01-09, sources: [news]}
        - {id: aws, text: E, speaker: aws, date: 2021-01-10, sources: [news]}
        """
        let files = Fixtures.site(adding: ["Content/quotes/q.yml": quotes,
                                           "Content/parties/zed.md": "---\nname: Aaron Zed\nkind: person\n---\n"])
        let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load()
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let graph = SiteGraph(content: content, urls: try URLBuilder(baseURL: "/"))
        #expect(graph.quotes.map(\.id) == ["earlier", "zed", "aws", "parler-first", "parler-second"])
        #expect(graph.quotesBySpeaker["parler"] == [0, 3, 4])
    }

    @Test func indexesEventsAndQuotesByPartyCaseAndTopic() throws {
        let events = "- {id: e1, date: 2021, title: A, cases: [suit], parties: [aws, parler], sources: [news]}\n"
        let quotes = """
        - {id: q1, text: Hi, speaker: parler, date: 2021, case: suit, mentions: [aws], sources: [news], topics: [Due Process, due process]}
        - {id: q2, text: Yo, speaker: aws, date: 2020, sources: [news], topics: [Hosting]}
        - {id: q3, text: So, speaker: aws, date: 2022, sources: [news], topics: [due process, "!!"]}
        """
        let graph = try graph(events, quotes: quotes)
        #expect(graph.eventsByCase["suit"] == [0])
        #expect(graph.eventsByParty["aws"] == [0])
        #expect(graph.quotes.map(\.id) == ["q2", "q1", "q3"])
        #expect(graph.quotesBySpeaker["parler"] == [1])
        #expect(graph.quotesMentioning["aws"] == [1])
        #expect(graph.quotesByCase["suit"] == [1])
        #expect(graph.topics.map(\.slug) == ["due-process", "hosting"])
        // Listed under the spelling first met, once per quote; a topic without a slug is left out of the list.
        #expect(graph.topics.first?.label == "Due Process" && graph.topics.first?.quotes == [1, 2])
        #expect(graph.topicSlugs == ["Due Process": "due-process", "due process": "due-process", "Hosting": "hosting", "!!": ""])
    }

    /// A graph made with the last one takes its quotes' order and indexes only when made from the same quotes and
    /// parties: with others it orders and indexes its own, as a graph made alone does.
    @Test func takesTheLastGraphsQuoteIndexesOnlyForTheSameQuotesAndParties() throws {
        let quotes = """
        - {id: q1, text: Hi, speaker: parler, date: 2021-01-02, mentions: [aws], sources: [news], topics: [Hosting]}
        - {id: q2, text: Yo, speaker: aws, date: 2021-01-02, sources: [news]}
        """
        func content(_ quotes: String, awsName: String = "Amazon Web Services") throws -> SiteContent {
            let files = Fixtures.site(adding: ["Content/quotes/q.yml": quotes,
                                               "Content/parties/aws.md": "---\nname: \(awsName)\nkind: organization\n---\n"])
            return try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load().0
        }
        let urls = try URLBuilder(baseURL: "/")
        let first = try content(quotes)
        let last = SiteGraph(content: first, urls: urls)
        #expect(last.quotes.map(\.id) == ["q2", "q1"], "Amazon before Parler on the same day")
        let changes = [(first, "the same quotes"),
                       (try content(quotes.replacingOccurrences(of: "speaker: aws", with: "speaker: parler")), "a speaker changed"),
                       (try content(quotes.replacingOccurrences(of: "Hosting", with: "Speech")), "a topic changed"),
                       (try content(quotes, awsName: "Zed Web Services"), "a speaker renamed")]
        for (content, change) in changes {
            let taking = SiteGraph(content: content, urls: urls, last: last), alone = SiteGraph(content: content, urls: urls)
            #expect(taking.quotes.map(\.id) == alone.quotes.map(\.id), "\(change)")
            #expect(taking.quotesBySpeaker == alone.quotesBySpeaker && taking.quotesMentioning == alone.quotesMentioning, "\(change)")
            #expect(taking.topics.map(\.slug) == alone.topics.map(\.slug) && taking.topicSlugs == alone.topicSlugs, "\(change)")
        }
        #expect(SiteGraph(content: changes[3].0, urls: urls).quotes.map(\.id) == ["q1", "q2"], "Parler before Zed")
    }
}
