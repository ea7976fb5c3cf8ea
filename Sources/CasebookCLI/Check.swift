import ArgumentParser
import CasebookCore
import Foundation

/// `casebook check`: builds in memory and reports broken links, missing titles, descriptions and alt text,
/// and orphaned sources and parties, without writing anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing it: content errors, broken links and anchors, missing titles, descriptions and alt text, orphaned sources and parties.",
        discussion: "Exit codes: 0 no errors (warnings may be printed), 1 errors, 2 usage or I/O errors."
    )

    @OptionGroup var source: SourceOptions

    func run() throws {
        let result = SiteCheck.run(source.buildOptions())
        DiagnosticPrinter.print(result.diagnostics)
        if case .usage(let message)? = result.failure { Terminal.error("casebook: error: \(message)") }
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
        if result.failure == nil {
            print("Checked \(result.pageCount) pages: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

/// The flags `build` and `check` share: where the content and templates are, and how the site is addressed.
struct SourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The content folder.", valueName: "folder"))
    var content = "Content"

    @Option(help: ArgumentHelp("The templates folder (its assets/ is copied to the site).", valueName: "folder"))
    var templates = "Templates"

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Where the site will be published, e.g. /trackers/parler/ or https://example.org/x/; overrides site.yml.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Include items marked 'draft: true'.")
    var drafts = false

    func buildOptions() -> BuildOptions {
        var options = BuildOptions()
        options.content = content
        options.templates = templates
        options.baseURL = baseURL
        options.drafts = drafts
        return options
    }
}
