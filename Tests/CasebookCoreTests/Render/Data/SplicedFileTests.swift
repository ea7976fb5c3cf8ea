import Foundation
import Testing
@testable import CasebookCore

@Suite struct SplicedFileTests {
    /// A file of `pieces` between a head and a tail, laid out as the data files lay theirs out.
    static func file(_ pieces: [String]) -> SplicedFile {
        var bytes = Array("head[".utf8), starts: [Int] = []
        for piece in pieces {
            starts.append(bytes.count)
            bytes += piece.utf8
        }
        starts.append(bytes.count)
        return SplicedFile(path: "x", bytes: bytes + Array("]tail".utf8), starts: starts)
    }

    /// Pieces replaced by longer, shorter and empty ones, the first and the last among them, and then replaced again
    /// from the spliced file's own starts: each time the same bytes and starts as the file written whole.
    @Test func splicingEqualsWritingWhole() {
        var pieces = ["a", "bb", "ccc", "", "eeee", "f"]
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
            spliced = spliced.replacing(replacements)
            let whole = Self.file(pieces)
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

    /// An item number beyond the file's is ignored rather than written past its pieces.
    @Test func anItemTheFileDoesNotHoldIsIgnored() {
        let file = Self.file(["a", "b"])
        #expect(file.replacing([2: Array("z".utf8), -1: Array("y".utf8)]).bytes == file.bytes)
    }
}
