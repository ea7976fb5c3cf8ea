import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteWriter {
    /// A new site being written into its staging folder.
    public final class StagedSite {
        let writer: SiteWriter
        let staging: String
        /// The current output, from which unchanged pages are hard-linked.
        let previous: String?
        private var made: [String: Int]
        private var finished = false

        init(writer: SiteWriter, staging: String, previous: String?) {
            self.writer = writer
            self.staging = staging
            self.previous = previous
            made = [staging: 0]
        }

        /// Writes a batch of files into the staging folder. On failure the caller should `discard()`.
        public func add(_ files: [OutputFile]) throws(Failure) {
            do throws(Failure) {
                // Folders first, one depth at a time so parents exist, then the files; each step on all cores,
                // as creating 20,000 folders and files is mostly the file system's time per inode.
                var levels: [[String]] = []
                for file in files { SiteWriter.collectFolders(for: staging + "/" + file.path, made: &made, levels: &levels) }
                for level in levels where !level.isEmpty {
                    try SiteWriter.concurrently(level) { folder throws(Failure) in try SiteWriter.makeFolder(folder) }
                }
                // A page whose bytes did not change since the last build is hard-linked from the old output instead
                // of written: no new inode, no copy, and the old tree's removal frees only its names.
                let staging = staging, previous = previous
                try SiteWriter.concurrently(files) { file throws(Failure) in
                    let path = staging + "/" + file.path
                    if let previous, SiteWriter.holds(previous + "/" + file.path, file.bytes),
                       link(previous + "/" + file.path, path) == 0 {
                        return
                    }
                    try SiteWriter.writeFile(file.bytes, to: path)
                }
            } catch {
                throw Failure(description: "cannot write the site: \(error.description)")
            }
        }

        /// Marks the staged tree as Casebook's and swaps it in for the output.
        public func commit() throws(Failure) {
            finished = true
            do throws(Failure) {
                try SiteWriter.writeFile(
                    Array("Written by casebook. This folder is replaced on every build; keep your own files elsewhere.\n".utf8),
                    to: staging + "/" + OutputFolderPolicy.marker)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw Failure(description: "cannot write the site: \(error.description)")
            }
            try writer.swapIn(staging)
        }

        /// Removes the staging folder, leaving the output as it was.
        public func discard() {
            finished = true
            try? FileManager.default.removeItem(atPath: staging)
        }

        deinit {
            if !finished { try? FileManager.default.removeItem(atPath: staging) }
        }
    }
}
