import CasebookCore
import Foundation

/// The site the preview serves: the files of the last good build, kept in memory so that `Site/` is never
/// touched, and the diagnostics of the latest build when it failed.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        var files: [String: [UInt8]] = [:]
        /// Errors and warnings of the latest build; the overlay shows them while `failed` is true.
        var diagnostics: [DiagnosticReport] = []
        var failed = false
        /// Counts builds, so that a page that reconnects after missing an event knows it is stale.
        var generation = 0
        /// Where the site lives on the preview server: the path of its base URL.
        var basePath = "/"
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()

    var current: Snapshot { lock.withLock { snapshot } }

    /// Takes a successful build's files, unless it names an unchanged page this state does not hold; the
    /// overlay goes away. An unchanged page keeps the bytes of the build before. Returns false, publishing
    /// nothing, when a page is missing.
    @discardableResult
    func publish(_ files: [OutputFile], warnings: [DiagnosticReport], basePath: String) -> Bool {
        lock.withLock {
            var table: [String: [UInt8]] = [:]
            table.reserveCapacity(files.count)
            for file in files {
                if file.unchanged {
                    guard let kept = snapshot.files[file.path] else { return false }
                    table[file.path] = kept
                } else {
                    table[file.path] = file.bytes
                }
            }
            snapshot.files = table
            snapshot.diagnostics = warnings
            snapshot.failed = false
            snapshot.basePath = basePath
            snapshot.generation += 1
            return true
        }
    }

    /// Keeps the last good files and records why the latest build failed.
    func fail(_ diagnostics: [DiagnosticReport]) {
        lock.withLock {
            snapshot.diagnostics = diagnostics
            snapshot.failed = true
            snapshot.generation += 1
        }
    }

    /// Replaces single files (a stylesheet saved on its own) without a rebuild.
    func patch(_ files: [String: [UInt8]]) {
        lock.withLock {
            snapshot.files.merge(files) { _, new in new }
            snapshot.generation += 1
        }
    }
}
