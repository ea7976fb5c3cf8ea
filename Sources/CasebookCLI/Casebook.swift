import ArgumentParser
import CasebookCore
import Foundation

/// The `casebook` command: parses arguments and prints; the work is in CasebookCore.
@main
struct Casebook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Build cited websites about lawsuits and public controversies: timelines, party pages, quote indexes.",
        discussion: """
            Casebook reads a case's facts from Content/ (YAML and Markdown), checks every reference, and writes a \
            static site to Site/ through the Mustache templates in Templates/. See docs/content-format.md.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping argument errors to exit code 2 as documented (ArgumentParser's default is 64).
    static func main() async {
        GlibcHeap.restartWithHugePages()
        GlibcHeap.limitArenas()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
