import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The read side of a file system, so loading can be tested without touching disk.
public protocol FileSystem: Sendable {
    func readFile(at path: String) throws -> Data
    /// The entries of a directory, sorted by name; nil when the path is not a directory.
    func directoryEntries(at path: String) -> [DirectoryEntry]?
    func kind(at path: String) -> FileKind?
    /// The file's stamp, where the file system has them, for a long-lived process to skip files it loaded before.
    func stamp(at path: String) -> FileStamp?
}

extension FileSystem {
    public func stamp(at path: String) -> FileStamp? { nil }
}

public enum FileKind: Sendable, Equatable {
    case file, directory
    /// A symbolic link that points outside the tree being read, or nowhere.
    case brokenOrEscapingLink
}

/// One entry of a directory: its name and what `kind(at:)` says it is (nil for anything but a file or folder).
public struct DirectoryEntry: Sendable, Equatable {
    public let name: String
    public let kind: FileKind?
}

/// Reads from disk, refusing to follow symbolic links out of `root`.
public struct LocalFileSystem: FileSystem {
    /// Links may only point inside this folder (after resolving).
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Opened, sized and read here: Foundation's read by URL also looked each path up to make the URL, a tenth of
    /// loading the 1,600 files of a 10,000-event tracker. A file that grows while it is read is read to its end.
    public func readFile(at path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(code: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadFailure(code: errno) }
        // A byte more than the size, so the end is found by the next read, not by a buffer just full.
        var data = Data(count: Int(info.st_size) + 1), filled = 0
        while true {
            if filled == data.count { data.count *= 2 }
            let count = data.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { read(descriptor, $0 + filled, buffer.count - filled) } ?? 0
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(code: errno)
            }
            filled += count
        }
        data.count = filled
        return data
    }

    /// The reason a file could not be read, as the system words it ("Permission denied").
    struct ReadFailure: LocalizedError {
        let code: Int32
        var errorDescription: String? { String(cString: strerror(code)) }
    }

    /// Each entry's kind from the type its folder records (see `FolderListing`), rather than by an `lstat` per entry;
    /// links are followed as `kind(at:)` follows them.
    public func directoryEntries(at path: String) -> [DirectoryEntry]? {
        guard kind(at: path) == .directory, let listed = FolderListing.entries(of: path) else { return nil }
        return listed.map { entry in
            let kind: FileKind? = switch entry.type {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): self.kind(at: path + "/" + entry.name)
            default: nil
            }
            return DirectoryEntry(name: entry.name, kind: kind)
        }.sorted { $0.name < $1.name }
    }

    public func stamp(at path: String) -> FileStamp? {
        FileStamp.of(path)
    }

    /// From `lstat`: Foundation's `attributesOfItem` also looks up the owner's user and group names, reading
    /// `/etc/passwd` and `/etc/group` for each of a big tracker's 1,500 content files.
    public func kind(at path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFLNK {
            let url = URL(fileURLWithPath: path)
            let target = url.resolvingSymlinksInPath().path
            let inside = target == root || target.hasPrefix(root + "/")
            let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
            // A link to a folder that contains the link would make the walk go round forever.
            let loops = parent == target || parent.hasPrefix(target + "/")
            var isDirectory: ObjCBool = false
            guard inside, !loops, FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
            else { return .brokenOrEscapingLink }
            return isDirectory.boolValue ? .directory : .file
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return nil
        }
    }
}

/// An in-memory tree of files keyed by path, for tests.
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: Data]

    public init(files: [String: String]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        self.files = data
    }

    public func readFile(at path: String) throws -> Data {
        guard let data = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
        return data
    }

    public func directoryEntries(at path: String) -> [DirectoryEntry]? {
        guard kind(at: path) == .directory else { return nil }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = files.keys.compactMap { key -> String? in
            guard key.hasPrefix(prefix) else { return nil }
            return key.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        }
        return Set(names).sorted().map { DirectoryEntry(name: $0, kind: kind(at: prefix + $0)) }
    }

    public func kind(at path: String) -> FileKind? {
        if files[path] != nil { return .file }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
    }
}
