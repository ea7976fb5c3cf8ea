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

    @Test func csvIsRFC4180() {
        var table = CSVTable(header: ["a", "b"])
        table.rows = [["plain", "has, comma"], ["has \"quote\"", "two\nlines"]]
        #expect(table.text == "a,b\r\nplain,\"has, comma\"\r\n\"has \"\"quote\"\"\",\"two\nlines\"\r\n")
    }
}
