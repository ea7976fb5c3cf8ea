import CasebookCore
import Foundation

/// Prints diagnostics to standard error in compiler style, sorted by file and line, each followed by
/// the offending source line and a caret under the column when the file can be read.
enum DiagnosticPrinter {
    static func print(_ diagnostics: DiagnosticList) {
        var lines: [String: [Substring]] = [:]
        for diagnostic in diagnostics.sorted {
            Terminal.error(diagnostic.description)
            guard let location = diagnostic.location, location.line > 0 else { continue }
            if lines[location.file] == nil {
                let text = (try? String(contentsOfFile: location.file, encoding: .utf8)) ?? ""
                lines[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            guard let fileLines = lines[location.file], location.line <= fileLines.count else { continue }
            let line = fileLines[location.line - 1].replacingOccurrences(of: "\t", with: " ")
            guard line.count <= 200 else { continue }
            Terminal.error("    " + line)
            if location.column > 0 {
                Terminal.error("    " + String(repeating: " ", count: min(location.column - 1, line.count)) + "^")
            }
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
