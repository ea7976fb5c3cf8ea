import Yams

/// Parses YAML into Yams nodes that keep their positions, turning every Yams error into a located diagnostic.
enum YAMLDocument {
    /// - Parameter lineOffset: added to Yams' line numbers, for YAML that starts below the top of its file.
    static func parse(_ yaml: String, path: String, lineOffset: Int = 0) -> Result<Node?, Diagnostic> {
        do {
            return .success(try compose(yaml))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error("YAML error: \(error)", at: SourceLocation(file: path)))
        }
    }

    /// Composes without Yams' default tag resolver: it tries up to seven regular expressions on every plain scalar
    /// it hashes (every mapping key, for the duplicate-key check) — a tenth of a rebuild at 10,000 events. Fields are
    /// read by their text (`FieldReader`), so no value needs a resolved tag, and keys are compared as text: `1:` and
    /// `"1":` are now the duplicate they are to the reader. The encoding is named because Yams' default reads the
    /// whole process environment on every parser (and prints to stdout when `YAMS_DEFAULT_ENCODING` is set).
    static func compose(_ yaml: String) throws -> Node? {
        try Parser(yaml: yaml, resolver: .basic, encoding: .utf8).singleRoot()
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: path, line: mark.line + lineOffset, column: max(mark.column, 1))
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let while_ = context.map { " \($0.text)" } ?? ""
            return .error("YAML syntax error: \(problem)\(while_)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in the same mapping", at: at(context.mark))
        case let .reader(problem, _, _, _):
            return .error("YAML cannot read the file: \(problem)", at: SourceLocation(file: path))
        default:
            return .error("YAML error: \(error)", at: SourceLocation(file: path))
        }
    }
}

extension Node {
    /// The node's position in its file, shifted by the line offset of embedded YAML.
    func location(in path: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: path) }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    var kindName: String {
        switch self {
        case .scalar: return "text"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
