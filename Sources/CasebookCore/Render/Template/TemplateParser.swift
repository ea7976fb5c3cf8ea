/// Parses Mustache text into a `ParsedTemplate`. Whitespace, standalone lines, partial indentation and template
/// inheritance follow swift-mustache 2.x (the engine Casebook's templates were written for) token for token, so
/// a theme renders to the same bytes; `TemplateParserTests` checks that against it.
struct TemplateParser {
    enum Failure: Error, Equatable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable
        /// The text ends inside a tag (or one opens in its last character).
        case unexpectedEnd
    }

    /// A parse failure and the 1-based line and column it was found at.
    struct Located: Error {
        let failure: Failure
        let line: Int
        let column: Int
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var inPartialDefinition = false
        var atPartialDefinitionTop = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: Substring?

        func entering(section name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.atPartialDefinitionTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func entering(inheritingPartial name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inPartialDefinition = true
            state.atPartialDefinitionTop = true
            return state
        }
    }

    static func parse(_ text: String) throws(Located) -> ParsedTemplate {
        var scanner = TemplateScanner(text)
        do {
            return try parse(&scanner, state: State())
        } catch {
            let (line, column) = scanner.lineAndColumn
            throw Located(failure: error as? Failure ?? .unexpectedEnd, line: line, column: column)
        }
    }

    private static func parse(_ scanner: inout TemplateScanner, state: State) throws -> ParsedTemplate {
        var nodes: [TemplateNode] = []
        var state = state
        var whiteSpaceBefore: Substring = ""

        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore)))
                whiteSpaceBefore = ""
            }
        }

        while !scanner.reachedEnd {
            if state.newLine {
                let whiteSpace = scanner.read(while: { $0 == " " || $0 == "\t" })
                if state.inPartialDefinition, !state.atPartialDefinitionTop {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent.count)
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilTagOrNewline(&scanner, state: state)
            if scanner.current.isNewline {
                nodes.append(.text(String(whiteSpaceBefore) + text + String(scanner.current)))
                state.newLine = true
                scanner.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore) + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if scanner.reachedEnd { break }

            var setNewLine = false
            switch scanner.current {
            case "#", "^":
                let inverted = scanner.current == "^"
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state)
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let content = try parse(&scanner, state: state.entering(section: name, newLine: setNewLine, transforms: transforms))
                nodes.append(.section(TemplateName(name, transforms: transforms), content, inverted: inverted))

            case "/":
                scanner.advance()
                let position = scanner.position
                let (name, transforms) = try parseName(&scanner, state: state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    scanner.move(to: position)
                    throw Failure.sectionCloseNameIncorrect
                }
                if !isStandalone(&scanner, state: state) {
                    flushWhiteSpace()
                }
                return ParsedTemplate(nodes: nodes)

            case "!":
                scanner.advance()
                _ = try scanner.read(past: state.endDelimiter)
                setNewLine = isStandalone(&scanner, state: state)

            case "{", "&":
                let tripleMustache = scanner.current == "{"
                flushWhiteSpace()
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state)
                if tripleMustache {
                    guard try scanner.read("}") else { throw Failure.unfinishedName }
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))

            case ">":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                var dynamic = false
                if scanner.current == "*" {
                    scanner.advance()
                    dynamic = true
                }
                let name = try parsePartialName(&scanner, state: state)
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                    nodes.append(.partial(PartialName(name, dynamic: dynamic), indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(PartialName(name, dynamic: dynamic), indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                scanner.advance()
                scanner.read(while: \.isWhitespace)
                let sectionName = try parsePartialName(&scanner, state: state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                }
                if isStandalone(&scanner, state: state) {
                    setNewLine = true
                }
                let content = try parse(&scanner, state: state.entering(inheritingPartial: sectionName))
                var overrides: [String: ParsedTemplate] = [:]
                for node in content.nodes {
                    switch node {
                    case .blockDefinition(let blockName, let block): overrides[blockName] = block
                    case .text: continue
                    default: throw Failure.illegalTokenInsideInheritSection
                    }
                }
                nodes.append(.partial(PartialName(name, dynamic: dynamic), indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                scanner.advance()
                let (name, transforms) = try parseName(&scanner, state: state)
                guard transforms.isEmpty else { throw Failure.transformAppliedToInheritanceSection }
                if state.atPartialDefinitionTop {
                    if isStandalone(&scanner, state: state) {
                        setNewLine = true
                    }
                    let content = try parse(&scanner, state: state.entering(section: name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, content))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        nodes.append(.text(String(whiteSpaceBefore)))
                    }
                    if isStandalone(&scanner, state: state) {
                        setNewLine = true
                    }
                    let content = try parse(&scanner, state: state.entering(section: name, newLine: setNewLine))
                    nodes.append(.block(name, defaultContent: content, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }

            case "=":
                scanner.advance()
                (state.startDelimiter, state.endDelimiter) = try parseDelimiters(&scanner, state: state)
                state.atPartialDefinitionTop = false
                setNewLine = isStandalone(&scanner, state: state)

            case "%":
                scanner.advance()
                nodes.append(.escaping(try parseContentType(&scanner, state: state)))
                setNewLine = isStandalone(&scanner, state: state)

            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(&scanner, state: state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Failure.expectedSectionEnd }
        return ParsedTemplate(nodes: nodes)
    }

    /// Text up to the next tag (whose opening delimiter is consumed) or newline (left for the caller).
    private static func readUntilTagOrNewline(_ scanner: inout TemplateScanner, state: State) throws -> String {
        guard let delimiterStart = state.startDelimiter.first else { return "" }
        var text = ""
        while !scanner.reachedEnd {
            text += try scanner.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == delimiterStart }, throwing: false)
            if scanner.current.isNewline {
                break
            } else if scanner.current == delimiterStart {
                if try scanner.read(string: state.startDelimiter) { break }
                text.append(delimiterStart)
                scanner.advance()
            }
        }
        return text
    }

    /// A tag's name up to the closing delimiter, split into the name and its transforms: `empty(x)` is `x`, `[empty]`.
    private static func parseName(_ scanner: inout TemplateScanner, state: State) throws -> (String, [String]) {
        scanner.read(while: \.isWhitespace)
        let text = String(scanner.read(while: { nameCharacters.contains($0) || $0 == "(" || $0 == ")" }))
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw Failure.unfinishedName }

        var name = TemplateScanner(text)
        let first = name.read(while: { nameCharacters.contains($0) })
        if name.reachedEnd { return (text, []) }
        guard name.current == "(" else { throw Failure.unfinishedName }
        name.advance()
        var transforms = [String(first)]
        while true {
            let part = name.read(while: { nameCharacters.contains($0) })
            switch name.current {
            case ")":
                name.advance()
                guard name.read(while: { $0 == ")" }).count + 1 == transforms.count, name.reachedEnd else {
                    throw Failure.unfinishedName
                }
                return (String(part), transforms)
            case "(":
                name.advance()
                transforms.append(String(part))
            default:
                throw Failure.unfinishedName
            }
        }
    }

    private static func parsePartialName(_ scanner: inout TemplateScanner, state: State) throws -> String {
        scanner.read(while: \.isWhitespace)
        let text = String(scanner.read(while: { nameCharacters.contains($0) || "()/".contains($0) }))
        scanner.read(while: \.isWhitespace)
        guard try scanner.read(string: state.endDelimiter) else { throw Failure.unfinishedName }
        return text
    }

    private static func parseDelimiters(_ scanner: inout TemplateScanner, state: State) throws -> (String, String) {
        let start: Substring
        let end: Substring
        do {
            scanner.read(while: \.isWhitespace)
            start = try scanner.read(until: \.isWhitespace)
            scanner.read(while: \.isWhitespace)
            end = try scanner.read(until: { $0 == "=" || $0.isWhitespace })
            scanner.read(while: \.isWhitespace)
        } catch {
            throw Failure.invalidSetDelimiter
        }
        guard try scanner.read("=") else { throw Failure.invalidSetDelimiter }
        guard try scanner.read(string: state.endDelimiter) else { throw Failure.invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw Failure.invalidSetDelimiter }
        return (String(start), String(end))
    }

    /// `{{% CONTENT_TYPE: HTML }}` (escape what `{{x}}` prints: the default) or `TEXT` (print it as is).
    private static func parseContentType(_ scanner: inout TemplateScanner, state: State) throws -> Bool {
        let variable: Substring
        let value: Substring
        do {
            scanner.read(while: \.isWhitespace)
            variable = scanner.read(while: { nameCharacters.contains($0) })
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(":") else { throw Failure.invalidConfigVariableSyntax }
            scanner.read(while: \.isWhitespace)
            value = scanner.read(while: { nameCharacters.contains($0) })
            scanner.read(while: \.isWhitespace)
            guard try scanner.read(string: state.endDelimiter) else { throw Failure.invalidConfigVariableSyntax }
        } catch {
            throw Failure.invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw Failure.invalidConfigVariableSyntax }
        guard variable == "CONTENT_TYPE" else { throw Failure.unrecognisedConfigVariable }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw Failure.unrecognisedConfigVariable
        }
    }

    /// Whether the tag just read stands alone on its line; if so the rest of the line, newline included, is consumed.
    private static func isStandalone(_ scanner: inout TemplateScanner, state: State) -> Bool {
        guard state.newLine else { return false }
        if scanner.reachedEnd { return true }
        var lookahead = scanner
        lookahead.read(while: { $0 == " " || $0 == "\t" })
        guard lookahead.current.isNewline else { return false }
        lookahead.advance()
        scanner.move(to: lookahead.position)
        return true
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
}
