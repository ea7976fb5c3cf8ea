import CFileCalls
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a built site all at once: every file goes into a fresh folder beside the output, which is then
/// swapped in, so a failed or killed build leaves the previous site whole. Dot-entries of the old output
/// (`.git`, `.well-known`, `.nojekyll`) are carried over, as people deploy the output as its own repository.
public struct SiteWriter: Sendable {
    public let output: String

    public init(output: String) {
        self.output = OutputFolderPolicy.canonical(output)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A staging folder whose spare tree, if any, is checked file by file.
    public func begin() throws(Failure) -> StagedSite {
        try begin(spareRecord: nil)
    }

    /// Writes `files` as the whole new site.
    public func write(_ files: [OutputFile]) throws(Failure) {
        let staged = try begin()
        do throws(Failure) {
            try staged.add(files)
        } catch {
            staged.discard()
            throw error
        }
        try staged.commit()
    }

    /// The previous output, kept beside the new one after a swap (`.Site.casebook-spare`) so that the next build
    /// can start from it: only pages that changed are rewritten, and no tree of 20,000 folders is created and
    /// another deleted on every build. Its unchanged files are hard links shared with the output, so it costs
    /// little space; deleting it only makes the next build slower.
    var spare: String {
        (output as NSString).deletingLastPathComponent + "/.\((output as NSString).lastPathComponent).casebook-spare"
    }

    /// Opens a staging folder beside the output, to which files can be added a batch at a time while the rest of
    /// the site is still being rendered; nothing is visible until `commit()`. The staging folder is the spare
    /// tree of the last build when there is one; `spareRecord` is what that tree held when it was swapped in, used
    /// only if the tree still matches it (its folders are not looked up when the caller checked them already or knows
    /// them `unchanged`).
    func begin(spareRecord: TreeRecord?, unchanged: Bool = false) throws(Failure) -> StagedSite {
        let manager = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent + "/.\(name).casebook-tmp-\(token)"
        removeAbandonedStaging(in: parent, prefix: ".\(name).casebook-tmp-")
        let previous = manager.fileExists(atPath: output) ? output : nil
        if Self.isCasebookTree(spare), rename(spare, staging) == 0 {
            let known = spareRecord.flatMap { $0.describes(staging, foldersUnchanged: unchanged) ? $0 : nil }
            return StagedSite(writer: self, staging: staging, previous: previous, reused: true, known: known)
        }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure(description: "cannot create a staging folder beside '\(output)': \(error.localizedDescription)")
        }
        return StagedSite(writer: self, staging: staging, previous: previous, reused: false)
    }

    /// Whether `path` is a real folder (not a link) holding Casebook's marker file.
    static func isCasebookTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return lstat(path + "/" + OutputFolderPolicy.marker, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Adds the folder a file goes into, and any parents not seen yet, to `levels` by depth below the staging
    /// folder (depth 0), so each folder costs one `mkdir` rather than Foundation's stat-per-component walk.
    /// Returns the folder's depth.
    @discardableResult
    static func collectFolders(for path: String, made: inout [String: Int], levels: inout [[String]]) -> Int {
        // Up to the last "/" (paths here are the staging folder's and generated slugs): NSString's path methods
        // cost a bridge per call, a thirtieth of a rebuild.
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        if let depth = made[folder] { return depth }
        let depth = collectFolders(for: folder, made: &made, levels: &levels) + 1
        made[folder] = depth
        while levels.count < depth { levels.append([]) }
        levels[depth - 1].append(folder)
        return depth
    }

    /// Makes a folder; in a reused spare tree it usually exists already, and a file in its place is replaced.
    static func makeFolder(_ folder: String) throws(Failure) {
        if mkdir(folder, 0o777) == 0 { return }
        var info = stat()
        if errno == EEXIST, lstat(folder, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            if unlink(folder) == 0, mkdir(folder, 0o777) == 0 { return }
        }
        throw Failure(description: "cannot create folder '\(folder)': \(String(cString: strerror(errno)))")
    }

    /// Runs `body` on every item on all cores; if any fail, throws the failure of the earliest item, so the
    /// message does not depend on thread timing.
    static func concurrently<Item: Sendable>(_ items: [Item], _ body: @Sendable (Item) throws(Failure) -> Void)
        throws(Failure) {
        let earliest = LockedCache<(index: Int, failure: Failure)?>(nil)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            do throws(Failure) { try body(items[index]) } catch {
                earliest.withLock { earliest in
                    if let known = earliest, known.index < index { return }
                    earliest = (index, error)
                }
            }
        }
        if let failure = earliest.withLock({ $0 }) { throw failure.failure }
    }

    /// Whether `path` is a regular file (not a link) holding exactly the bytes of `file`.
    static func holds(_ path: String, _ file: OutputFile) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        let size = file.byteCount
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else {
            return false
        }
        var chunk = [UInt8](repeating: 0, count: Swift.min(Swift.max(size, 1), 1 << 16))
        return chunk.withUnsafeMutableBytes { buffer in
            guard let start = buffer.baseAddress else { return false }
            return file.forEachPiece { expected in
                guard let wanted = expected.baseAddress else { return true }  // an empty page or piece
                var offset = 0
                while offset < expected.count {
                    let count = read(descriptor, start, Swift.min(buffer.count, expected.count - offset))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0, memcmp(start, wanted + offset, count) == 0 else { return false }
                    offset += count
                }
                return true
            }
        }
    }

    /// Writes bytes with plain `open`/`write`/`close`. Foundation's `Data.write` also calls `fsync` on each
    /// file, which made writing 20,000 pages wait on the disk for most of the build; durability comes
    /// from the swap at the end, not from syncing every page (a killed build never shows a partial tree).
    static func writeFile(_ bytes: [UInt8], to path: String) throws(Failure) {
        let failure: Failure? = bytes.withUnsafeBytes { buffer in
            do throws(Failure) { try writeFile(buffer, to: path) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) throws(Failure) {
        try writeNewFile(path) { writeAll(buffer, to: $0) }
    }

    /// Writes the bytes of `file` (one piece after the other, for a file in pieces) as a new file.
    static func writeFile(_ file: OutputFile, to path: String) throws(Failure) {
        try writeNewFile(path) { fill($0, with: file) }
    }

    /// Writes `file` over the stale file at `path` when no other path names that file (a page of the spare tree that
    /// the live output does not share), into its blocks: removing it frees them, which on a file system mounted with
    /// `discard` waits for the disk (consecutive one-event rebuilds at N=10,000 took 142.6 ms so, 131.6 without). The
    /// file is renamed aside while it is written, so that its folder shows the change (`TreeRecord.FolderState`) should
    /// the build stop halfway. False, with nothing changed, where there is no such file to write over.
    static func rewrite(_ path: String, with file: OutputFile) throws(Failure) -> Bool {
        // Only a regular file is opened (opening a device may do something), and only if it is still that file then.
        var found = stat(), opened = stat()
        guard lstat(path, &found) == 0, found.st_mode & S_IFMT == S_IFREG, found.st_nlink == 1 else { return false }
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        let aside = path + ".casebook-rewrite"
        guard fstat(descriptor, &opened) == 0, opened.st_ino == found.st_ino, opened.st_dev == found.st_dev, opened.st_nlink == 1,
              casebook_rename_unless_taken(path, aside) == 0 else {
            close(descriptor)
            return false
        }
        var failure = fill(descriptor, with: file)
        if failure == 0 && ftruncate(descriptor, off_t(file.byteCount)) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(aside, path) != 0 { failure = errno }
        guard failure == 0 else { throw Failure(description: "cannot write '\(path)': \(String(cString: strerror(failure)))") }
        return true
    }

    /// Writes `file`'s bytes at the position of the file open as `descriptor`; the error number when that failed, else 0.
    private static func fill(_ descriptor: Int32, with file: OutputFile) -> Int32 {
        if let (source, pieces) = file.splice { return writeSplice(source, pieces, to: descriptor) }
        var failure: Int32 = 0
        file.forEachPiece { buffer in
            failure = writeAll(buffer, to: descriptor)
            return failure == 0
        }
        return failure
    }

    /// Writes a spliced file's pieces: each range it keeps copied from its source file by the kernel, as far as the
    /// kernel copies it (the rest written from the mapping), and its own bytes; the error number when that failed.
    static func writeSplice(_ source: OpenedFile, _ pieces: [OutputFile.Piece], to descriptor: Int32) -> Int32 {
        source.bytes.withUnsafeBytes { kept in
            for piece in pieces {
                let failure: Int32
                switch piece {
                case .kept(let range):
                    let copied = source.copy(range, to: descriptor)
                    failure = writeAll(UnsafeRawBufferPointer(rebasing: kept[(range.lowerBound + copied)..<range.upperBound]), to: descriptor)
                case .made(let bytes):
                    failure = bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
                }
                if failure != 0 { return failure }
            }
            return 0
        }
    }

    /// Writes every byte of `buffer`; the error number when that failed, else 0.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        guard let start = buffer.baseAddress else { return 0 }  // nothing to write
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, start + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Creates the file at `path` and has `write` fill it (returning an error number, or 0).
    private static func writeNewFile(_ path: String, _ write: (Int32) -> Int32) throws(Failure) {
        // O_EXCL: a file that is there is never written through, as it may be a hard link into the live site.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        var failure = write(descriptor)
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            throw Failure(description: "cannot write '\(path)': \(String(cString: strerror(failure)))")
        }
    }

    /// Removes staging folders left by builds that were killed before they could clean up: those whose
    /// process is gone. A staging folder of a build still running is left alone.
    private func removeAbandonedStaging(in parent: String, prefix: String) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0.isNumber }),
                  pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Puts the staged tree at the output path and keeps the old one as the spare for the next build.
    func swapIn(_ staging: String) throws(Failure) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output) else {
            do { try manager.moveItem(atPath: staging, toPath: output) } catch {
                try? manager.removeItem(atPath: staging)
                throw Failure(description: "cannot move the new site into place: \(error.localizedDescription)")
            }
            return
        }
        var old = staging
        if casebook_exchange_paths(staging, output) != 0 {
            old = staging + "-old"
            do {
                try manager.moveItem(atPath: output, toPath: old)
                try manager.moveItem(atPath: staging, toPath: output)
            } catch {
                if !manager.fileExists(atPath: output) { try? manager.moveItem(atPath: old, toPath: output) }
                try? manager.removeItem(atPath: staging)
                throw Failure(description: "cannot swap the new site into place: \(error.localizedDescription)")
            }
        }
        for entry in (try? manager.contentsOfDirectory(atPath: old)) ?? []
        where entry.hasPrefix(".") && entry != OutputFolderPolicy.marker && !manager.fileExists(atPath: output + "/" + entry) {
            try? manager.moveItem(atPath: old + "/" + entry, toPath: output + "/" + entry)
        }
        if manager.fileExists(atPath: spare) || rename(old, spare) != 0 { try? manager.removeItem(atPath: old) }
    }
}
