import ArgumentParser
import CasebookCore
import CasebookServer
import Foundation

/// `casebook build`: turns Content/ into Site/.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ and Templates/ into Site/.",
        discussion: """
            Every problem in the content is reported at once as FILE:LINE:COLUMN: error: MESSAGE. On any error \
            nothing is written and the previous site stays as it was. Exit codes: 0 built, 1 content errors, \
            2 usage or I/O errors. With --watch the site is built again after every save to Content/ or Templates/ \
            until Ctrl-C; content errors are reported and the output kept until they are mended.
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("The output folder; it is replaced whole on every build.", valueName: "folder"))
    var output = "Site"

    @Flag(help: "Replace an output folder that holds files Casebook did not write.")
    var force = false

    @Flag(help: "Render every page, ignoring the page digests kept in .casebook-cache/ (they are still updated); with --watch, in the first build.")
    var noCache = false

    @Flag(help: "Print only errors and warnings.")
    var quiet = false

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Flag(help: "Keep running: build again after every save to the content or templates, until Ctrl-C.")
    var watch = false

    @Flag(help: "With --watch, watch by polling every 250 ms instead of inotify (for network and container file systems).")
    var poll = false

    func validate() throws {
        if poll && !watch { throw ValidationError("--poll watches for changes: use it with --watch") }
    }

    func run() throws {
        var options = source.buildOptions()
        options.output = output
        options.force = force
        // Beside the output, like its spare tree: the project root for the usual `Site/`.
        options.cacheFolder = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path + "/.casebook-cache"
        options.ignoreCache = noCache
        if watch { return try runWatching(options) }
        options.leavesMemoryToExit = true
        GlibcHeap.mapLargeBlocksAlone()
        let start = DispatchTime.now().uptimeNanoseconds
        let result = BuildPipeline.run(options)
        report(result, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// Builds, then again after every save, until Ctrl-C or SIGTERM, which end it once a build under way is done.
    private func runWatching(_ options: BuildOptions) throws {
        var watchOptions = WatchedBuild.Options()
        watchOptions.build = options
        watchOptions.polling = poll
        let watched = WatchedBuild(options: watchOptions)
        let stops = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { watched.stop() }
            source.resume()
            return source
        }
        defer { stops.forEach { $0.cancel() } }
        var first = true
        let failed = watched.run(saved: { paths in
            guard !quiet else { return }
            // An editor's temporary file, written and renamed over the file it saves, is gone by now.
            let present = paths.filter { FileManager.default.fileExists(atPath: $0) }
            Terminal.output(present.isEmpty ? "Removed " + Self.names(of: paths) : "Saved " + Self.names(of: present))
        }) { result, seconds in
            report(result, seconds: seconds)
            if first, result.failure == nil {
                Terminal.output("Watching \(options.content) and \(options.templates) for changes; press Ctrl-C to stop")
            }
            first = false
        }
        if let failed { throw ExitCode(failed.exitCode) }
    }

    /// Up to three saved paths, relative to the working folder where they lie in it, and how many more there are.
    static func names(of paths: Set<String>) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        let names = paths.sorted().map { $0.hasPrefix(here) ? String($0.dropFirst(here.count)) : $0 }
        return names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }

    /// Prints a build's diagnostics, its outcome and, when asked, its stage times.
    private func report(_ result: BuildResult, seconds: Double) {
        DiagnosticPrinter.print(result.diagnostics)
        if let failure = result.failure {
            switch failure {
            case .usage(let message), .io(let message): Terminal.error("casebook: error: \(message)")
            }
        } else if result.diagnostics.hasErrors {
            let count = result.diagnostics.errorCount
            Terminal.error("casebook: \(count) error\(count == 1 ? "" : "s"); nothing was written")
        } else if !quiet {
            // Said only when an edit was found: a rebuild of unchanged content makes no page again either.
            let again = result.pagesPatched.flatMap { $0 > 0 ? " (\($0) made again after an edit)" : nil } ?? ""
            Terminal.output("Built \(result.pageCount) pages\(again), \(result.dataFileCount) data files in \(String(format: "%.2f", seconds)) s")
        }
        if timings {
            for lap in result.timings {
                Terminal.output(String(format: "  %-9@ %8.1f ms", lap.stage as NSString, lap.seconds * 1000))
            }
            if !result.peakMemory.isEmpty {
                Terminal.output("  peak memory after " + result.peakMemory.map { "\($0.stage) \($0.bytes >> 20) MB" }.joined(separator: ", "))
            }
        }
    }
}
