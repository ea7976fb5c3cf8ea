import Foundation

/// A diagnostic with the line of source it points at, as the terminal prints it and the preview's error
/// overlay shows it.
public struct DiagnosticReport: Sendable, Equatable {
    public let diagnostic: Diagnostic
    /// The offending line with tabs shown as spaces; nil when the diagnostic has no line, the file cannot
    /// be read, or the line is too long to be useful (minified or binary files).
    public let sourceLine: String?

    public init(diagnostic: Diagnostic, sourceLine: String?) {
        self.diagnostic = diagnostic
        self.sourceLine = sourceLine
    }

    /// One report per diagnostic, sorted by file and line; each file is read once.
    public static func reports(for diagnostics: DiagnosticList) -> [DiagnosticReport] {
        var lines: [String: [Substring]] = [:]
        return diagnostics.sorted.map { diagnostic in
            guard let location = diagnostic.location, location.line > 0 else {
                return DiagnosticReport(diagnostic: diagnostic, sourceLine: nil)
            }
            if lines[location.file] == nil {
                let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
                lines[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[location.file], location.line <= fileLines.count else {
                return DiagnosticReport(diagnostic: diagnostic, sourceLine: nil)
            }
            let line = fileLines[location.line - 1].replacingOccurrences(of: "\t", with: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            return DiagnosticReport(diagnostic: diagnostic, sourceLine: line.count <= 200 ? line : nil)
        }
    }

    /// The diagnostic, the source line and the caret, as a terminal shows them.
    public var terminalLines: [String] {
        [diagnostic.description] + [sourceLine, caret].compactMap { $0.map { "    " + $0 } }
    }

    /// The caret line under `sourceLine` pointing at the column, or nil without a column.
    public var caret: String? {
        guard let line = sourceLine, let column = diagnostic.location?.column, column > 0 else { return nil }
        return String(repeating: " ", count: min(column - 1, line.count)) + "^"
    }
}
