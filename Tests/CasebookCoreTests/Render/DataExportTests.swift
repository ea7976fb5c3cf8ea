import Foundation
import Testing
@testable import CasebookCore

@Suite struct DataExportTests {
    @Test func jsonDownloadsHoldTheContentFieldsAndURLs() throws {
        let result = FixtureBuild.files("minimal-site", baseURL: "https://example.org/x/")
        let files = Dictionary(result.files.map { ($0.path, Data($0.bytes)) }, uniquingKeysWith: { a, _ in a })
        for (path, key, count) in [("data/timeline.json", "events", 3), ("data/quotes.json", "quotes", 2),
                                   ("data/parties.json", "parties", 3), ("data/sources.json", "sources", 2),
                                   ("data/cases.json", "cases", 1)] {
            let data = try #require(files[path], "\(path)")
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let items = try #require(object[key] as? [[String: Any]], "\(path)")
            #expect(items.count == count, "\(path)")
            #expect(items.allSatisfy { ($0["url"] as? String)?.hasPrefix("https://example.org/x/") == true }, "\(path)")
        }
        let timeline = try JSONSerialization.jsonObject(with: try #require(files["data/timeline.json"])) as? [String: [[String: Any]]]
        let first = try #require(timeline?["events"]?.first)
        #expect(first["date"] as? String == "2021-01-09")
        #expect((first["sources"] as? [[String: String]])?.first == ["source": "daily-news", "locator": "paragraph 2"])
        let quotes = try JSONSerialization.jsonObject(with: try #require(files["data/quotes.json"])) as? [String: [[String: Any]]]
        #expect((quotes?["quotes"]?.first?["variants"] as? [[String: String]]) == [["source": "weekly-review", "text": "We were given no real warning."]])
    }

    @Test(arguments: ["timeline", "quotes", "parties", "sources", "cases"])
    func downloadsMatchTheirPublishedSchema(_ name: String) throws {
        let schemaData = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("docs/data/\(name).schema.json")))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        for fixture in ["minimal-site", "hostile-site"] {
            let result = FixtureBuild.files(fixture)
            let data = try #require(result.files.first { $0.path == "data/\(name).json" }.map { Data($0.bytes) })
            let problems = JSONSchemaCheck(root: schema).problems(try JSONSerialization.jsonObject(with: data))
            #expect(problems.isEmpty, "\(fixture): \(problems.prefix(5))")
        }
        let broken: [String: Any] = ["\(name == "timeline" ? "events" : name)": [["id": "Not A Slug"]]]
        #expect(!JSONSchemaCheck(root: schema).problems(broken).isEmpty, "the check must be able to fail")
    }

    @Test func searchIndexHoldsNamesAndAliases() throws {
        let result = FixtureBuild.files("minimal-site")
        let data = try #require(result.files.first { $0.path == "search-index.json" }.map { Data($0.bytes) })
        let entries = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["entries"] as? [[String: Any]])
        let party = try #require(entries.first { $0["title"] as? String == "Example Corp." })
        #expect(party["names"] as? [String] == ["Example Inc", "ExampleCo"])
        let event = try #require(entries.first { $0["url"] as? String == "/events/host-notice/" })
        #expect((event["names"] as? [String])?.contains("ExampleCo") == true)
        #expect(entries.contains { $0["type"] as? String == "Quote" && ($0["text"] as? String)?.contains("no real warning") == true })
        let expectedCount = 3 + 2 + 3 + 1 + 2 + 1 // events, quotes, parties, cases, sources, pages
        #expect(entries.count == expectedCount)
    }

    @Test func csvDownloadsParseWithOneRowPerItem() throws {
        let result = FixtureBuild.files("hostile-site")
        for (path, columns, rows) in [("data/timeline.csv", 13, 1), ("data/quotes.csv", 10, 1), ("data/parties.csv", 7, 1)] {
            let text = try #require(result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) })
            let records = CSVReader.records(text)
            #expect(records.count == rows + 1, "\(path)")
            #expect(records.allSatisfy { $0.count == columns }, "\(path)")
            #expect(records.dropFirst().allSatisfy { $0.contains { $0.contains("\"onmouseover=\"") } }, "\(path) keeps quotes intact")
        }
    }

    @Test func csvIsRFC4180() {
        var table = CSVTable(header: ["a", "b"])
        table.rows = [["plain", "has, comma"], ["has \"quote\"", "two\nlines"]]
        #expect(table.text == "a,b\r\nplain,\"has, comma\"\r\n\"has \"\"quote\"\"\",\"two\nlines\"\r\n")
    }

    /// A field is quoted exactly when it holds a comma, quote or line break, wherever in it that falls.
    @Test func csvQuotesFieldsWithSpecialsAtEveryOffset() {
        let plain = String(repeating: "abcdefgh", count: 3)
        for special in [",", "\"", "\n", "\r", ";", "é", "\t"] {
            for offset in 0...plain.count {
                let field = String(plain.prefix(offset)) + special + String(plain.dropFirst(offset))
                let quoted = [",", "\"", "\n", "\r"].contains(special)
                let expected = quoted ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                #expect(CSVTable(header: [field]).text == expected + "\r\n", "\(field.debugDescription)")
            }
        }
    }

    /// The slow downloads go first, longest first; no download is dropped or run twice.
    @Test func downloadsRunSlowestFirstAndAllOfThem() {
        let paths = DataExport.paths + ["search-index.json", "timeline.ics", "feed.xml", "data/extra.json"]
        let jobs = paths.map { path -> (path: String, job: SiteRenderer.Job) in (path, { [OutputFile(path: path, text: "")] }) }
        let order = BuildPipeline.slowestFirst(jobs).flatMap { $0() }.map(\.path)
        #expect(order.sorted() == paths.sorted())
        #expect(Array(order.prefix(BuildPipeline.slowDownloads.count)) == BuildPipeline.slowDownloads)
        #expect(order.last == "data/extra.json", "the others keep their order, after the slow ones")
    }
}
