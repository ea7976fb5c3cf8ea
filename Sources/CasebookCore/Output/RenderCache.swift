import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page digests of the build that wrote the current output, kept in `.casebook-cache/`, so that the next
/// build renders only pages whose digest changed and links every other page from the output as it is.
/// The cache is trusted only for the output it describes: the output's marker file carries the same stamp
/// (a digest of all page digests), and the `casebook` binary is the same file, since a new build of Casebook
/// may render the same view models differently.
public final class RenderCache: @unchecked Sendable {
    /// Nil for a cache of an in-memory build (`casebook serve`), whose previous pages the caller keeps.
    let file: String?
    let output: String?
    private let binary: String
    private let previous: [String: PageDigest]
    private let current = LockedCache<[String: PageDigest]>([:])

    /// Opens the cache for `output` under `folder`; an unreadable, stale or foreign cache is an empty one.
    public init(folder: String, output: String, ignoringPrevious: Bool = false) {
        let output = OutputFolderPolicy.canonical(output)
        self.output = output
        let file = folder + "/pages-" + Self.outputKey(output) + ".txt"
        self.file = file
        binary = Self.binaryIdentity()
        previous = ignoringPrevious ? [:] : Self.read(file, output: output, binary: binary)
    }

    /// A cache for an in-memory build whose previous build had pages with `previous` digests.
    init(previous: [String: PageDigest]) {
        file = nil
        output = nil
        binary = Self.binaryIdentity()
        self.previous = previous
    }

    /// This build's page digests so far.
    var digests: [String: PageDigest] { current.withLock { $0 } }

    /// Names the cache files of one output folder.
    static func outputKey(_ output: String) -> String {
        var state = DigestState()
        state.add(OutputFolderPolicy.canonical(output))
        return String(state.digest.description.prefix(16))
    }

    /// Records the page's digest for this build; true when the output (or the previous in-memory build) already
    /// holds exactly that page.
    func unchanged(_ path: String, _ digest: PageDigest) -> Bool {
        current.withLock { $0[path] = digest }
        guard previous[path] == digest else { return false }
        guard let output else { return true }
        var info = stat()
        return lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Names this build's pages: written into the output's marker and at the head of the cache file.
    var stamp: String {
        var state = DigestState()
        for (path, digest) in current.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            state.add(path)
            state.add(digest.high)
            state.add(digest.low)
        }
        return state.digest.description
    }

    /// Saves this build's digests once its output is in place; a cache that cannot be written only makes the
    /// next build slower.
    func save(stamp: String) {
        guard let file, let output else { return }
        var text = "casebook-render-cache 1\nstamp \(stamp)\nbinary \(binary)\noutput \(output)\n"
        for (path, digest) in current.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            text += "\(digest) \(path)\n"
        }
        ReplacedFile.write(file, header: text) { _ in true }
    }

    private static func read(_ file: String, output: String, binary: String) -> [String: PageDigest] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[0] == "casebook-render-cache 1", lines[2] == "binary \(binary)",
              lines[3] == "output \(output)", lines[1].hasPrefix("stamp "),
              let marker = FileManager.default.contents(atPath: output + "/" + OutputFolderPolicy.marker),
              String(decoding: marker, as: UTF8.self).contains("\npages \(lines[1].dropFirst("stamp ".count))\n")
        else { return [:] }
        var digests: [String: PageDigest] = [:]
        for line in lines.dropFirst(4) where line.count > 33 {
            guard let digest = PageDigest(hex: line.prefix(32)) else { return [:] }
            digests[String(line.dropFirst(33))] = digest
        }
        return digests
    }

    /// Size and modification time of the running executable.
    static func binaryIdentity() -> String {
        var info = stat()
        guard let path = Bundle.main.executablePath, stat(path, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(path) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }
}
