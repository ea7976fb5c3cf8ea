import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page digests of the build that wrote the current output, so that the next build renders only pages whose
/// digest changed and links every other page from the output as it is. A writing build takes them from the output
/// tree's record (`TreeRecordFile`), trusted only for the output it describes (the output's marker carries the same
/// stamp) and for the `casebook` binary that wrote it, since a new build of Casebook may render the same view
/// models differently; a long-lived process keeps them in memory.
public final class RenderCache: @unchecked Sendable {
    /// False for a cache of an in-memory build (`casebook serve`), whose previous pages the caller keeps.
    private let hasOutput: Bool
    /// The output folder, open so that each unchanged page is looked up from it rather than from `/` (22,000
    /// lookups in a rebuild at N=10,000); -1 when there is none or it cannot be opened.
    private let outputFolder: Int32
    private let previous: [String: PageDigest]
    /// The previous build's stamp, when it is one `PageStamp` reads.
    private let previousStamp: PageStamp?
    /// Sized for the previous build's pages up front: grown one insertion at a time, it was rehashed a dozen times
    /// while a rebuild recorded 22,000 digests. With the stamp of the pages so far, once `keepPrevious` took the
    /// previous build's.
    private let current: LockedCache<(digests: [String: PageDigest], stamp: PageStamp?)>
    /// Whether the process that wrote the output knows no one changed it since (`TreeWatch`): each page recorded
    /// is then taken to be there without looking it up.
    let outputUnchanged: Bool

    /// A cache for a build into `output`, whose files were made from `previous` digests, under `stamp`.
    init(output: String, previous: [String: PageDigest], stamp: String? = nil, unchanged: Bool = false) {
        hasOutput = true
        self.previous = previous
        previousStamp = stamp.flatMap(PageStamp.init)
        current = LockedCache((Dictionary(minimumCapacity: previous.count), nil))
        outputUnchanged = unchanged
        outputFolder = previous.isEmpty || unchanged ? -1 : open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    /// A cache for an in-memory build whose previous build had pages with `previous` digests.
    init(previous: [String: PageDigest]) {
        hasOutput = false
        outputUnchanged = false
        outputFolder = -1
        self.previous = previous
        previousStamp = nil
        current = LockedCache((Dictionary(minimumCapacity: previous.count), nil))
    }

    deinit {
        if outputFolder >= 0 { close(outputFolder) }
    }

    /// This build's page digests so far.
    var digests: [String: PageDigest] { current.withLock { $0.digests } }

    /// Where a cache file of one output folder lies (`<folder>/<name>-<key>.bin`) and the header that names the
    /// binary and output it may be read for.
    static func outputCacheFile(_ name: String, format: String, folder: String, output: String) -> (path: String, header: String) {
        let output = OutputFolderPolicy.canonical(output)
        return (folder + "/" + name + "-" + outputKey(output) + ".bin", "\(format)\nbinary \(binaryIdentity())\noutput \(output)\n")
    }

    /// Names the cache files of one output folder.
    static func outputKey(_ output: String) -> String {
        var state = DigestState()
        state.add(OutputFolderPolicy.canonical(output))
        return String(state.digest.description.prefix(16))
    }

    /// Records the page's digest for this build; true when the output (or the previous in-memory build) already
    /// holds exactly that page.
    func unchanged(_ path: String, _ digest: PageDigest) -> Bool {
        current.withLock { current in
            let replaced = current.digests.updateValue(digest, forKey: path)
            guard current.stamp != nil else { return }
            if let replaced { current.stamp?.remove(path, replaced) }
            current.stamp?.add(path, digest)
        }
        return holds(path, digest)
    }

    /// Whether the output still holds all of `pages`, pages of the build that wrote it (whose digests `keepPrevious`
    /// took as this build's): a page that `spare` (the record of a tree checked to match it) holds under the same
    /// digest needs no copy in the output and is not looked up. Looking each page up in this cache too, and recording
    /// its digest again, was two thirds of finding the files lost in a one-shot rebuild at N=10,000.
    func holds(_ pages: ArraySlice<PageLedger.Page>, keptIn spare: TreeRecord?) -> Bool {
        pages.allSatisfy { page in
            if let spare, spare.files[page.path] == page.digest { return true }
            return holds(page.path, page.digest)
        }
    }

    /// Whether this build has the file at `path` with the digest the previous build had.
    func madeSame(_ path: String) -> Bool {
        guard let digest = previous[path], digest != TreeRecord.comparedByBytes else { return false }
        return current.withLock { $0.digests[path] } == digest
    }

    /// The digest of the file at `path` in the previous build.
    func recorded(_ path: String) -> PageDigest? {
        previous[path]
    }

    /// Whether the output (or the previous in-memory build) holds exactly this page; its digest is not recorded.
    func holds(_ path: String, _ digest: PageDigest) -> Bool {
        guard previous[path] == digest else { return false }
        guard hasOutput, !outputUnchanged else { return true }
        var info = stat()
        return fstatat(outputFolder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Takes every page of the last build as this build's, for a build that makes only some of them again: called
    /// before those are made, so that their new digests replace the old (an edit undone by the next build would
    /// otherwise find its page's digest from before the edit and report the edited page unchanged).
    func keepPrevious() {
        current.withLock { $0 = (previous, previousStamp) }
    }

    /// Names this build's pages: written into the output's marker and its tree record (see `PageStamp`). Only HTML
    /// pages count: a build that splices downloads, or keeps its data files and assets from memory, records those
    /// otherwise than a whole build, whose marker then named another stamp for the same site. (The stamp ties a tree
    /// to its record, which is trusted only while the tree's folders stand as it lists them, so it need not tell
    /// apart builds whose data files alone differ.)
    var stamp: String {
        current.withLock { current in
            if let stamp = current.stamp {
                assert(stamp == Self.stamp(of: current.digests), "the stamp kept from the last build's names other pages")
                return stamp.description
            }
            return Self.stamp(of: current.digests).description
        }
    }

    private static func stamp(of digests: [String: PageDigest]) -> PageStamp {
        var stamp = PageStamp()
        for (path, digest) in digests { stamp.add(path, digest) }
        return stamp
    }

    /// Path, size and modification time of the running executable. On Linux through `/proc/self/exe`, which names the
    /// running file even once it is replaced: `Bundle.main` first lists the executable's folder looking for a bundle
    /// (4.5 ms of every run for a binary in a folder of 6,000 entries).
    static func binaryIdentity() -> String {
        var info = stat()
        #if os(Linux)
        let running = "/proc/self/exe"
        let found = (try? FileManager.default.destinationOfSymbolicLink(atPath: running)).flatMap { stat(running, &info) == 0 ? $0 : nil }
        #else
        let found: String? = nil
        #endif
        // Where /proc is not mounted, as Foundation finds it.
        guard let path = found ?? Bundle.main.executablePath.flatMap({ stat($0, &info) == 0 ? $0 : nil }) else { return "unknown" }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return "\(path) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }
}
