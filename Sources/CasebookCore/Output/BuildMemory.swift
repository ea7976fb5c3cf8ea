import Foundation

/// What a long-lived process (`casebook serve`, `casebook build --watch`) keeps between its builds: the loaded
/// content files and pieces of big list files, rendered Markdown and cards, and the last successful build with its
/// page digests and data files. With it, a page of an in-memory build whose digest did not change comes back as
/// `OutputFile.unchanged` and the caller reuses the bytes it kept from that build; after a prose edit, that build is
/// patched (`LastBuild`).
public final class BuildMemory: Sendable {
    let cards = CardCache()
    let loads = LoadMemory()
    private let pages = LockedCache<[String: PageDigest]>([:])
    private let markdown = LockedCache<MarkdownMemo?>(nil)
    private let last = LockedCache<LastBuild?>(nil)
    private let trees = LockedCache<OutputTrees?>(nil)
    /// Whether anyone else changed the output folder's trees since this process's last build swapped them in.
    let treeWatch: TreeWatch?

    /// `watchingOutput`: the process writes the output folder (`casebook build --watch`) and watches its trees
    /// (`TreeWatch`), so that its builds need not look up every page to find what someone else changed. Not on
    /// a file system whose changes by other machines inotify does not see (the `--poll` case).
    public init(watchingOutput: Bool = false) {
        treeWatch = watchingOutput ? TreeWatch() : nil
    }

    /// The records of the output folder's two trees as a writing process's last build swapped them in.
    struct OutputTrees: Sendable {
        let output: TreeRecord
        let spare: TreeRecord?
    }

    var outputTrees: OutputTrees? { trees.withLock { $0 } }

    /// Cache files a writing process's build saves after its output is swapped in (the trees' records, the page
    /// ledger), saved one after another on another thread: the process keeps what they hold in memory.
    private let saves = DispatchQueue(label: "casebook.cache-saves")

    func saveLater(_ save: @escaping @Sendable () -> Void) {
        saves.async(execute: save)
    }

    /// Waits until the cache files of the builds so far are saved: before the next build replaces them, and before
    /// the process exits.
    public func waitForSaves() {
        saves.sync {}
    }

    /// Called when a writing build swapped in at `output` the tree it staged, leaving the old output as the `spare`:
    /// its records are kept, and the watch takes the changes the build made for its own.
    func rememberTrees(_ kept: OutputTrees, output: String, spare: String, staged footprint: SiteWriter.StagedSite.Footprint) {
        trees.withLock { $0 = kept }
        guard let watch = treeWatch else { return }
        if watch.isWatching(output) {
            watch.staged(output, made: footprint.made, ours: footprint.covers)
        } else {
            watch.watch(output, folders: kept.output.folders.keys) { kept.output.describes(output, asOutput: true) }
        }
        if !watch.isWatching(spare) {
            watch.watch(spare, folders: kept.spare.map { Array($0.folders.keys) } ?? []) { kept.spare?.describes(spare) ?? false }
        }
        watch.keepOnly([output, spare])
    }

    /// The Markdown memo for these renderer settings; a new, empty one when they changed.
    func markdownMemo(settings: String) -> MarkdownMemo {
        markdown.withLock { memo in
            if let memo, memo.settings == settings { return memo }
            let fresh = MarkdownMemo(settings: settings)
            memo = fresh
            return fresh
        }
    }

    /// The page cache for the next build, primed with the last successful build's digests.
    func renderCache() -> RenderCache {
        RenderCache(previous: pages.withLock { $0 })
    }

    /// The last successful build, for the next to patch after a prose edit.
    var lastBuild: LastBuild? { last.withLock { $0 } }

    /// Called when a build succeeded: its pages are the ones the next build compares with (or patches).
    func remember(_ cache: RenderCache, build: LastBuild?) {
        let digests = cache.digests
        pages.withLock { $0 = digests }
        Self.letGo(last.withLock { kept in
            defer { kept = build }
            return kept
        })
    }

    /// Drops the last reference to a replaced build on another thread: freeing its lists of 20,000 items took
    /// 8 ms of each preview rebuild before the browser could reload.
    static func letGo(_ replaced: LastBuild?) {
        guard let replaced else { return }
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} }
    }

    /// Forgets the pages (not the cards, which do not depend on any earlier output): the next build renders
    /// every page. For a caller that no longer holds the last build's files.
    public func forgetPages() {
        pages.withLock { $0 = [:] }
        last.withLock { $0 = nil }
        trees.withLock { $0 = nil }
    }
}
