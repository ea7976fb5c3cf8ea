/// A cursor over a template's characters, with the reads the parser needs. Positions are Characters, as in
/// swift-mustache, whose whitespace and standalone-line rules `TemplateParser` follows exactly.
struct TemplateScanner {
    struct Overflow: Error {}

    let text: String
    private(set) var position: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    var reachedEnd: Bool { position == text.endIndex }
    /// The character at the cursor, or NUL at the end.
    var current: Character { reachedEnd ? "\0" : text[position] }

    mutating func advance() { position = text.index(after: position) }
    mutating func retreat() { position = text.index(before: position) }
    mutating func move(to index: String.Index) { position = index }

    /// Reads `expected` if it is next; throws at the end of the text.
    mutating func read(_ expected: Character) throws -> Bool {
        guard !reachedEnd else { throw Overflow() }
        guard text[position] == expected else { return false }
        advance()
        return true
    }

    /// Reads `string` if it is next; throws when fewer characters than it has are left.
    mutating func read(string: String) throws -> Bool {
        guard !string.isEmpty else { return true }
        // Counted up to the string's length, not to the end of the text: at every tag and newline, counting all that
        // was left made parsing the templates quadratic (a fifth of their 7 ms at each build).
        guard let end = text.index(position, offsetBy: string.count, limitedBy: text.endIndex) else { throw Overflow() }
        guard text[position..<end] == string else { return false }
        position = end
        return true
    }

    @discardableResult
    mutating func read(while matches: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd, matches(text[position]) { advance() }
        return text[start..<position]
    }

    /// Reads up to the first character that matches; at the end, throws (and stays put) when `throwing`.
    @discardableResult
    mutating func read(until matches: (Character) -> Bool, throwing: Bool = true) throws -> Substring {
        let start = position
        while !reachedEnd {
            if matches(text[position]) { return text[start..<position] }
            advance()
        }
        if throwing {
            position = start
            throw Overflow()
        }
        return text[start..<position]
    }

    /// Reads past the next `marker` (a comment's end) and returns what came before it. A failed partial match
    /// restarts at the next character, as swift-mustache's does.
    mutating func read(past marker: String) throws -> Substring {
        let start = position
        var found = position
        var markerIndex = marker.startIndex
        while !reachedEnd {
            if text[position] == marker[markerIndex] {
                if markerIndex == marker.startIndex { found = position }
                markerIndex = marker.index(after: markerIndex)
                if markerIndex == marker.endIndex {
                    advance()
                    return text[start..<found]
                }
            } else {
                markerIndex = marker.startIndex
            }
            advance()
        }
        position = start
        throw Overflow()
    }

    /// The 1-based line and column of the cursor, counted as swift-mustache counts them for its errors.
    var lineAndColumn: (line: Int, column: Int) {
        var index = position
        var column = 0
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == "\n" { break }
            column += 1
        }
        let line = text[..<position].reduce(0) { $1.isNewline ? $0 + 1 : $0 }
        return (line + 1, column + 1)
    }
}
