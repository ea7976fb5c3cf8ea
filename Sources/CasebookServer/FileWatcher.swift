import CasebookCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reports paths that change under some folders: through inotify on Linux, by polling elsewhere (or when
/// inotify is unavailable or polling was asked for). Editor droppings (`.x.swp`, `x~`, `4913`) and dot-files are ignored, as the
/// content loader ignores them too.
final class FileWatcher: @unchecked Sendable {
    private let roots: [String]
    private let polling: Bool
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?

    /// `roots` are absolute folder paths; a root that does not exist yet is watched once it appears (polling).
    init(roots: [String], polling: Bool = false) {
        self.roots = roots
        self.polling = polling
    }

    /// A changed path. `writing`: the file was modified and its writer still has it open (seen through inotify
    /// only), so it may be half-written; its close follows as another change.
    struct Change: Sendable, Equatable {
        let path: String
        var writing = false
    }

    /// Starts watching — every save from the moment this returns is seen — and calls `onChange` with each
    /// change from a background thread until `stop()`.
    func start(_ onChange: @escaping @Sendable (Change) -> Void) {
        let thread: Thread
        #if os(Linux)
        if !polling, let inotify = InotifyWatch(roots: roots) {
            thread = Thread { [self] in
                inotify.run(onChange: { change in if Self.isRelevant(change.path) { onChange(change) } }, isStopped: { [self] in isStopped })
            }
        } else {
            let initial = Self.snapshot(roots)
            thread = Thread { [self] in pollForever(from: initial, onChange) }
        }
        #else
        let initial = Self.snapshot(roots)
        thread = Thread { [self] in pollForever(from: initial, onChange) }
        #endif
        thread.name = "casebook-watch"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    static func isRelevant(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return !(name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasSuffix(".tmp"))
    }

    /// The fallback: compares modification times and sizes of every file every 250 ms.
    private func pollForever(from initial: [String: Stamp], _ onChange: @Sendable (Change) -> Void) {
        var previous = initial
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.25)
            let next = Self.snapshot(roots)
            for (path, stamp) in next where previous[path] != stamp && Self.isRelevant(path) { onChange(Change(path: path)) }
            for path in previous.keys where next[path] == nil && Self.isRelevant(path) { onChange(Change(path: path)) }
            previous = next
        }
    }

    struct Stamp: Equatable {
        let modified: Date?
        let size: Int?
    }

    static func snapshot(_ roots: [String]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let manager = FileManager.default
        for root in roots {
            guard let walker = manager.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                let attributes = try? manager.attributesOfItem(atPath: path)
                stamps[path] = Stamp(modified: attributes?[.modificationDate] as? Date,
                                     size: (attributes?[.size] as? NSNumber)?.intValue)
            }
        }
        return stamps
    }
}

#if os(Linux)
/// Recursive inotify watches over folders, following folders created or moved in later.
/// Set up on the caller's thread, then read from the watcher's thread only.
private final class InotifyWatch: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF)

    init?(roots: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots { addTree(root) }
    }

    deinit { close(descriptor) }

    private func addTree(_ folder: String) {
        let watch = inotify_add_watch(descriptor, folder, mask)
        guard watch >= 0 else { return }
        folders[watch] = folder
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !entry.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let path = folder + "/" + entry
            // Symlinked folders are not followed: the loader refuses links that leave Content/.
            if manager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
               (try? manager.destinationOfSymbolicLink(atPath: path)) == nil {
                addTree(path)
            }
        }
    }

    func run(onChange: (FileWatcher.Change) -> Void, isStopped: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !isStopped() {
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            for event in InotifyEvent.events(in: buffer, count: count) {
                guard let folder = folders[event.watch] else { continue }
                let path = event.name.isEmpty ? folder : folder + "/" + event.name
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.watch] = nil }
                // A save that truncates and rewrites in place reports a modification first, while the file may
                // still be empty or half-written; its close says the save is done.
                onChange(FileWatcher.Change(path: path, writing: event.mask & UInt32(IN_MODIFY) != 0
                                            && event.mask & UInt32(IN_CLOSE_WRITE) == 0))
            }
        }
    }
}
#endif
