import Foundation
import Testing
@testable import CasebookCore

/// After events' or quotes' dates or times change, and nothing else, a build makes only the pages that read an item
/// where the items moved (`MovedItems`): a long-lived process by its last graph, a `casebook build` by the page ledger
/// and places the last one left on disk. Either site must come out as a fresh build's, on a tracker whose timeline and
/// quote index run over several pages, each labelled by its first and last items' dates.
@Suite struct BuildPipelineMovedItemsTests {
    typealias Mode = BuildPipelinePatchTests.Mode
    typealias Session = BuildPipelinePatchTests.Session

    /// The tracker with four items a page (six timeline pages) and a host (so a sitemap), built.
    static func session(_ mode: Mode) throws -> Session {
        var session = try Session(of: "Content", mode: mode)
        let config = session.content.appendingPathComponent("site.yml")
        try (String(contentsOf: config, encoding: .utf8) + "paginate_by: 4\nbase_url: https://example.org/parler/\n")
            .write(to: config, atomically: true, encoding: .utf8)
        try session.rebuildEqualsAFreshBuild(patched: false, "paginated")
        return session
    }

    /// Every other event's and quote's date changed in turn, on top of the changes before: to another day, month or
    /// precision, or to the year alone. Each build equals a fresh one; most are patched.
    @Test(arguments: Mode.allCases)
    func eachDateChangedInTurnEqualsAFreshBuild(mode: Mode) throws {
        var session = try Self.session(mode)
        defer { session.remove() }
        let dates = ["2021-01-07", "2021-03-03", "2021", "2021-02-14", "2021-01", "2021-01-11"]
        let events = try Self.dateLines(in: session.content), quotes = try Self.dateLines(in: session.content, of: "quotes")
        #expect(events.count >= 20 && quotes.count >= 20)
        // Events and quotes in turn.
        let lines = zip(events, quotes).flatMap { [$0, $1] }
        var patched = 0, steps = 0
        for (number, (file, line)) in lines.enumerated() where number % 4 < 2 {
            let old = try Self.line(line, of: file)
            let date = dates[steps % dates.count] == old.dropFirst(8) ? "2021-02" : dates[steps % dates.count]
            try Self.replace(line: line, in: file, with: "  date: " + date)
            let rebuilt = try session.rebuildEqualsAFreshBuild(patched: nil, "\(file.lastPathComponent):\(line + 1) dated \(date)")
            if let made = rebuilt.pagesPatched {
                patched += 1
                #expect(made < rebuilt.pageCount, "\(file.lastPathComponent):\(line + 1): \(made) of \(rebuilt.pageCount) pages")
            }
            steps += 1
        }
        #expect(patched * 3 >= steps * 2, "\(patched) of \(steps) date changes patched")
    }

    /// One event moved a day on within its month: fewer than half the site's pages are made again. A long-lived
    /// process rearranges the downloads from the last build's pieces (the sitemap among them, kept); a `casebook build`
    /// splices the moved stretch's pieces into the output's.
    @Test(arguments: Mode.allCases)
    func aDayLaterMakesAFewPages(mode: Mode) throws {
        var session = try Self.session(mode)
        defer { session.remove() }
        let (file, line) = try #require(Self.dateLines(in: session.content).first)
        try Self.replace(line: line, in: file, with: "  date: 2021-01-08")
        let rebuilt = try session.rebuildEqualsAFreshBuild(patched: true, "moved a day", spliced: mode == .writing)
        #expect(rebuilt.files.contains { $0.path == "sitemap.xml" } || mode != .inMemory)
    }

    /// Dates changed while `casebook build --watch` runs, then by a `casebook build` after it stopped, then before and
    /// while it runs again: each build is patched, by the last build in memory or by the ledger on disk.
    @Test func aDateEditIsPatchedByWhicheverProcessBuilds() throws {
        var session = try Self.session(.watching)
        defer { session.remove() }
        let lines = try Self.dateLines(in: session.content)
        for (step, date) in ["2021-01-08", "2021-01-09", "2021-01-10", "2021-01-11"].enumerated() {
            switch step {
            case 1:
                session.options.memory?.waitForSaves()
                session.options.memory = nil
            case 2: session.options.memory = BuildMemory(watchingOutput: true)
            default: break
            }
            let (file, line) = lines[step]
            try Self.replace(line: line, in: file, with: "  date: " + date)
            try session.rebuildEqualsAFreshBuild(patched: true, "step \(step): dated \(date)", spliced: step == 1)
        }
    }

    /// Two events' dates swapped, and a time changed, before one build; then every change undone.
    @Test(arguments: Mode.allCases)
    func changesSavedTogetherAndUndoneEqualAFreshBuild(mode: Mode) throws {
        var session = try Self.session(mode)
        defer { session.remove() }
        let lines = try Self.dateLines(in: session.content)
        let originals = try lines.map { file, _ in (file, try String(contentsOf: file, encoding: .utf8)) }
        let (firstFile, first) = lines[1], (lastFile, last) = lines[lines.count - 3]
        let firstDate = try Self.line(first, of: firstFile), lastDate = try Self.line(last, of: lastFile)
        try Self.replace(line: first, in: firstFile, with: lastDate)
        try Self.replace(line: last, in: lastFile, with: firstDate)
        let timeFile = session.content.appendingPathComponent("timeline/2021-01.yml")
        let timed = try #require(try String(contentsOf: timeFile, encoding: .utf8).components(separatedBy: "\n").firstIndex { $0.hasPrefix("  time: ") })
        try Self.replace(line: timed, in: timeFile, with: "  time: \"06:00\"")
        try session.rebuildEqualsAFreshBuild(patched: true, "swapped", spliced: mode == .writing, few: false)
        for (file, text) in originals { try text.write(to: file, atomically: true, encoding: .utf8) }
        try session.rebuildEqualsAFreshBuild(patched: true, "undone", spliced: mode == .writing, few: false)
    }

    /// In a `casebook build`, a move across a site's timeline, which reaches more than an eighth of its pages (and more
    /// than a few hundred), builds the site whole, as fast; a smaller move in the same site is patched.
    @Test func aMoveAcrossALargeTimelineBuildsWhole() throws {
        var session = try BuildPipelinePatchTests.Session(of: "Tests/Fixtures/minimal-site/Content", mode: .writing)
        defer { session.remove() }
        // An event a day through 2020, before the fixture's own (so the footer's latest date stays theirs).
        let start = try #require(Calendar(identifier: .gregorian).date(from: DateComponents(year: 2020, month: 1, day: 1)))
        let days = (0..<366).map { day in
            let date = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: start.addingTimeInterval(Double(day) * 86_400 + 43_200))
            return String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0)
        }
        let file = session.content.appendingPathComponent("timeline/2020.yml")
        func write(_ dates: [String]) throws {
            try dates.enumerated().map { "- id: day-\($0.offset)\n  date: \($0.element)\n  title: Day \($0.offset)\n  sources: [daily-news]\n" }
                .joined().write(to: file, atomically: true, encoding: .utf8)
        }
        try write(days)
        try session.rebuildEqualsAFreshBuild(patched: false, "366 events added")
        var moved = days
        moved[200] = days[201]
        try write(moved)
        try session.rebuildEqualsAFreshBuild(patched: true, "an event a day later")
        moved[0] = days[365]
        try write(moved)
        try session.rebuildEqualsAFreshBuild(patched: false, "the first event dated last", spliced: false)
    }

    /// Each `date:` line of the timeline's files (or the quotes'), in file order.
    static func dateLines(in content: URL, of folderName: String = "timeline") throws -> [(URL, Int)] {
        let folder = content.appendingPathComponent(folderName)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().flatMap { name in
            let file = folder.appendingPathComponent(name)
            return try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n").enumerated()
                .filter { $0.element.hasPrefix("  date: ") }.map { (file, $0.offset) }
        }
    }

    static func line(_ number: Int, of file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")[number]
    }

    static func replace(line number: Int, in file: URL, with text: String) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines[number] = text
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
