import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether anyone else changed the output folder's two trees (the live output and the spare) since a long-lived
/// writing process (`casebook build --watch`) last swapped them, seen through inotify on every folder of both. A
/// tree no one changed is as its record says, so the build need not look up its 22,000 pages and folders (a fifth
/// of a one-event rebuild at N=10,000). Only entries coming and going count, as for `TreeRecord.FolderState`.
/// Off Linux, past the watch budget, or after the event queue overflowed, a tree counts as changed and the build
/// checks it as a one-shot build does.
final class TreeWatch: @unchecked Sendable {
    /// A tree by its root folder's identity, which stays with it through the renames of a swap.
    struct Tree: Hashable {
        let device: UInt64
        let inode: UInt64

        init?(_ root: String) {
            var info = stat()
            guard lstat(root, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private struct State {
        /// The watch of each folder, by path relative to the root ("" for the root).
        var watches: [String: Int32] = [:]
        var changed = false
        /// False once a folder could not be watched: the tree then always counts as changed.
        var complete = true
    }

    private let descriptor: Int32
    /// The most watches this process takes: half the user's limit, leaving the rest to editors and other tools.
    private let budget: Int
    private let lock = NSLock()
    private var folders: [Int32: (tree: Tree, path: String)] = [:]
    private var trees: [Tree: State] = [:]

    init?(budget: Int? = nil) {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.budget = budget ?? Self.userLimit() / 2
        #else
        return nil
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the tree at `root` is watched (changed or not).
    func isWatching(_ root: String) -> Bool {
        guard let tree = Tree(root) else { return false }
        return lock.withLock { trees[tree] != nil }
    }

    /// Starts watching the tree at `root`: the root and its `folders` (relative). It counts as unchanged if `verify`,
    /// run once the watches are in place, finds it as recorded: a change made before its folder was watched would
    /// not be seen otherwise.
    func watch(_ root: String, folders recorded: some Collection<String>, verify: () -> Bool) {
        guard let tree = Tree(root) else { return }
        let fits = lock.withLock {
            readEvents()
            forget(tree)
            trees[tree] = State()
            // A tree too big for the budget is not watched in part: its build checks it whole anyway.
            guard folders.count + recorded.count < budget else {
                trees[tree]?.complete = false
                return false
            }
            add([""], below: root, to: tree)
            add(recorded, below: root, to: tree)
            return true
        }
        guard fits else { return }
        let verified = verify()
        lock.withLock {
            readEvents()
            if !verified { trees[tree]?.changed = true }
        }
    }

    /// Whether no one changed the tree at `root` since it was last staged or verified, every folder of it watched.
    func isUnchanged(_ root: String) -> Bool {
        guard let tree = Tree(root) else { return false }
        return lock.withLock {
            readEvents()
            guard let state = trees[tree] else { return false }
            return state.complete && !state.changed
        }
    }

    /// After a build staged into the tree now swapped in at `root` (a watched one: the spare it started from): a change
    /// seen in it since the build began is the build's own where `ours` holds for the folder (relative), and someone
    /// else's anywhere else. What the build staged it from was checked, so only changes by others count from now on.
    /// The folders it `made` are watched.
    func staged(_ root: String, made: some Sequence<String>, ours: (String) -> Bool) {
        guard let tree = Tree(root) else { return }
        lock.withLock {
            guard trees[tree] != nil else { return }
            trees[tree]?.changed = false
            readEvents { $0 == tree && ours($1) }
            add(made, below: root, to: tree)
        }
    }

    /// Stops watching every tree but those at `roots`.
    func keepOnly(_ roots: [String]) {
        let kept = Set(roots.compactMap(Tree.init))
        lock.withLock {
            for tree in trees.keys where !kept.contains(tree) { forget(tree) }
        }
    }

    /// Watches the folders at `paths` below `root`; past the budget, the tree's watches are given back and it is
    /// marked incomplete for good.
    private func add(_ paths: some Sequence<String>, below root: String, to tree: Tree) {
        #if os(Linux)
        guard trees[tree]?.complete == true else { return }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)
            | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
        for path in paths where trees[tree]?.watches[path] == nil {
            let watch = folders.count < budget ? inotify_add_watch(descriptor, path.isEmpty ? root : root + "/" + path, mask) : -1
            guard watch >= 0 else {
                // A folder that is not there is one someone removed, which `verify` sees.
                if folders.count < budget && errno == ENOENT { continue }
                forget(tree)
                trees[tree] = State(complete: false)
                return
            }
            // A folder moved here from the other tree keeps its watch.
            if let moved = folders[watch] { trees[moved.tree]?.watches[moved.path] = nil }
            folders[watch] = (tree, path)
            trees[tree]?.watches[path] = watch
        }
        #endif
    }

    private func forget(_ tree: Tree) {
        guard let state = trees.removeValue(forKey: tree) else { return }
        for watch in state.watches.values {
            folders[watch] = nil
            #if os(Linux)
            inotify_rm_watch(descriptor, watch)
            #endif
        }
    }

    /// Reads every event queued so far: each marks its tree changed unless `ours` claims it (by tree and folder).
    /// The roots' own renames and their dot-entries (the marker, `.git` carried over) are the swap's.
    private func readEvents(ours: (Tree, String) -> Bool = { _, _ in false }) {
        #if os(Linux)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                return
            }
            for event in InotifyEvent.events(in: buffer, count: count) {
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    for tree in trees.keys { trees[tree]?.changed = true }
                    continue
                }
                guard let (tree, path) = folders[event.watch] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    folders[event.watch] = nil
                    trees[tree]?.watches[path] = nil
                    continue
                }
                if path.isEmpty, event.mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0 || event.name.hasPrefix(".") { continue }
                if ours(tree, path) { continue }
                trees[tree]?.changed = true
            }
        }
        #endif
    }

    #if os(Linux)
    private static func userLimit() -> Int {
        let text = (try? String(contentsOfFile: "/proc/sys/fs/inotify/max_user_watches", encoding: .utf8)) ?? ""
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 8192
    }
    #endif
}
