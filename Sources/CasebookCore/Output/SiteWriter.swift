import CAtomicSwap
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

    public func write(_ files: [OutputFile]) throws(Failure) {
        let manager = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent + "/.\(name).casebook-tmp-\(token)"
        removeAbandonedStaging(in: parent, prefix: ".\(name).casebook-tmp-")
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure(description: "cannot create a staging folder beside '\(output)': \(error.localizedDescription)")
        }
        do throws(Failure) {
            var made: Set<String> = [staging]
            for file in files {
                let path = staging + "/" + file.path
                try makeFolders(for: path, made: &made)
                try Self.writeFile(file.bytes, to: path)
            }
            try Self.writeFile(Array("Written by casebook. This folder is replaced on every build; keep your own files elsewhere.\n".utf8),
                               to: staging + "/" + OutputFolderPolicy.marker)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw Failure(description: "cannot write the site: \(error.description)")
        }
        try swapIn(staging)
    }

    /// Creates the folder a file goes into and any missing parents, remembering what exists so each folder
    /// costs one `mkdir` per build rather than Foundation's stat-per-component walk.
    private func makeFolders(for path: String, made: inout Set<String>) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !made.contains(folder) else { return }
        try makeFolders(for: folder, made: &made)
        if mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw Failure(description: "cannot create folder '\(folder)': \(String(cString: strerror(errno)))")
        }
        made.insert(folder)
    }

    /// Writes bytes with plain `open`/`write`/`close`. Foundation's `Data.write` also calls `fsync` on each
    /// file, which made writing 20,000 pages wait on the disk for most of the build; durability comes
    /// from the swap at the end, not from syncing every page (a killed build never shows a partial tree).
    static func writeFile(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
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

    /// Puts the staged tree at the output path and removes the old one.
    private func swapIn(_ staging: String) throws(Failure) {
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
        try? manager.removeItem(atPath: old)
    }
}
