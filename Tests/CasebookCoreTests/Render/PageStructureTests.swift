import Foundation
import Testing
@testable import CasebookCore

/// Structure a screen-reader user relies on, on every page of each fixture site: one h1, headings that
/// never skip a level going down, unique ids, the landmarks, `lang`, and a `datetime` on every `<time>`.
@Suite struct PageStructureTests {
    @Test(arguments: ["minimal-site", "hostile-site"])
    func everyPageIsWellStructured(_ fixture: String) {
        let result = FixtureBuild.files(fixture)
        #expect(result.exitCode == 0)
        for page in result.files where page.path.hasSuffix(".html") {
            #expect(Self.problems(String(decoding: page.bytes, as: UTF8.self)).isEmpty,
                    "\(fixture)/\(page.path): \(Self.problems(String(decoding: page.bytes, as: UTF8.self)))")
        }
    }

    @Test func markdownHeadingsNestBelowThePageHeadings() throws {
        let renderer = MarkdownRenderer(urls: try URLBuilder(baseURL: "/"), unsafeHTML: false)
        #expect(renderer.render("# Top\n\n## Sub\n", topHeadingLevel: 3).headings.map(\.level) == [3, 4])
        #expect(renderer.render("### Only\n", topHeadingLevel: 2).headings.map(\.level) == [3])
        #expect(renderer.render("# A\n\n###### F\n", topHeadingLevel: 5).headings.map(\.level) == [5, 6])
    }

    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        let tags = EscapingTests.tags(in: html)
        let levels = tags.compactMap { tag -> Int? in
            guard tag.count > 3, tag.hasPrefix("<h"), let level = Int(String(tag[tag.index(tag.startIndex, offsetBy: 2)])),
                  (1...6).contains(level), [" ", ">"].contains(tag[tag.index(tag.startIndex, offsetBy: 3)]) else { return nil }
            return level
        }
        if levels.filter({ $0 == 1 }).count != 1 { problems.append("\(levels.filter { $0 == 1 }.count) h1 elements") }
        var previous = 0
        for level in levels {
            if level > previous + 1 { problems.append("heading skips from h\(previous) to h\(level)") }
            previous = level
        }
        let ids = tags.flatMap { LinkChecker.attributeValues("id", in: $0) }
        let duplicates = Set(ids.filter { id in ids.filter { $0 == id }.count > 1 })
        if !duplicates.isEmpty { problems.append("duplicate ids \(duplicates.sorted())") }
        for landmark in ["<main", "<header", "<footer", "<nav"] where !tags.contains(where: { $0.hasPrefix(landmark) }) {
            problems.append("no \(landmark)>")
        }
        if !html.contains("<html lang=\"") { problems.append("no lang") }
        for time in tags where time.hasPrefix("<time") && !time.contains(" datetime=\"") { problems.append("time without datetime") }
        if !html.contains("<a class=\"skip-link\" href=\"#main\">") { problems.append("no skip link") }
        return problems
    }
}
