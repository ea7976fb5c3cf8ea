/// A word-level comparison of two wordings of a quote, for showing where a source's version differs.
public enum WordDiff {
    public enum Piece: Hashable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The pieces that turn `original` into `variant`, by longest common subsequence of words.
    public static func pieces(from original: String, to variant: String) -> [Piece] {
        let a = original.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = variant.split(whereSeparator: \.isWhitespace).map(String.init)
        let normalizedA = a.map(normalize), normalizedB = b.map(normalize)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = normalizedA[i] == normalizedB[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case let (.same(x)?, .same(y)): pieces[pieces.count - 1] = .same(x + " " + y)
            case let (.removed(x)?, .removed(y)): pieces[pieces.count - 1] = .removed(x + " " + y)
            case let (.added(x)?, .added(y)): pieces[pieces.count - 1] = .added(x + " " + y)
            default: pieces.append(piece)
            }
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, normalizedA[i] == normalizedB[j] {
                add(.same(b[j])); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] > table[i + 1][j] {
                add(.added(b[j])); j += 1
            } else {
                add(.removed(a[i])); i += 1
            }
        }
        return pieces
    }

    /// The diff as escaped HTML with `<del>` and `<ins>`, readable without colour.
    public static func html(from original: String, to variant: String) -> String {
        pieces(from: original, to: variant).map { piece in
            switch piece {
            case .same(let text): return HTML.escape(text)
            case .removed(let text): return "<del>\(HTML.escape(text))</del>"
            case .added(let text): return "<ins>\(HTML.escape(text))</ins>"
            }
        }.joined(separator: " ")
    }

    /// Typographic and straight quotes, and dashes, count as the same character.
    static func normalize(_ word: String) -> String {
        String(word.map { character -> Character in
            switch character {
            case "\u{201C}", "\u{201D}", "\u{201E}": return "\""
            case "\u{2018}", "\u{2019}": return "'"
            case "\u{2013}", "\u{2014}": return "-"
            default: return character
            }
        })
    }
}
