import ArgumentParser
import CasebookCore
import CasebookServer
import Foundation

/// `casebook serve`: a live preview that rebuilds on save and reloads the browser.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser; rebuild and reload on every save.",
        discussion: """
            Builds the site in memory (Site/ is never touched), serves it as a static host would, watches \
            Content/ and Templates/, and reloads open pages after each rebuild. Build errors appear in the \
            terminal and over the page in the browser. Stop with Ctrl-C.
            """
    )

    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("The port to listen on (default 8000, or the next free one).", valueName: "port"))
    var port: Int?

    @Option(help: ArgumentHelp("The address to listen on. Anything but 127.0.0.1 or ::1 lets other machines see your drafts.", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    @Flag(help: "Watch by polling every 250 ms instead of inotify (for network and container file systems).")
    var poll = false

    @Flag(help: "Print the time of each build's stages (load, validate, graph, render).")
    var timings = false

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        var options = PreviewServer.Options()
        options.build = source.buildOptions()
        options.host = host
        options.port = port ?? 8000
        options.tryNextPorts = port == nil
        options.polling = poll
        options.timings = timings
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            Terminal.error("casebook: warning: listening on \(host): other machines on the network can read this preview")
        }
        let server = PreviewServer(options: options, log: { Terminal.error($0) })
        let openBrowser = open
        do {
            try await server.run { url in
                FileHandle.standardOutput.write(Data("Serving \(url) — press Ctrl-C to stop\n".utf8))
                if openBrowser { Self.openInBrowser(url) }
            }
        } catch let failure as PreviewServer.Failure {
            Terminal.error("casebook: error: \(failure.description)")
            throw ExitCode(2)
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        do { try process.run() } catch { Terminal.error("casebook: warning: could not open a browser: \(error.localizedDescription)") }
    }
}
