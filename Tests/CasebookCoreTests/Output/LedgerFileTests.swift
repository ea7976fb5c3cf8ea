import Foundation
import Testing
@testable import CasebookCore

/// The page ledger on disk reads back as saved, and a damaged or foreign file reads as none (the build then
/// digests every page) rather than as a wrong ledger.
@Suite struct LedgerFileTests {
    static func stored() -> LedgerFile.Stored {
        let digest = { (n: UInt64) in PageDigest(high: n, low: ~n) }
        let entries: [PageLedger.Entry?] = [
            PageLedger.Entry(pages: [PageLedger.Page(path: "index.html", digest: digest(1))], events: [0, 1, 70_000], quotes: [],
                             documents: [ReadLog.document(.party, 4), ReadLog.document(.source, 70_000)]),
            nil,
            PageLedger.Entry(pages: [], events: [], quotes: [3], documents: []),
            PageLedger.Entry(pages: [PageLedger.Page(path: "events/é/index.html", digest: digest(2)),
                                     PageLedger.Page(path: "events/é/data.json", digest: digest(3))], events: [2], quotes: [0, 5],
                             documents: [ReadLog.document(.legalCase, 0)]),
        ]
        let shape = ContentShape(structure: digest(4), frame: digest(14), links: digest(15), eventWording: [digest(5), digest(6), digest(7)],
                                 quoteWording: [digest(8)], documentWording: [digest(12), digest(13)])
        let places = PlacedItems(events: [digest(16), digest(17), digest(18)], quotes: [digest(19)], chrome: digest(20))
        let data = [SplicedFile.Layout(path: "data/timeline.json", starts: [16, 400, 70_000], digest: digest(10)),
                    SplicedFile.Layout(path: "timeline.ics", starts: [9], digest: digest(11))]
        return LedgerFile.Stored(stamp: "stamp-1", inputs: digest(9), shape: shape, ledger: PageLedger(entries: entries), data: data,
                                 places: places)
    }

    static func describe(_ stored: LedgerFile.Stored?) -> [String] {
        guard let stored else { return ["none"] }
        var lines = [stored.stamp, stored.inputs.description, "\(stored.shape)"]
        stored.ledger.forEachEntry { entry in
            lines.append(entry.map {
                "\(Array($0.pages)) events \(Array($0.events)) quotes \(Array($0.quotes)) documents \(Array($0.documents))"
            } ?? "runs again")
        }
        return lines + stored.data.map { "\($0)" } + ["\(String(describing: stored.places))"]
    }

    @Test func readsBackAsSaved() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = LedgerFile(folder: folder.path, output: "/srv/site")
        #expect(file.read() == nil)
        file.save(Self.stored())
        #expect(Self.describe(file.read()) == Self.describe(Self.stored()))
        #expect(LedgerFile(folder: folder.path, output: "/srv/other").read() == nil)
        file.remove()
        #expect(file.read() == nil)
    }

    /// A ledger read back and saved after some of its jobs ran again writes the others' records as the file held them:
    /// byte for byte what a ledger made from the same records writes.
    @Test func recordsOfJobsNotRunAgainAreWrittenBackAsRead() throws {
        let folder = Fixtures.temporaryFolder(), reference = Fixtures.temporaryFolder()
        defer { for url in [folder, reference] { try? FileManager.default.removeItem(at: url) } }
        let file = LedgerFile(folder: folder.path, output: "/srv/site"), made = LedgerFile(folder: reference.path, output: "/srv/site")
        file.save(Self.stored())
        // Kept records before, between and after those made again; then the others.
        for again in [[1, 2], [0, 3]] {
            let read = try #require(file.read())
            let jobs = again.map { PageLedgerTests.job("again-\($0).html", events: [$0, 7], digest: UInt64(100 + $0)) }
            _ = read.ledger.recording(jobs, numbers: again).map { $0() }
            file.save(read)
            var entries: [PageLedger.Entry?] = []
            read.ledger.forEachEntry { entries.append($0) }
            made.save(LedgerFile.Stored(stamp: read.stamp, inputs: read.inputs, shape: read.shape, ledger: PageLedger(entries: entries),
                                        data: read.data, places: read.places))
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(contentsOf: URL(fileURLWithPath: made.path)))
            #expect(Self.describe(file.read()).filter { $0.contains("again-") }.count == (again == [1, 2] ? 2 : 4))
        }
    }

    @Test func aDamagedFileReadsAsNone() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = LedgerFile(folder: folder.path, output: "/srv/site")
        file.save(Self.stored())
        let whole = try Data(contentsOf: URL(fileURLWithPath: file.path))
        for cut in [whole.count - 1, whole.count / 2] {
            try whole.prefix(cut).write(to: URL(fileURLWithPath: file.path))
            #expect(file.read() == nil, "cut at \(cut) of \(whole.count) bytes")
        }
        try (whole + Data([0])).write(to: URL(fileURLWithPath: file.path))
        #expect(file.read() == nil, "a byte too many")
    }
}
