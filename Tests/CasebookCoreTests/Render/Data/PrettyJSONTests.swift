import Foundation
import Testing
@testable import CasebookCore

/// The downloads were `JSONEncoder` output and must stay byte for byte what it gives: users diff them between
/// builds, and a download whose bytes did not change is not written again.
@Suite struct PrettyJSONTests {
    /// Text with everything an escaper can get wrong: quotes, backslashes, control characters, a slash (left
    /// alone), non-ASCII, a line separator.
    static let awkward = "He said \"no\" \\ then/left\n\t\u{1}\u{7F} café \u{2028} 🙂"

    static func encoded<T: Encodable>(_ key: String, _ records: [T]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode([key: records]) + [0x0A], as: UTF8.self)
    }

    static func written(_ key: String, _ records: [some JSONRecord]) -> String {
        String(decoding: DataRecords.json("", key, records).bytes, as: UTF8.self)
    }

    static let at = SourceLocation(file: "x.yml")

    static func citations(_ full: Bool) -> [DataRecords.CitationRecord] {
        guard full else { return [] }
        return [.init(citation: Citation(source: Reference("a", at: at))),
                .init(citation: Citation(source: Reference("b", at: at), locator: "p. 2")),
                .init(citation: Citation(source: Reference("c", at: at), wording: awkward)),
                .init(citation: Citation(source: Reference("d", at: at), locator: "¶ 9", wording: "w"))]
    }

    /// Each record kind with every optional field set and with none, every list full and empty.
    @Test(arguments: [true, false])
    func recordsMatchJSONEncoder(_ full: Bool) throws {
        func some(_ text: String) -> String? { full ? text : nil }
        func list(_ items: String...) -> [String] { full ? items : [] }
        let event = DataRecords.Event(
            id: "e1", date: "2021-01", time: some("09:30"), timezone: some("America/New_York"), approximate: full,
            title: Self.awkward, cases: list("c1", "c2"), parties: list("p1"), sources: Self.citations(full),
            summary: some("**Bold** [link](https://example.org/a?b=c&d)"), disputed: some(Self.awkward), tags: list("x", "y"),
            url: "https://example.org/events/e1/")
        #expect(Self.written("events", [event, event]) == (try Self.encoded("events", [event, event])))
        #expect(Self.written("events", [DataRecords.Event]()) == (try Self.encoded("events", [DataRecords.Event]())))

        let quote = DataRecords.Quote(
            id: "q1", text: Self.awkward, speaker: "p1", date: "2021-01-09", case: some("c1"), context: some("ctx"),
            mentions: list("p2", "p3"), sources: Self.citations(full), topics: list("moderation"),
            variants: full ? [.init(source: "b", text: "other words"), .init(source: "c", text: Self.awkward)] : [],
            url: "/quotes/q1/")
        #expect(Self.written("quotes", [quote]) == (try Self.encoded("quotes", [quote])))

        let party = DataRecords.Party(id: "p1", name: "Parler", kind: "organization", aliases: list("Parler LLC"),
                                      affiliation: some("p2"), role: some("CEO"), sources: list("a"),
                                      biography: some(Self.awkward), url: "/parties/p1/")
        #expect(Self.written("parties", [party]) == (try Self.encoded("parties", [party])))

        let source = DataRecords.Source(id: "s1", title: Self.awkward, publisher: "Daily", authors: list("A", "B"),
                                        published: "2021-01-10", updated: some("2021-01-11"),
                                        source_url: some("https://example.org/a/b"), kind: "news", notes: some("n"),
                                        url: "/sources/s1/")
        #expect(Self.written("sources", [source]) == (try Self.encoded("sources", [source])))

        // Role names that sort differently by case, by digit run and by byte: JSONEncoder's order is the reference.
        let roles: [(name: String, parties: [String])] = full
            ? [("plaintiff", ["p1"]), ("Defendant", ["p2", "p3"]), ("amicus10", []), ("amicus9", ["p4"]),
               ("_other", ["p5"]), ("équipe", ["p6"]), ("defendant", ["p7"])]
            : []
        let legalCase = DataRecords.Case(id: "c1", title: Self.awkward, short_title: some("Short"), court: some("W.D. Wash."),
                                         docket: some("2:21-cv-31"), filed: some("2021-01-11"), closed: some("2021-03-02"),
                                         status: "closed", parties: DataRecords.PartiesByRole(roles), claims: list("Antitrust"),
                                         sources: list("s1"), description: some(Self.awkward), url: "/cases/c1/")
        #expect(Self.written("cases", [legalCase]) == (try Self.encoded("cases", [legalCase])))
    }
}
