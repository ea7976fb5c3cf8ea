import CasebookCore
import Foundation

/// Prints diagnostics to standard error in compiler style, sorted by file and line, each followed by
/// the offending source line and a caret under the column when the file can be read.
enum DiagnosticPrinter {
    static func print(_ diagnostics: DiagnosticList) {
        for report in DiagnosticReport.reports(for: diagnostics) {
            report.terminalLines.forEach(Terminal.error)
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A line on standard output, written at once (unlike `print`, buffered when the output is a pipe), so that a
    /// long-running command's lines reach a log as they happen.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
