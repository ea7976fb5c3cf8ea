import CasebookCore
import Foundation

/// Builds the site in memory for the preview and decides, from what changed, how much to rebuild:
/// a stylesheet saved on its own is swapped in as it is; anything else rebuilds the site, rendering only the
/// pages and cards whose digests changed since the last good build.
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    /// Absolute path of the theme's `assets/` folder, whose files are copied to `assets/` in the site.
    let assetsFolder: String
    let log: @Sendable (String) -> Void
    /// Logs each build's stages after its time.
    let timings: Bool

    init(options: BuildOptions, timings: Bool = false, log: @escaping @Sendable (String) -> Void) {
        self.timings = timings
        var options = options
        options.write = false
        options.deferData = true
        options.memory = BuildMemory()
        self.options = options
        self.assetsFolder = Self.absolute(options.templates) + "/assets"
        self.log = log
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A full build into `state`; returns the event that tells open pages.
    @discardableResult
    func buildAll(into state: PreviewState) -> LiveEvents.Event {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = BuildPipeline.run(options)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let reports = DiagnosticReport.reports(for: result.diagnostics)
        for report in reports { report.terminalLines.forEach(log) }
        if let failure = result.failure {
            switch failure {
            case .usage(let message), .io(let message):
                log("casebook: error: \(message)")
                state.fail([DiagnosticReport(diagnostic: .error(message, at: nil), sourceLine: nil)])
            }
        } else if result.diagnostics.hasErrors {
            let count = result.diagnostics.errorCount
            log("casebook: \(count) error\(count == 1 ? "" : "s"); the preview keeps the last good build")
            state.fail(reports)
        } else if !state.publish(result.files, later: result.data, warnings: reports, basePath: result.basePath ?? "/") {
            // The build reused pages the preview no longer holds; render them all.
            options.memory?.forgetPages()
            return buildAll(into: state)
        } else {
            if let patched = result.pagesPatched {
                log(String(format: "Rebuilt %d of %d pages in %.0f ms", patched, result.pageCount, milliseconds))
            } else {
                log(String(format: "Built %d pages in %.0f ms", result.pageCount, milliseconds))
            }
            if timings { log("  " + result.timings.map { "\($0.stage) \(Int(($0.seconds * 1000).rounded())) ms" }.joined(separator: ", ")) }
        }
        return .reload(generation: state.current.generation)
    }

    /// Rebuilds after `changed` (absolute paths) were saved.
    func rebuild(after changed: Set<String>, into state: PreviewState) -> LiveEvents.Event {
        if let patch = stylesheetPatch(changed, state: state.current) {
            state.patch(patch)
            log("Stylesheet updated: " + patch.keys.sorted().joined(separator: ", "))
            return .stylesheets(patch.keys.sorted(), generation: state.current.generation)
        }
        return buildAll(into: state)
    }

    /// The new bytes of each changed stylesheet when only theme stylesheets changed and the last build
    /// succeeded; nil when the site must be rebuilt.
    func stylesheetPatch(_ changed: Set<String>, state: PreviewState.Snapshot) -> [String: [UInt8]]? {
        guard !state.failed, !state.files.isEmpty, !changed.isEmpty else { return nil }
        var patch: [String: [UInt8]] = [:]
        for path in changed {
            guard path.hasPrefix(assetsFolder + "/"), path.hasSuffix(".css"),
                  let bytes = FileManager.default.contents(atPath: path)
            else { return nil }
            let sitePath = "assets/" + path.dropFirst(assetsFolder.count + 1)
            guard state.files[sitePath] != nil else { return nil }
            patch[sitePath] = Array(bytes)
        }
        return patch
    }
}
