import Foundation
import Testing
@testable import CasebookCore

@Suite struct SplicedFileTests {
    /// A file of `pieces` between a head and a tail, laid out as the data files lay theirs out.
    static func file(_ pieces: [String], head: String = "head[") -> SplicedFile {
        var bytes = Array(head.utf8), starts: [Int] = []
        for piece in pieces {
            starts.append(bytes.count)
            bytes += piece.utf8
        }
        starts.append(bytes.count)
        return SplicedFile(path: "x", bytes: bytes + Array("]tail".utf8), starts: starts)
    }

    /// Pieces replaced by longer, shorter and empty ones, the first and the last among them, now and then with the
    /// head, and then replaced again from the spliced file's own starts: each time the same bytes and starts as the
    /// file written whole.
    @Test func splicingEqualsWritingWhole() {
        var pieces = ["a", "bb", "ccc", "", "eeee", "f"], head = "head["
        var spliced = Self.file(pieces)
        var random = SeededGenerator(seed: 11)
        for round in 0..<200 {
            var replacements: [Int: [UInt8]] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let item = Int.random(in: 0..<pieces.count, using: &random)
                let piece = String(repeating: Character(String(round % 10)), count: Int.random(in: 0...6, using: &random))
                replacements[item] = Array(piece.utf8)
                pieces[item] = piece
            }
            let newHead = round % 3 == 0 ? String(repeating: "h", count: Int.random(in: 0...8, using: &random)) : nil
            head = newHead ?? head
            spliced = spliced.replacing(replacements, head: newHead.map { Array($0.utf8) })
            let whole = Self.file(pieces, head: head)
            #expect(spliced.bytes == whole.bytes, "round \(round)")
            #expect(spliced.starts == whole.starts, "round \(round)")
        }
    }

    /// A file in an output is read back by its layout only while it holds the bytes the layout was taken of, and
    /// only with starts that fit in them.
    @Test func aFileIsReadBackOnlyAsWritten() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = Self.file(["a", "bb", "ccc"])
        let file = SplicedFile(path: "data.json", bytes: written.bytes, starts: written.starts)
        try Data(file.bytes).write(to: folder.appendingPathComponent("data.json"))
        let layout = file.layout
        #expect(SplicedFile(layout, in: folder.path)?.bytes == file.bytes)
        for starts in [[5, 4, 9, 12], [5, 6, 8, 99], [-1, 6, 8, 11], []] {
            #expect(SplicedFile(SplicedFile.Layout(path: layout.path, starts: starts, digest: layout.digest), in: folder.path) == nil, "\(starts)")
        }
        try Data(Self.file(["a", "bB", "ccc"]).bytes).write(to: folder.appendingPathComponent("data.json"))
        #expect(SplicedFile(layout, in: folder.path) == nil, "a byte changed")
    }

    /// A file read back from an output is spliced in slices of its bytes, to be written once (`casebook build`): it
    /// holds the bytes of the same splice made whole, in more than one piece, with the same layout, so the next build
    /// reads the written file back by it. The pieces are longer than the blocks the layout's digest is taken in, so
    /// the splice cuts inside and across them.
    @Test func aFileSplicedToWriteOnceIsTheSameFile() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SeededGenerator(seed: 5)
        let pieces = (0..<40).map { String(repeating: Character(String($0 % 10)), count: Int.random(in: 0...9000, using: &random)) }
        let whole = Self.file(pieces)
        let path = folder.appendingPathComponent(whole.path).path
        try Data(whole.bytes).write(to: URL(fileURLWithPath: path))
        let read = try #require(SplicedFile(whole.layout, in: folder.path))
        let replacements: [Int: [UInt8]] = [0: Array("first".utf8), 7: Array(repeating: 65, count: 70_000), 39: []]
        let head = Array("a longer head[".utf8)
        let once = read.replacing(replacements, head: head), kept = whole.replacing(replacements, head: head)
        func pieceCount(_ file: OutputFile) -> Int {
            var count = 0
            file.forEachPiece { _ in
                count += 1
                return true
            }
            return count
        }
        #expect(pieceCount(once.file) == 8)
        #expect(kept.bytes.starts(with: head) && kept.starts[0] == head.count)
        #expect(pieceCount(kept.file) == 1)
        #expect(once.bytes == kept.bytes)
        #expect(once.layout == kept.layout)
        // The digest of a splice is the old one with the replaced parts' terms replaced: the digest of the bytes.
        let both = read.replacing(replacements, head: head, tail: Array("]\n".utf8)), again = both.replacing([3: [], 4: [66]])
        for file in [once, both, again] {
            #expect(file.layout == SplicedFile(path: file.path, bytes: file.bytes, starts: file.starts).layout)
        }

        try FileManager.default.removeItem(atPath: path)
        try SiteWriter.writeFile(once.file, to: path)
        #expect(FileManager.default.contents(atPath: path) == Data(kept.bytes))
        #expect(SiteWriter.holds(path, once.file))
        #expect(!SiteWriter.holds(path, whole.file))
        #expect(SplicedFile(once.layout, in: folder.path)?.bytes == kept.bytes)
    }

    /// An item number beyond the file's is ignored rather than written past its pieces.
    @Test func anItemTheFileDoesNotHoldIsIgnored() {
        let file = Self.file(["a", "b"])
        #expect(file.replacing([2: Array("z".utf8), -1: Array("y".utf8)]).bytes == file.bytes)
    }
}
