import Foundation
import Testing
@testable import CasebookCore

/// The file behind the card cache and the Markdown memo: a build that adds a few entries appends them, one that no
/// longer uses a quarter of the file rewrites it, and every entry reads back as written.
@Suite struct DigestCacheTests {
    func digest(_ number: Int) -> PageDigest { PageDigest.of("entry \(number)") }

    @Test func fewNewEntriesAreAppendedAndManyUnusedOnesRewriteTheFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.bin").path
        func open() -> DigestCache { DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false) }
        func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

        let first = open()
        for number in 0..<8 { first.add("text \(number)", for: digest(number)) }
        first.finishBuild()
        let written = try bytes()

        // Seven of eight used and one added: appended, the file's first bytes stay as they were.
        let second = open()
        for number in 0..<7 { #expect(second.text(for: digest(number)) == "text \(number)") }
        #expect(second.text(for: digest(8)) == nil)
        second.add("text 8 — ünïcode", for: digest(8))
        second.finishBuild()
        let appended = try bytes()
        #expect(appended.count > written.count && appended.prefix(written.count) == written)

        // Every entry reads back, the unused one too; then four of nine used is under three quarters: rewritten.
        let third = open()
        #expect(third.text(for: digest(8)) == "text 8 — ünïcode" && third.text(for: digest(7)) == "text 7")
        for number in 0..<2 { _ = third.text(for: digest(number)) }
        third.finishBuild()
        #expect(try bytes().count < written.count)
        let fourth = open()
        #expect((0..<9).map { fourth.text(for: digest($0)) != nil } == [true, true, false, false, false, false, false, true, true])
        // Nothing added and nothing dropped: the file is left alone.
        let before = try bytes()
        fourth.finishBuild()
        #expect(try bytes() == before)
    }

    @Test func aDamagedTailEmptiesTheCache() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.bin").path
        let cache = DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false)
        cache.add("text", for: digest(1))
        cache.finishBuild()
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(digest(2)) 100\ncut short".utf8))
        try handle.close()
        #expect(DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false).text(for: digest(1)) == nil)
    }

    /// The table finds each entry the file was written with (an empty text and one not in ASCII too) and those
    /// appended after it; an entry whose line is not the one the table points at is not found, the others still are.
    @Test func theTableFindsWrittenAndAppendedEntriesButNoMisplacedOne() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.bin").path
        func open() -> DigestCache { DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false) }
        func text(_ number: Int) -> String { number == 0 ? "" : number == 1 ? "ünï — \(number)" : "text \(number)\n" }

        let first = open()
        for number in 0..<8 { first.add(text(number), for: digest(number)) }
        first.finishBuild()
        let second = open()
        #expect(second.text(for: digest(3)) == text(3))
        second.add(text(8), for: digest(8))
        second.finishBuild(keepingUnused: true)
        let third = open()
        #expect((0..<10).map { third.text(for: digest($0)) } == (0..<9).map(text) + [nil])

        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let line = try #require(bytes.range(of: Data("\(digest(3)) ".utf8)))
        bytes[line.lowerBound + 31] = bytes[line.lowerBound + 31] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        try bytes.write(to: URL(fileURLWithPath: path))
        let fourth = open()
        #expect((0..<9).map { fourth.text(for: digest($0)) } == (0..<9).map { $0 == 3 ? nil : text($0) })
    }

    /// Appended entries past what the table keeps (`appendedKept`) go into a new table with the next that are added.
    @Test func manyAppendedEntriesAreWrittenIntoANewTable() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.bin").path
        func open() -> DigestCache { DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false) }
        func tableCount() throws -> Int? {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).prefix(40), as: UTF8.self)
            return text.split(separator: "\n").dropFirst().first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) }
        }
        func build(adding numbers: Range<Int>) {
            let cache = open()
            for number in numbers { cache.add("text \(number)", for: digest(number)) }
            cache.finishBuild(keepingUnused: true)
        }
        build(adding: 0..<2)
        #expect(try tableCount() == 2)
        let kept = DigestCache.appendedKept(2)
        build(adding: 2..<(2 + kept))
        #expect(try tableCount() == 2, "appended")
        build(adding: (2 + kept)..<(3 + kept))
        #expect(try tableCount() == 3 + kept, "written again with a table of all")
        let cache = open()
        #expect((0..<(3 + kept)).allSatisfy { cache.text(for: digest($0)) == "text \($0)" })
    }

    /// A table whose keys are out of order (damaged) is searched without a crash, and what it finds is still only an
    /// entry whose own line names the digest.
    @Test func aDamagedTableFindsNoWrongText() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cache.bin").path
        func open() -> DigestCache { DigestCache(file: path, header: "test-cache 1\n", ignoringPrevious: false) }
        let first = open()
        for number in 0..<300 { first.add("text \(number)", for: digest(number)) }
        first.finishBuild()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let tableStart = try #require(bytes.firstIndex(of: 0x0A, after: "test-cache 1\n".utf8.count)) + 1
        for offset in stride(from: tableStart, to: tableStart + 32 * 40, by: 32) { bytes.replaceSubrange(offset..<(offset + 8), with: [UInt8](repeating: 0xFF, count: 8)) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = open()
        let found = (0..<300).map { damaged.text(for: digest($0)) }
        #expect(zip(0..<300, found).allSatisfy { $1 == nil || $1 == "text \($0)" })
        #expect(found.compactMap { $0 }.count >= 200)
    }
}

private extension Data {
    func firstIndex(of byte: UInt8, after offset: Int) -> Int? {
        self[(startIndex + offset)...].firstIndex(of: byte)
    }
}
