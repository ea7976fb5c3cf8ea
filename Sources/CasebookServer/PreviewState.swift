import CasebookCore
import Foundation

/// The site the preview serves: the files of the last good build, kept in memory so that `Site/` is never
/// touched, and the diagnostics of the latest build when it failed.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// Pages as the build made them (most as text): turned into bytes when served, not when published, which
        /// copied all 700 MB of a 10,000-event site on every whole rebuild and held the site twice meanwhile.
        var files: [String: OutputFile] = [:]
        /// Errors and warnings of the latest build; the overlay shows them while `failed` is true.
        var diagnostics: [DiagnosticReport] = []
        var failed = false
        /// Counts builds, so that a page that reconnects after missing an event knows it is stale.
        var generation = 0
        /// Where the site lives on the preview server: the path of its base URL.
        var basePath = "/"
        /// Data files the latest build named but has yet to make: a request for one waits until they are made.
        var pending: Set<String> = []
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()
    /// What the last published build left to make, and that build's number among those published.
    private var pendingFiles: (files: DeferredFiles, build: Int)?
    private var published = 0
    /// The paths of the files the last publish took, in its order.
    private var publishedPaths: [String] = []

    var current: Snapshot { lock.withLock { snapshot } }

    /// Takes a successful build's files, unless it names an unchanged page this state does not hold; the
    /// overlay goes away. An unchanged page keeps the bytes of the build before; so does a `later` file until
    /// `makePendingFiles` makes it. Returns false, publishing nothing, when a page is missing.
    @discardableResult
    func publish(_ files: [OutputFile], later: DeferredFiles? = nil, warnings: [DiagnosticReport], basePath: String) -> Bool {
        let laterPaths = later?.paths ?? []
        let paths = files.map(\.path)
        return lock.withLock {
            // A path where the last publish had it is held (none is removed but by making the table again), and a
            // patched build, which hands its pages on in job order, reports its unchanged pages with the very strings
            // it reported before, which compare at once: only the others are looked up.
            var held = 0
            for (index, file) in files.enumerated() {
                if index < publishedPaths.count && publishedPaths[index] == file.path || snapshot.files[file.path] != nil {
                    held += 1
                } else if file.unchanged {
                    return false
                }
            }
            // A build's paths are unique, so these counts tell whether it has the paths of the build before (a patched
            // build's 22,000 pages, say): then only new bytes are stored, instead of making the table again.
            if held == files.count, files.count + laterPaths.count == snapshot.files.count,
               laterPaths.allSatisfy({ snapshot.files[$0] != nil }) {
                files.withUnsafeBufferPointer { files in
                    for index in files.indices where !files[index].unchanged { snapshot.files[files[index].path] = files[index] }
                }
            } else {
                var table: [String: OutputFile] = [:]
                table.reserveCapacity(files.count + laterPaths.count)
                for file in files { table[file.path] = file.unchanged ? snapshot.files[file.path] : file }
                for path in laterPaths { table[path] = snapshot.files[path] }
                snapshot.files = table
            }
            publishedPaths = paths
            snapshot.pending = Set(laterPaths)
            published += 1
            pendingFiles = later.map { ($0, published) }
            snapshot.diagnostics = warnings
            snapshot.failed = false
            snapshot.basePath = basePath
            snapshot.generation += 1
            return true
        }
    }

    /// Makes the files the last published build left for later, on the calling thread, and serves them; files made
    /// for a build that another replaced meanwhile are dropped (and what was left of them skipped).
    func makePendingFiles() {
        guard let (later, build) = lock.withLock({ pendingFiles }) else { return }
        let files = later.make { [self] in lock.withLock { pendingFiles?.build != build } }
        lock.withLock {
            // A build published since has files of its own to make.
            guard pendingFiles?.build == build else { return }
            for file in files { snapshot.files[file.path] = file }
            snapshot.pending = []
            pendingFiles = nil
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
            for (path, bytes) in files { snapshot.files[path] = OutputFile(path: path, bytes: bytes) }
            snapshot.generation += 1
        }
    }
}
