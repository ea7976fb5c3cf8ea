import Foundation
import Testing
import Yams
@testable import CasebookCore

@Suite struct YAMLListPiecesTests {
    /// A list whose items use block scalars, multi-line quoted and plain scalars, flow lists, comments and
    /// blank lines: everything that spans lines inside an item.
    static func events(_ count: Int) -> String {
        (0..<count).map { index in
            switch index % 4 {
            case 0: return "- id: e\(index)\n  date: 2021-01-\(index % 19 + 10)\n  title: \"Quoted\n    over two lines \(index)\"\n  parties: [aws,\n    parler]\n  sources: [news]\n"
            case 1: return "# a comment\n- id: e\(index)\n  date: 2021-02-01\n  title: Plain text that\n    continues \(index)\n  summary: |\n    Block text.\n\n    - not an item, indented\n  sources: [news]\n\n"
            case 2: return "-   id: e\(index)\n    date: 2021\n    title: >\n      Folded \(index)\n    sources:\n      - news\n"
            default: return "- {id: e\(index), date: 2021-03-03, title: Flow \(index), sources: [news]}\n"
            }
        }.joined()
    }

    /// Every item, and every line number inside it, is what parsing the whole file gives.
    @Test func piecesMatchTheWholeFileItemByItemAndLineByLine() throws {
        let text = Self.events(400)
        let pieces = try #require(YAMLListPieces.parse(text, pieceSize: 500))
        let whole = try #require(try YAMLDocument.compose(text)?.sequence)
        #expect(pieces.count == whole.count)
        #expect(Set(pieces.map(\.lineOffset)).count > 10, "the file was cut in many pieces")
        for (piece, expected) in zip(pieces, whole) {
            #expect(piece.node == expected)
            #expect(piece.node.mark.map { $0.line + piece.lineOffset } == expected.mark?.line)
            #expect(piece.node["title"]?.mark.map { ($0.line + piece.lineOffset, $0.column) } ?? (0, 0) == expected["title"]?.mark.map { ($0.line, $0.column) } ?? (1, 1))
        }
    }

    /// Lists that cannot be cut safely are left to the whole-file parse. A piece size of 1 cuts before every
    /// top-level item.
    @Test func refusesWhatPiecesCouldChange() {
        let big = Self.events(400)
        func pieces(_ text: String, pieceSize: Int = 1) -> Int? { YAMLListPieces.parse(text, pieceSize: pieceSize)?.count }
        #expect(pieces(Self.events(3), pieceSize: 2_000) == nil, "small file")
        #expect(pieces("- &first {id: a}\n" + big + "- *first\n") == nil, "alias into another piece")
        #expect(pieces(big + "...\n" + big) == nil, "document end")
        #expect(pieces(big + "---\n" + big) == nil, "second document")
        #expect(pieces("events:\n" + big) == nil, "a mapping, not a list")
        #expect(pieces(big + "- id: x\n  title: \"open\n- quote\"\n" + big) == nil, "quote across a cut")
        #expect(pieces(big + "- id: x\n  parties: [a,\n- b]\n" + big) == nil, "flow list across a cut")
        #expect(pieces("---\n" + big) == 400, "a document marker on the first line is fine")
        #expect(pieces(big) == 400)
    }

    /// Cuts are chosen by the text: changing one item without adding lines leaves every other piece as it
    /// was (what lets `casebook serve` reuse them), while a line added above moves the pieces below it.
    @Test func anEditThatKeepsTheLineCountChangesOnlyItsOwnPiece() throws {
        let text = Self.events(2_000)
        let before = try #require(YAMLListPieces.pieces(of: text, pieceSize: 2_000))
        let after = try #require(YAMLListPieces.pieces(of: text.replacingOccurrences(of: "Folded 1002\n", with: "Folded 1002, a longer title\n"),
                                                       pieceSize: 2_000))
        #expect(before.count > 20)
        #expect(before.map(\.lineOffset) == after.map(\.lineOffset))
        #expect(zip(before, after).filter { $0.text != $1.text }.count == 1)
        let shifted = try #require(YAMLListPieces.pieces(of: "# a new first line\n" + text, pieceSize: 2_000))
        #expect(shifted.dropFirst().map(\.lineOffset) == before.dropFirst().map { $0.lineOffset + 1 })
    }

    /// Through the loader: a mistake deep in a big timeline file is reported at its line, and the events are
    /// the ones the whole file holds.
    @Test func bigTimelineFileLoadsWithExactLocations() throws {
        var text = Self.events(6_000)
        #expect(text.utf8.count > YAMLListPieces.defaultPieceSize * 2)
        text += "- id: late\n  date: 2021-05-05\n  title: Late\n  sources: [news]\n  colour: red\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let files = Fixtures.site(adding: ["Content/timeline/all.yml": text])
        let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load()
        #expect(content.events.count == 6_001)
        #expect(content.events.map(\.id).prefix(3) == ["e0", "e1", "e2"])
        #expect(diagnostics.sorted.map(\.description) == ["Content/timeline/all.yml:\(line):3: warning: unknown field 'colour'"])
    }

    /// A big file saved with CR LF line ends and a byte-order mark, as some Windows editors save, is cut in pieces
    /// too and loads to the same events and diagnostics, at the same lines, as the plain file; a byte that is not
    /// UTF-8 in one piece is still reported.
    @Test func crLineEndsAndByteOrderMarkLoadInPiecesLikePlainText() throws {
        let text = Self.events(6_000) + "- id: late\n  date: 2021-05-05\n  title: Late\n  sources: [news]\n  colour: red\n"
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try #require(YAMLListPieces.pieces(of: windows)).count > 2)
        func load(_ timeline: Data) throws -> (events: [TimelineEvent], diagnostics: [String]) {
            var files = Fixtures.site(adding: [:]).mapValues { Data($0.utf8) }
            files["Content/timeline/all.yml"] = timeline
            let (content, diagnostics) = try ContentLoader(fileSystem: InMemoryFileSystem(data: files), root: "Content").load()
            return (content.events, diagnostics.sorted.map(\.description))
        }
        let plain = try load(Data(text.utf8)), crlf = try load(windows)
        #expect(plain.events.count == 6_001)
        #expect(crlf.events == plain.events)
        #expect(crlf.diagnostics == plain.diagnostics && plain.diagnostics.count == 1)
        var broken = Data(text.utf8)
        broken.insert(0xFF, at: broken.count - 10)
        #expect(try load(broken).diagnostics.contains { $0.hasSuffix("error: file is not valid UTF-8") })
    }
}

extension YAMLListPieces {
    /// Every item of the list with its piece's line offset, or nil when the file is not cut or a piece does not
    /// parse alone: what the loader reads, piece by piece.
    static func parse(_ text: String, pieceSize: Int) -> [(node: Node, lineOffset: Int)]? {
        guard let pieces = pieces(of: text, pieceSize: pieceSize) else { return nil }
        var result: [(node: Node, lineOffset: Int)] = []
        for piece in pieces {
            guard let items = items(of: piece) else { return nil }
            result += items.map { ($0, piece.lineOffset) }
        }
        return result
    }
}
