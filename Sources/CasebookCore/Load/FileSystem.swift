import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The read side of a file system, so loading can be tested without touching disk.
public protocol FileSystem: Sendable {
    func readFile(at path: String) throws -> Data
    /// Names of the entries in a directory, sorted; nil when the path is not a directory.
    func directoryEntries(at path: String) -> [String]?
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

/// Reads from disk, refusing to follow symbolic links out of `root`.
public struct LocalFileSystem: FileSystem {
    /// Links may only point inside this folder (after resolving).
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func readFile(at path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
    }

    public func directoryEntries(at path: String) -> [String]? {
        guard kind(at: path) == .directory else { return nil }
        return (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted()
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

    public func directoryEntries(at path: String) -> [String]? {
        guard kind(at: path) == .directory else { return nil }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = files.keys.compactMap { key -> String? in
            guard key.hasPrefix(prefix) else { return nil }
            return key.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        }
        return Set(names).sorted()
    }

    public func kind(at path: String) -> FileKind? {
        if files[path] != nil { return .file }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
    }
}
