import Foundation
import Yams

/// A big top-level YAML list parsed in pieces on all cores. Yams composes on one core, and half of that
/// time is its duplicate-key check, so a tracker's 11 MB timeline file took two seconds of every build.
/// The list is cut only before a line that starts a top-level item (`- ` at column 0), which no scalar,
/// block or flow collection of an item can contain; a piece that does not parse on its own (an alias to
/// an anchor in another piece, a quote left open) sends the caller back to parsing the whole file, so
/// diagnostics and results never depend on the cutting.
///
/// Where to cut is decided by the text (an item line whose hash ends in three zero bits, once a piece is
/// `pieceSize` long), not by byte counts alone: an edit that keeps the file's line count leaves every other
/// piece as it was, and `casebook serve` reuses their loaded items (`LoadMemory`).
enum YAMLListPieces {
    /// Files smaller than this are parsed whole. Pieces this small keep what a preview parses again after an edit
    /// (the edited piece) near 3 ms; with 256 KB pieces it was about 10 ms, and a cold load was no faster.
    static let defaultPieceSize = 64 * 1024

    /// A run of whole items of the file, kept as the file's bytes: only a piece that is not known already is
    /// checked to be UTF-8 and parsed (checking all 11 MB of a big timeline took 7 ms of every preview rebuild).
    struct Piece: Sendable {
        /// The whole file, shared by its pieces.
        let file: Data
        /// The piece's bytes in `file`, from its start.
        let range: Range<Int>
        /// Lines of the file above the piece.
        let lineOffset: Int

        func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
            file.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }

        /// The piece's text; nil when it is not valid UTF-8.
        var text: String? {
            withBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        }
    }

    /// The file cut into pieces, or nil when it is small or holds a line that would change meaning across pieces.
    /// As in `TextFile`, a leading byte-order mark is left out and CR LF line ends are read as LF.
    static func pieces(of bytes: Data, pieceSize: Int = defaultPieceSize) -> [Piece]? {
        let file = bytes.withUnsafeBytes(TextFile.hasCarriageReturn) ? TextFile.withoutCarriageReturns(bytes) : bytes
        let found = file.withUnsafeBytes { raw -> (skip: Int, cuts: [(offset: Int, lines: Int)])? in
            let skip = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return cuts(in: UnsafeRawBufferPointer(rebasing: raw[skip...]).bindMemory(to: UInt8.self), pieceSize: pieceSize)
                .map { (skip, $0) }
        }
        guard let (skip, starts) = found else { return nil }
        let bounds = starts.map { $0.offset + skip } + [file.count]
        return starts.indices.map { Piece(file: file, range: bounds[$0]..<bounds[$0 + 1], lineOffset: starts[$0].lines) }
    }

    /// `text` cut into pieces (see the other `pieces`).
    static func pieces(of text: String, pieceSize: Int = defaultPieceSize) -> [Piece]? {
        pieces(of: Data(text.utf8), pieceSize: pieceSize)
    }

    /// The piece's items (lines counted from the piece's top), or nil when it is not UTF-8 or does not parse alone
    /// as a list.
    static func items(of piece: Piece) -> [Node]? {
        guard let text = piece.text, case .sequence(let items)? = try? YAMLDocument.compose(text) else { return nil }
        return Array(items)
    }

    /// Byte offsets where pieces start, with the number of lines before each; nil when the file is too small
    /// to cut or holds a line that would change meaning across pieces (`---` below the first line, `...`,
    /// `%` directives).
    private static func cuts(in bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> [(offset: Int, lines: Int)]? {
        guard bytes.count > pieceSize, let base = bytes.baseAddress else { return nil }
        var cuts: [(offset: Int, lines: Int)] = [(0, 0)]
        var lines = 0
        var lineStart = 0
        var seenItem = false
        while lineStart < bytes.count {
            let first = bytes[lineStart]
            if first == UInt8(ascii: "%") || startsWith(bytes, at: lineStart, "...")
                || (lineStart > 0 && startsWith(bytes, at: lineStart, "---")) {
                return nil
            }
            let next = lineStart + 1 < bytes.count ? bytes[lineStart + 1] : UInt8(ascii: "\n")
            if first == UInt8(ascii: "-"), next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") {
                // The first piece keeps everything up to the second item: a piece is always a list. Twice the
                // piece size cuts anyway, for lists whose item lines all look alike.
                let size = lineStart - cuts[cuts.count - 1].offset
                if seenItem, size >= pieceSize, size >= 2 * pieceSize || isBoundary(bytes, at: lineStart) {
                    cuts.append((lineStart, lines))
                }
                seenItem = true
            }
            // The line's end by `memchr`: a byte-by-byte scan of an 11 MB timeline took 5 ms of every load.
            let end = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
            lines += 1
            lineStart = end.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) + 1 } ?? bytes.count
        }
        return cuts.count > 1 ? cuts : nil
    }

    /// One item line in eight, chosen by its text (FNV-1a of up to its first 64 bytes).
    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var index = offset
        while index < bytes.count, index < offset + 64, bytes[index] != UInt8(ascii: "\n") {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
            index += 1
        }
        return (hash >> 40) & 7 == 0
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ prefix: StaticString) -> Bool {
        guard offset + prefix.utf8CodeUnitCount <= bytes.count else { return false }
        return (0..<prefix.utf8CodeUnitCount).allSatisfy { bytes[offset + $0] == prefix.utf8Start[$0] }
    }
}
