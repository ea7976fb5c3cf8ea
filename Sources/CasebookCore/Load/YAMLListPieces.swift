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
    /// Files smaller than this are parsed whole.
    static let defaultPieceSize = 256 * 1024

    struct Piece: Sendable {
        let text: String
        /// Lines of the file above the piece.
        let lineOffset: Int
    }

    /// The file cut into pieces, or nil when it is small or holds a line that would change meaning across pieces.
    /// Each piece's text is copied out of `text` as it is, not decoded again: decoding checked every byte of an
    /// 11 MB timeline on every build.
    static func pieces(of text: String, pieceSize: Int = defaultPieceSize) -> [Piece]? {
        var text = text
        guard let starts = text.withUTF8({ cuts(in: $0, pieceSize: pieceSize) }) else { return nil }
        let utf8 = text.utf8
        // Cuts fall at line starts, so every bound is a character boundary.
        let bounds = starts.map { utf8.index(utf8.startIndex, offsetBy: $0.offset) } + [utf8.endIndex]
        return starts.indices.map { index in
            Piece(text: String(text[bounds[index]..<bounds[index + 1]]), lineOffset: starts[index].lines)
        }
    }

    /// The piece's items (lines counted from the piece's top), or nil when it does not parse alone as a list.
    static func items(of piece: Piece) -> [Node]? {
        guard case .sequence(let items)? = try? YAMLDocument.compose(piece.text) else { return nil }
        return Array(items)
    }

    /// Byte offsets where pieces start, with the number of lines before each; nil when the file is too small
    /// to cut or holds a line that would change meaning across pieces (`---` below the first line, `...`,
    /// `%` directives).
    private static func cuts(in bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> [(offset: Int, lines: Int)]? {
        guard bytes.count > pieceSize else { return nil }
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
            var index = lineStart
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            lines += 1
            lineStart = index + 1
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
