import Foundation

/// `casebook-bench N FOLDER`: writes a synthetic tracker with N events and N quotes into FOLDER (its Content).
let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: casebook-bench EVENTS OUTPUT-FOLDER\n".utf8))
    exit(2)
}
var generator = CorpusGenerator(events: count)
do {
    try generator.write(to: URL(fileURLWithPath: arguments[2]))
} catch {
    FileHandle.standardError.write(Data("casebook-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
