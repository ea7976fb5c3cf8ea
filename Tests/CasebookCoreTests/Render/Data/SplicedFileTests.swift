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

    /// An item number beyond the file's is ignored rather than written past its pieces.
    @Test func anItemTheFileDoesNotHoldIsIgnored() {
        let file = Self.file(["a", "b"])
        #expect(file.replacing([2: Array("z".utf8), -1: Array("y".utf8)]).bytes == file.bytes)
    }
}
