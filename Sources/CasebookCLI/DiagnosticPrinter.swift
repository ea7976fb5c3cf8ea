import CasebookCore
import Foundation

/// Prints diagnostics to standard error in compiler style, sorted by file and line.
enum DiagnosticPrinter {
    static func print(_ diagnostics: DiagnosticList) {
        for diagnostic in diagnostics.sorted {
            Terminal.error(diagnostic.description)
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
