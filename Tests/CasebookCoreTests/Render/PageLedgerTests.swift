import Testing
@testable import CasebookCore

/// The ledger tells which page jobs read an item and what the others made, through any number of patches.
@Suite struct PageLedgerTests {
    /// A job that reads the given events and documents (as `ItemList` and `ViewsByID` note reads) and makes one page,
    /// with a digest or without.
    static func job(_ path: String, events: [Int], documents: [(ReadLog.Kind, Int)] = [], digest: UInt64?) -> SiteRenderer.Job {
        {
            for event in events { ReadLog.note(.event, event) }
            for (kind, index) in documents { ReadLog.note(kind, index) }
            let file = OutputFile(path: path, text: "<p>\(path)</p>", digest: digest.map { PageDigest(high: $0, low: $0) })
            return [file]
        }
    }

    @Test func namesTheJobsThatReadAnItemAndReportsTheOthersUnchanged() {
        let ledger = PageLedger(jobs: 4)
        let jobs = [Self.job("a.html", events: [0, 1], digest: 1), Self.job("b.html", events: [2], digest: 2),
                    Self.job("c.html", events: [], digest: nil), Self.job("d.html", events: [1], digest: 4)]
        #expect(ledger.jobs(reading: EditedItems(events: [], quotes: [])) == [0, 1, 2, 3], "nothing recorded yet")
        _ = ledger.recording(Array(jobs.prefix(3))).parallelMap { $0() }
        #expect(ledger.jobs(reading: EditedItems(events: [], quotes: [])) == [2, 3], "a page without a digest, a job not recorded")
        _ = ledger.recording([jobs[3]], numbers: [3]).map { $0() }
        #expect(ledger.jobs(reading: EditedItems(events: [1], quotes: [])) == [0, 2, 3])
        #expect(ledger.jobs(reading: EditedItems(events: [2], quotes: [1])) == [1, 2])
        #expect(ledger.entry(2) == nil && ledger.entry(0).map { Array($0.events) } == [0, 1])

        var files: [OutputFile] = []
        let made = ledger.run([1], of: [{ [OutputFile(path: "x.html", text: "no")] }, { [OutputFile(path: "b.html", text: "new", digest: PageDigest(high: 5, low: 5))] }]) {
            files += $0
        }
        #expect(made == 1)
        #expect(files.map(\.path) == ["a.html", "b.html", "d.html"], "the job made again among the others' pages, in job order")
        #expect(files.map(\.unchanged) == [true, false, true] && files[2].digest == PageDigest(high: 4, low: 4))
        #expect(ledger.entry(1).map { $0.events.isEmpty && $0.pages.map(\.path) == ["b.html"] } == true,
                "what the job made again made and read, recorded")
    }

    /// Jobs run in batches, their pages handed on in job order among the pages of the jobs not run.
    @Test func handsPagesOnInJobOrder() {
        let count = 3 * SiteRenderer.batchSize
        let jobs = (0..<count).map { Self.job("\($0).html", events: [$0], digest: UInt64($0)) }
        let ledger = PageLedger(jobs: count)
        _ = ledger.recording(jobs).map { $0() }
        // More than a batch, out of order.
        let again = [count - 1, 5] + Array(stride(from: SiteRenderer.batchSize, to: count - 1, by: 2))
        var files: [OutputFile] = []
        #expect(ledger.run(again, of: JobList(jobs)) { files += $0 } == again.count)
        #expect(files.map(\.path) == (0..<count).map { "\($0).html" })
        #expect(files.indices.filter { !files[$0].unchanged } == again.sorted())
    }

    /// Reads of cases, parties, sources and pages are told apart by kind: the party at an index is not the case at it.
    @Test func namesTheJobsThatReadADocumentOfItsKind() {
        let ledger = PageLedger(jobs: 4)
        _ = ledger.recording([Self.job("cases.html", events: [], documents: [(.legalCase, 0), (.legalCase, 1)], digest: 1),
                              Self.job("party.html", events: [0], documents: [(.party, 1), (.legalCase, 1)], digest: 2),
                              Self.job("source.html", events: [], documents: [(.source, 1)], digest: 3),
                              Self.job("home.html", events: [1], documents: [(.page, 0)], digest: 4)]).map { $0() }
        #expect(ledger.jobs(reading: EditedItems(cases: [1])) == [0, 1])
        #expect(ledger.jobs(reading: EditedItems(cases: [0])) == [0])
        #expect(ledger.jobs(reading: EditedItems(parties: [1])) == [1])
        #expect(ledger.jobs(reading: EditedItems(parties: [0], sources: [0], pages: [1])) == [])
        #expect(ledger.jobs(reading: EditedItems(pages: [0])) == [3])
        #expect(ledger.jobs(reading: EditedItems(events: [1], sources: [1])) == [2, 3])
        #expect(ledger.entry(1).map { Array($0.documents) } == [ReadLog.document(.party, 1), ReadLog.document(.legalCase, 1)])
    }

    /// A long-lived process patches its ledger thousands of times; the records patches replace are dropped from a copy
    /// once they outweigh the live ones, and the copy reads as the original.
    @Test func copiesDropReplacedRecords() {
        var ledger = PageLedger(jobs: 3)
        _ = ledger.recording([Self.job("a.html", events: [0], digest: 1), Self.job("b.html", events: [1], digest: 2),
                              Self.job("c.html", events: [0, 1], digest: 3)]).map { $0() }
        for round in 0..<3000 {
            ledger = ledger.copy()
            _ = ledger.recording([Self.job("b.html", events: [1, round % 7 + 2], digest: UInt64(round))], numbers: [1]).map { $0() }
        }
        #expect(ledger.jobs(reading: EditedItems(events: [0], quotes: [])) == [0, 2])
        #expect(ledger.jobs(reading: EditedItems(events: [2999 % 7 + 2], quotes: [])) == [1])
        #expect(ledger.entry(1).map { Array($0.pages) } == [PageLedger.Page(path: "b.html", digest: PageDigest(high: 2999, low: 2999))])
        #expect(ledger.storedReads <= 2 * 5 + 1024 + 2, "\(ledger.storedReads) reads kept for 5 live ones")
    }
}

/// Which places of events and quotes a job read, for a build after items moved.
@Suite struct PageLedgerPlacesTests {
    /// A job that reads the views of `views` and the places of `places`, as `ItemList` and the graph's events note them,
    /// and the quotes' views and places the same way.
    static func job(_ path: String, views: [Int], places: [Int], quoteViews: [Int] = [], quotePlaces: [Int] = []) -> SiteRenderer.Job {
        {
            for place in places { ReadLog.note(.placedEvent, place) }
            for view in views { ReadLog.note(.event, view) }
            for place in quotePlaces { ReadLog.note(.placedQuote, place) }
            for view in quoteViews { ReadLog.note(.quote, view) }
            return [OutputFile(path: path, text: path, digest: PageDigest(high: 1, low: UInt64(path.count)))]
        }
    }

    @Test func aPlaceReadWithoutItsViewIsKeptApartFromTheViews() {
        let (_, log) = ReadLog.recording {
            for place in [7, 3, 7, 4] { ReadLog.note(.placedEvent, place) }
            for view in [4, 9] { ReadLog.note(.event, view) }
            ReadLog.note(.placedQuote, 4)
        }
        #expect(log.events == [4, 9])
        #expect(log.eventsAndPlaces == [4, 9, ~3, ~7], "each place once, those of views read left out")
        #expect(log.quotes.isEmpty && log.quotesAndPlaces == [~4])
    }

    @Test func namesTheJobsThatReadAnItemWhereItemsMoved() {
        let ledger = PageLedger(jobs: 5)
        _ = ledger.recording([Self.job("a", views: [0, 1], places: [0, 1]), Self.job("b", views: [5], places: [2, 9]),
                              Self.job("c", views: [], places: []), Self.job("d", views: [7], places: []),
                              Self.job("e", views: [], places: [], quoteViews: [3], quotePlaces: [8])]).map { $0() }
        #expect(ledger.jobs(readingEventsIn: 2...2, quotesIn: nil) == [1], "a place read")
        #expect(ledger.jobs(readingEventsIn: 3...6, quotesIn: nil) == [1], "a view read")
        #expect(ledger.jobs(readingEventsIn: 1...7, quotesIn: nil) == [0, 1, 3])
        #expect(ledger.jobs(readingEventsIn: 10...12, quotesIn: nil) == [])
        #expect(ledger.jobs(readingEventsIn: nil, quotesIn: 8...9) == [4], "a quote's place read")
        #expect(ledger.jobs(readingEventsIn: 8...9, quotesIn: 0...2) == [1], "events' places are not quotes'")
        #expect(ledger.jobs(reading: EditedItems(events: [2], quotes: [8])) == [], "a prose edit reaches the jobs that read views")
        #expect(ledger.jobs(reading: EditedItems(events: [5], quotes: [3])) == [1, 4])
    }

    /// The graph's events and quotes note their places when a page job reads them.
    @Test func readingTheGraphsItemsNotesTheirPlaces() throws {
        let graph = try SiteGraphTests().graph(MovedItemsTests.events, quotes: MovedItemsTests.quotes)
        let (_, log) = ReadLog.recording {
            _ = graph.events[3].date
            graph.events.withElement(at: 1) { _ in }
            _ = graph.quotes[0].date
        }
        #expect(log.eventsAndPlaces == [~1, ~3])
        #expect(log.quotesAndPlaces == [~0])
        let (_, unread) = ReadLog.recording { _ = graph.events.count }
        #expect(unread.eventsAndPlaces.isEmpty && unread.quotesAndPlaces.isEmpty)
    }
}
