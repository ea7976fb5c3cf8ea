import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an output tree held when Casebook swapped it in: every file it wrote, by path, with the digest the file was
/// made from, and every folder as it then stood. When the spare tree still matches its record, a rebuild staged
/// into it touches only the files whose digest changed and the files that come and go, instead of visiting all
/// 22,000 of a big tracker (linking and checking them was a sixth of a one-event rebuild at N=10,000).
struct TreeRecord: Equatable, Sendable {
    /// The stamp in the tree's marker file (`pages <stamp>`).
    var stamp: String
    /// Each file's digest; `TreeRecord.comparedByBytes` for a file made without one (assets, feeds, static files),
    /// which the writer always compares with what is there.
    var files: [String: PageDigest]
    /// Each folder below the root (not the root itself, which is renamed on every swap).
    var folders: [String: FolderState]

    static let comparedByBytes = PageDigest(high: 0, low: 0)

    /// A folder's inode and status-change time: adding, removing or renaming an entry in a folder changes its
    /// change time, which no user can set back, so a folder that reads the same still lists the same entries.
    struct FolderState: Equatable, Sendable {
        let inode: UInt64
        let seconds: Int64
        let nanoseconds: Int64

        init(inode: UInt64, seconds: Int64, nanoseconds: Int64) {
            self.inode = inode
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }

        /// The state of the folder at `path`, relative to the open folder `root` (a short path to resolve is most
        /// of the cost of reading 10,000 folders); nil when it is not a folder.
        init?(of path: String, in root: Int32) {
            var info = stat()
            guard fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            #if canImport(Darwin)
            let changed = info.st_ctimespec
            #else
            let changed = info.st_ctim
            #endif
            self.init(inode: UInt64(info.st_ino), seconds: Int64(changed.tv_sec), nanoseconds: Int64(changed.tv_nsec))
        }
    }

    /// The folders that hold `paths`, below the root.
    static func folders<Paths: Sequence<String>>(holding paths: Paths) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            while let slash = end, folders.insert(String(path[..<slash])).inserted {
                end = path.utf8[..<slash].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        return folders
    }

    /// Whether the tree at `root` still holds what this record says: its marker names this stamp, its root lists
    /// the recorded entries and nothing else (but for dot-entries carried over to a live output, with `asOutput`), and
    /// every recorded folder is unchanged since the record was taken. `foldersUnchanged`: the caller saw no entry
    /// come or go in any folder since, but dot-entries of the root (`TreeWatch`), so only those are looked at.
    func describes(_ root: String, asOutput: Bool = false, foldersUnchanged: Bool = false) -> Bool {
        guard isStamped(on: root) else { return false }
        // A dot-entry must be recorded; one recorded and gone is a static file, which is compared with what is there
        // anyway. (Gathering the top level of 44,000 recorded paths took 4 ms.)
        if foldersUnchanged {
            return SiteWriter.entries(of: root).allSatisfy { $0.name == OutputFolderPolicy.marker || files[$0.name] != nil || folders[$0.name] != nil }
        }
        var topLevel: Set<String> = [OutputFolderPolicy.marker], topLevelFiles: [String] = []
        for path in files.keys where Self.isTopLevel(path) { topLevelFiles.append(path) }
        topLevel.formUnion(topLevelFiles)
        for path in folders.keys where Self.isTopLevel(path) { topLevel.insert(path) }
        let entries = SiteWriter.entries(of: root).filter { !asOutput || !$0.name.hasPrefix(".") || topLevel.contains($0.name) }
        guard entries.count == topLevel.count, entries.allSatisfy({ topLevel.contains($0.name) }) else { return false }
        // The root is renamed by every swap, so its own state is not recorded: a file there replaced by a link or a
        // folder is looked for by name.
        var info = stat()
        guard topLevelFiles.allSatisfy({ lstat(root + "/" + $0, &info) == 0 && info.st_mode & S_IFMT == S_IFREG }) else { return false }
        // A folder per page: 22,000 at N=10,000, checked a slice to a core.
        let recorded = Array(folders), slices = Array(stride(from: 0, to: recorded.count, by: 2048))
        return Self.withFolder(root) { descriptor in
            slices.parallelMap { start in
                recorded[start..<min(start + 2048, recorded.count)].allSatisfy { FolderState(of: $0.key, in: descriptor) == $0.value }
            }.allSatisfy { $0 }
        } ?? false
    }

    /// Whether `path` names an entry of the root: its bytes searched in place (searched as a collection of bytes, the
    /// 44,000 recorded paths took 5 ms of a one-event rebuild in its profile).
    static func isTopLevel(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return true }
            return memchr(start, Int32(UInt8(ascii: "/")), bytes.count) == nil
        }
            ?? !path.utf8.contains(UInt8(ascii: "/"))
    }

    /// Calls `body` with `folder` open for `fstatat`; nil when it cannot be opened.
    static func withFolder<Result>(_ folder: String, _ body: (Int32) -> Result) -> Result? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return body(descriptor)
    }

    /// Whether the marker file of the tree at `root` names this record's stamp.
    func isStamped(on root: String) -> Bool {
        guard let marker = FileManager.default.contents(atPath: root + "/" + OutputFolderPolicy.marker) else { return false }
        return String(decoding: marker, as: UTF8.self).contains("\npages \(stamp)\n")
    }
}
