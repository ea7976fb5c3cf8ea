import Foundation
import Testing
@testable import CasebookCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct OpenedFileTests {
    static let bytes: [UInt8] = (0..<200_000).map { (number: Int) -> UInt8 in UInt8(truncatingIfNeeded: number &* 7 &+ number >> 9) }

    /// A file of `bytes` in a new folder, opened.
    static func opened(in folder: URL) throws -> OpenedFile {
        let path = folder.appendingPathComponent("source").path
        try SiteWriter.writeFile(bytes, to: path)
        return try #require(OpenedFile(path: path))
    }

    /// The bytes read through the mapping are the file's; a range copied to a file being written lands at its
    /// position, after what was written before, and moves it on (on Linux, where the kernel copies it; elsewhere it
    /// copies nothing and the caller writes the range).
    @Test func aRangeIsCopiedWhereTheTargetStands() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.opened(in: folder)
        #expect([UInt8](file.bytes) == Self.bytes)
        let target = folder.appendingPathComponent("target").path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        try #require(descriptor >= 0)
        let head = Array("head".utf8)
        #expect(head.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == head.count)
        let first = file.copy(70_000..<150_000, to: descriptor), second = file.copy(3..<9, to: descriptor)
        close(descriptor)
        let written = try #require(FileManager.default.contents(atPath: target))
        #if os(Linux)
        let expected: [UInt8] = head + Self.bytes[70_000..<150_000] + Self.bytes[3..<9]
        #expect(first == 80_000 && second == 6)
        #expect([UInt8](written) == expected)
        #else
        #expect(first == 0 && second == 0)
        #expect([UInt8](written) == head)
        #endif
    }

    /// What the kernel does not copy (into a pipe it copies nothing) the writer writes from the mapping: a spliced
    /// file's pieces come out in order either way.
    @Test func aSpliceTheKernelCannotCopyIsWrittenFromTheMapping() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.opened(in: folder)
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let pieces: [OutputFile.Piece] = [.made(Array("new".utf8)), .kept(10..<2_000), .made([]), .kept(5_000..<6_000), .made([1])]
        #expect(SiteWriter.writeSplice(file, pieces, to: ends[1]) == 0)
        close(ends[1])
        let read = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true).readDataToEndOfFile()
        let expected: [UInt8] = Array("new".utf8) + Self.bytes[10..<2_000] + Self.bytes[5_000..<6_000] + [1]
        #expect([UInt8](read) == expected)
    }

    /// A link to a file, a folder or a missing file is not opened; an empty file is, with no bytes.
    @Test func onlyARegularFileIsOpened() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.opened(in: folder)
        let link = folder.appendingPathComponent("link").path, empty = folder.appendingPathComponent("empty").path
        try #require(symlink(folder.appendingPathComponent("source").path, link) == 0)
        try SiteWriter.writeFile([UInt8](), to: empty)
        #expect(OpenedFile(path: link) == nil)
        #expect(OpenedFile(path: folder.path) == nil)
        #expect(OpenedFile(path: folder.appendingPathComponent("missing").path) == nil)
        #expect(OpenedFile(path: empty)?.bytes.isEmpty == true)
    }
}
