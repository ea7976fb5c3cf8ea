import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CasebookCore

@Suite struct FeedTests {
    /// Collects element texts and attributes by element name.
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String: [String]] = [:]
        var attributes: [String: [[String: String]]] = [:]
        private var current = ""
        private var name = ""

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            name = element
            current = ""
            self.attributes[element, default: []].append(attributes)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            texts[element, default: []].append(current)
            current = ""
        }
    }

    func parse(_ file: OutputFile?) throws -> Collector {
        let data = try #require(file.map { Data($0.bytes) })
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    @Test func atomFeedListsEventsNewestFirstWithAbsoluteURLs() throws {
        let result = FixtureBuild.files("minimal-site", baseURL: "https://example.org/t/")
        let feed = try parse(result.files.first { $0.path == "feed.xml" })
        #expect(feed.texts["entry"]?.count == 3)
        #expect(feed.texts["id"]?.dropFirst() == ["https://example.org/t/events/ruling/", "https://example.org/t/events/lawsuit-filed/",
                                                  "https://example.org/t/events/host-notice/"])
        #expect(feed.texts["updated"]?.last == "2021-01-10T02:07:00Z")
        #expect(feed.attributes["link"]?.allSatisfy { $0["href"]?.hasPrefix("https://example.org/t/") == true } == true)
    }

    @Test func sitemapListsEveryPageAndRobotsPointsAtIt() throws {
        let result = FixtureBuild.files("minimal-site", baseURL: "https://example.org/t/")
        let sitemap = try parse(result.files.first { $0.path == "sitemap.xml" })
        let pages = result.files.filter { $0.path.hasSuffix("index.html") }.count
        #expect(sitemap.texts["loc"]?.count == pages)
        #expect(sitemap.texts["loc"]?.contains("https://example.org/t/") == true)
        #expect(sitemap.texts["lastmod"]?.contains("2021-01-12") == true)
        let robots = result.files.first { $0.path == "robots.txt" }.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(robots?.contains("Sitemap: https://example.org/t/sitemap.xml") == true)
    }

    @Test func hostileTextStaysTextInTheFeedSitemapAndCalendar() throws {
        let result = FixtureBuild.files("hostile-site", baseURL: "https://example.org/")
        let feed = try parse(result.files.first { $0.path == "feed.xml" })
        #expect(feed.texts["title"]?.first?.hasPrefix("<script>alert(1)</script>") == true)
        #expect(feed.texts["entry"]?.count == 1)
        _ = try parse(result.files.first { $0.path == "sitemap.xml" })
        let ics = try #require(result.files.first { $0.path == "timeline.ics" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        #expect(ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("SUMMARY:") }.count == 1, "a payload must not add calendar lines")
    }

    @Test func withoutAHostThereIsNoSitemapAndFeedIDsAreStable() throws {
        let result = FixtureBuild.files("minimal-site")
        #expect(!result.files.contains { $0.path == "sitemap.xml" })
        let feed = try parse(result.files.first { $0.path == "feed.xml" })
        #expect(feed.texts["id"]?.first == "urn:casebook:example-v-sample:timeline")
    }
}

@Suite struct CalendarFileTests {
    @Test func dayDatedEventsBecomeAllDayOrZonedEvents() throws {
        let result = FixtureBuild.files("minimal-site", baseURL: "https://example.org/t/")
        let ics = try #require(result.files.first { $0.path == "timeline.ics" }.map { String(decoding: $0.bytes, as: UTF8.self) })
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.dropLast().last == "END:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2, "the month-dated ruling cannot be a calendar event")
        #expect(lines.contains("DTSTART;TZID=America/Los_Angeles:20210109T180700"))
        #expect(lines.contains("DTSTART;VALUE=DATE:20210111"))
        #expect(lines.contains("URL:https://example.org/t/events/host-notice/"))
        #expect(lines.contains("TZID:America/Los_Angeles"))
        // The standard-time observance in force on January 9, 2021 began in November 2020.
        #expect(lines.contains("DTSTART:20201101T020000"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func longLinesFoldWithoutSplittingCharacters() {
        let calendar = CalendarFile(graph: FixtureGraph.minimal, views: FixtureGraph.minimalViews)
        let folded = calendar.fold("SUMMARY:" + String(repeating: "é", count: 60))
        #expect(folded.components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:" + String(repeating: "é", count: 60))
    }

    /// Folding walks bytes and asks for character boundaries only at a fold; it must fold exactly where going
    /// character by character does, with accents, emoji sequences, flags, CRLF and characters longer than a line.
    @Test func foldingMatchesCharacterByCharacter() {
        func reference(_ line: String) -> String {
            guard line.utf8.count > 75 else { return line }
            var result = "", count = 0
            for character in line {
                let size = character.utf8.count
                if count + size > 75 {
                    result += "\r\n "
                    count = 1
                }
                result.append(character)
                count += size
            }
            return result
        }
        let calendar = CalendarFile(graph: FixtureGraph.minimal, views: FixtureGraph.minimalViews)
        let pieces = ["a", "b ", "é", "e\u{301}", "日本", "👩‍👩‍👧", "🇺🇸", "\r\n", "\u{301}", "x" + String(repeating: "\u{301}", count: 40),
                      String(repeating: "k", count: 30), "\u{1F44D}\u{1F3FD}", "ﷺ"]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            let line = (0..<Int.random(in: 0...90, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(calendar.fold(line) == reference(line), "\(line.debugDescription)")
        }
    }
}
