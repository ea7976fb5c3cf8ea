import CAtomicSwap
import Foundation

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
        do {
            var made: Set<String> = [staging]
            for file in files {
                let path = staging + "/" + file.path
                let folder = (path as NSString).deletingLastPathComponent
                if !made.contains(folder) {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    made.insert(folder)
                }
                try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            }
            try Data("Written by casebook. This folder is replaced on every build; keep your own files elsewhere.\n".utf8)
                .write(to: URL(fileURLWithPath: staging + "/" + OutputFolderPolicy.marker))
        } catch {
            try? manager.removeItem(atPath: staging)
            throw Failure(description: "cannot write the site: \(error.localizedDescription)")
        }
        try swapIn(staging)
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
