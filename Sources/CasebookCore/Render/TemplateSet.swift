import Foundation

/// The site's Mustache templates, parsed once and checked: syntax errors, missing page templates and
/// references to partials that do not exist are located diagnostics, not blank output.
public struct TemplateSet: Sendable {
    /// The templates a site needs, one per page kind, plus the cards every list reuses.
    public static let required = [
        "layout", "home", "timeline", "event", "cases", "case", "parties", "party", "quotes", "quote",
        "topics", "topic", "sources", "source", "page", "search", "404", "partials/event-card", "partials/quote-card",
        "partials/citations", "partials/site-header", "partials/site-footer",
    ]

    let templates: [String: ParsedTemplate]
    /// Of every template's name and text: part of each page's digest, so editing a template re-renders its pages.
    let digest: PageDigest

    public enum Failure: Error, Equatable {
        case missingFolder(String)
    }

    /// Parses every `*.mustache` file under `root`; the name of `partials/x.mustache` is `partials/x`.
    public static func load(from root: String, fileSystem: FileSystem) throws(Failure) -> (TemplateSet?, DiagnosticList) {
        guard fileSystem.kind(at: root) == .directory else { throw .missingFolder(root) }
        var diagnostics = DiagnosticList()
        var sources: [String: (path: String, text: String)] = [:]
        collect(root, prefix: "", fileSystem: fileSystem, into: &sources, &diagnostics)
        var templates: [String: ParsedTemplate] = [:]
        for (name, file) in sources {
            do {
                templates[name] = try TemplateParser.parse(file.text)
            } catch {
                diagnostics.error("template syntax error: \(describe(error.failure))",
                                  at: SourceLocation(file: file.path, line: error.line, column: error.column))
            }
        }
        for name in required where sources[name] == nil {
            diagnostics.error("missing template '\(name).mustache'", at: SourceLocation(file: root))
        }
        let references = sources.mapValues { partialReferences(in: $0.text) }
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in references[name] ?? [] where sources[reference.name] == nil {
                let hint = EditDistance.closest(to: reference.name, among: sources.keys).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.error("template '\(name)' uses missing partial '\(reference.name)'\(hint)",
                                  at: SourceLocation(file: file.path, line: reference.line, column: reference.column))
            }
        }
        reportCycles(in: sources, references: references.mapValues { $0.filter { sources[$0.name] != nil } }, &diagnostics)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var state = DigestState()
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            state.add(name)
            state.add(file.text)
        }
        return (TemplateSet(templates: templates, digest: state.digest), diagnostics)
    }

    /// Renders a template; the name must be one of `required` or a partial checked at load.
    public func render(_ name: String, _ context: any TemplateValue) -> String {
        guard let template = templates[name] else { return "" }
        return TemplateRenderer.render(template, with: context, partials: templates)
    }

    private static func collect(_ folder: String, prefix: String, fileSystem: FileSystem,
                                into sources: inout [String: (path: String, text: String)], _ diagnostics: inout DiagnosticList) {
        for listed in fileSystem.directoryEntries(at: folder) ?? [] where !listed.name.hasPrefix(".") {
            let entry = listed.name, path = folder + "/" + entry
            switch listed.kind {
            case .directory? where entry != "assets":
                collect(path, prefix: prefix + entry + "/", fileSystem: fileSystem, into: &sources, &diagnostics)
            case .file? where entry.hasSuffix(".mustache"):
                guard let data = try? fileSystem.readFile(at: path) else {
                    diagnostics.error("cannot read template", at: SourceLocation(file: path))
                    continue
                }
                switch TextFile.decode(data, path: path) {
                case .success(let file): sources[prefix + String(entry.dropLast(".mustache".count))] = (path, file.text)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            default:
                continue
            }
        }
    }

    /// A template that includes itself, directly or through other partials, would render forever: the view
    /// models hold no recursive data for such a chain to end on. Each cycle is reported once, at the tag that
    /// starts it in its first template by name.
    private static func reportCycles(in sources: [String: (path: String, text: String)],
                                     references: [String: [(name: String, line: Int, column: Int)]],
                                     _ diagnostics: inout DiagnosticList) {
        var reported: Set<String> = []
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) where !reported.contains(name) {
            for start in references[name] ?? [] {
                guard let back = shortestChain(from: start.name, to: name, references),
                      !back.contains(where: reported.contains) else { continue }
                diagnostics.error("template '\(name)' includes itself (\(([name] + back).joined(separator: " → "))), so it would never finish rendering",
                                  at: SourceLocation(file: file.path, line: start.line, column: start.column))
                reported.formUnion(back)
                break
            }
        }
    }

    /// The fewest templates from `start` to `end` through partial tags, both included.
    private static func shortestChain(from start: String, to end: String,
                                      _ references: [String: [(name: String, line: Int, column: Int)]]) -> [String]? {
        var cameFrom: [String: String] = [:]
        var queue = [start], next = 0
        while next < queue.count {
            let current = queue[next]
            next += 1
            if current == end {
                var chain = [current]
                while let previous = cameFrom[chain[0]] { chain.insert(previous, at: 0) }
                return chain
            }
            for reference in references[current] ?? [] where reference.name != start && cameFrom[reference.name] == nil {
                cameFrom[reference.name] = current
                queue.append(reference.name)
            }
        }
        return nil
    }

    /// `{{> name}}` and `{{< name}}` tags with their 1-based line and column (in characters). Searched byte by byte
    /// and trimmed as Foundation's `.whitespaces` trims (tab and the space separators): Foundation's own search and
    /// trim, bridged, took half of loading the templates, on a core that a rebuild's loading shares.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        let bytes = Array(text.utf8), newline = UInt8(ascii: "\n")
        var line = 1, lineStart = 0, index = 0
        while index < bytes.count {
            if bytes[index] == newline {
                line += 1
                lineStart = index + 1
            }
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            // The tag closes on its line, or the rest of the line holds none.
            var close = index + 2
            let brace = UInt8(ascii: "}")
            while close + 1 < bytes.count, bytes[close] != newline, bytes[close] != brace || bytes[close + 1] != brace {
                close += 1
            }
            guard close + 1 < bytes.count, bytes[close] != newline else {
                index = close
                while index < bytes.count, bytes[index] != newline { index += 1 }
                continue
            }
            let tag = trimmingSpaces(Substring(decoding: bytes[(index + 2)..<close], as: UTF8.self))
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                let name = trimmingSpaces(tag.dropFirst())
                if !name.isEmpty, !name.hasPrefix("*") {
                    let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                    result.append((String(name), line, column))
                }
            }
            index = close + 2
        }
        return result
    }

    /// `text` without the spaces and tabs (`CharacterSet.whitespaces`: tab and the space separators) at its ends.
    private static func trimmingSpaces(_ text: Substring) -> Substring {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }

    private static func describe(_ failure: TemplateParser.Failure) -> String {
        switch failure {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "unfinished tag"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "invalid {{% CONTENT_TYPE: … }} pragma"
        case .unrecognisedConfigVariable: return "unknown pragma: only {{% CONTENT_TYPE: HTML }} or TEXT"
        case .unexpectedEnd: return "the template ends inside a tag"
        }
    }
}
