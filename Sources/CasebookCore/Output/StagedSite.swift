import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteWriter {
    /// A new site being written into its staging folder: a fresh one, or the spare tree of the build before
    /// last, in which pages that did not change are left as they are.
    public final class StagedSite {
        let writer: SiteWriter
        let staging: String
        /// The current output, from which unchanged pages are hard-linked.
        let previous: String?
        /// Whether the staging folder is a reused spare tree, whose stale files must go before the swap.
        let reused: Bool
        /// The reused spare tree's record, when the tree still matches it: a file it holds under the same digest is
        /// left as it is, and only recorded files are looked at for removal (no walk of the whole tree).
        let known: TreeRecord?
        private var made: [String: Int]
        /// Every file this build wrote, relative to the site root, with its digest (`TreeRecord.comparedByBytes`
        /// for a file made without one).
        private var written: [String: PageDigest] = [:]
        /// How many of the files in `written` the reused spare's record lists: all of them, and no file is stale.
        private var writtenKnown = 0
        /// Folders, relative to the site root, in which this build may have added or removed entries.
        private var touched: Set<String> = []
        /// What this build removed from a reused spare tree, relative to the site root.
        private var removed: Set<String> = []
        /// Whether this build wrote exactly the files the reused spare's record lists, found when removing stale files.
        private var writtenAsKnown = false
        /// The files placed in the staging tree, with their digests: what changed of the reused spare's record.
        private var placed: [String: PageDigest] = [:]
        /// What the record taken at the swap changes of the reused spare's, when this build wrote the files that record
        /// lists, and no other (then only placed files and touched folders differ).
        private(set) var changesFromKnown: TreeRecord.Changes?
        private var finished = false

        init(writer: SiteWriter, staging: String, previous: String?, reused: Bool, known: TreeRecord? = nil) {
            self.writer = writer
            self.staging = staging
            self.previous = previous
            self.reused = reused
            self.known = reused ? known : nil
            made = [staging: 0]
        }

        /// Writes a batch of files into the staging folder. On failure the caller should `discard()`.
        /// `onAllCores` spreads the folders and files over all cores, for a caller with nothing else to do; a
        /// build writing while it renders (`WriteQueue`) writes on one thread.
        public func add(_ files: [OutputFile], onAllCores: Bool = true) throws(Failure) {
            do throws(Failure) {
                // Folders first, one depth at a time so parents exist, then the files.
                var levels: [[String]] = []
                var placing: [OutputFile] = []
                placing.reserveCapacity(files.count)
                written.reserveCapacity(written.count + files.count)
                for file in files {
                    let digest = file.digest ?? TreeRecord.comparedByBytes
                    let recorded = known?.files[file.path]
                    if written.updateValue(digest, forKey: file.path) == nil, recorded != nil { writtenKnown += 1 }
                    if digest != TreeRecord.comparedByBytes, recorded == digest { continue }
                    SiteWriter.collectFolders(for: staging + "/" + file.path, made: &made, levels: &levels)
                    touched.insert(Self.folder(of: file.path))
                    placing.append(file)
                    if known != nil { placed[file.path] = digest }
                }
                let staging = staging, previous = previous, reused = reused
                let place: @Sendable (OutputFile) throws(Failure) -> Void = { file throws(Failure) in
                    try Self.place(file, at: staging + "/" + file.path, previous: previous.map { $0 + "/" + file.path },
                                   reused: reused)
                }
                guard onAllCores else {
                    for folder in levels.joined() { try SiteWriter.makeFolder(folder) }
                    for file in placing { try place(file) }
                    return
                }
                for level in levels where !level.isEmpty {
                    try SiteWriter.concurrently(level) { folder throws(Failure) in try SiteWriter.makeFolder(folder) }
                }
                try SiteWriter.concurrently(placing, place)
            } catch {
                throw Failure(description: "cannot write the site: \(error.description)")
            }
        }

        /// Puts one file in the staging tree. A page whose bytes did not change is not written: it is kept from the
        /// spare tree, or hard-linked from the current output (no new inode, no copy); where both hold it, the spare's
        /// copy becomes a link to the output's, so the two trees share one copy of every unchanged page.
        private static func place(_ file: OutputFile, at path: String, previous old: String?, reused: Bool) throws(Failure) {
            if file.unchanged {
                guard let old else { throw Failure(description: "'\(file.path)' was not rendered but there is no output to take it from") }
                if reused, SiteWriter.sameFile(path, old) { return }
                if reused { try SiteWriter.clear(path) }
                if link(old, path) == 0 { return }
                guard let bytes = FileManager.default.contents(atPath: old) else {
                    throw Failure(description: "cannot read '\(old)': \(String(cString: strerror(errno)))")
                }
                return try SiteWriter.writeFile(Array(bytes), to: path)
            }
            if reused, SiteWriter.holds(path, file) {
                guard let old, !SiteWriter.sameFile(path, old), SiteWriter.holds(old, file) else { return }
                try SiteWriter.clear(path)
                if link(old, path) == 0 { return }
                return try SiteWriter.writeFile(file, to: path)
            }
            let outputHolds = old.map { SiteWriter.holds($0, file) } == true
            if reused, !outputHolds, try SiteWriter.rewrite(path, with: file) { return }
            if reused { try SiteWriter.clear(path) }
            if let old, outputHolds, link(old, path) == 0 { return }
            try SiteWriter.writeFile(file, to: path)
        }

        /// Marks the staged tree as Casebook's (with the render cache's stamp, when there is one) and swaps it in
        /// for the output.
        public func commit(stamp: String? = nil) throws(Failure) {
            _ = try commit(stamp: stamp, recording: false)
        }

        /// The same, returning the new output's record, for the build after next, which starts from this tree.
        func commitRecording(stamp: String) throws(Failure) -> TreeRecord? {
            try commit(stamp: stamp, recording: true)
        }

        private func commit(stamp: String?, recording: Bool) throws(Failure) -> TreeRecord? {
            finished = true
            var committed: TreeRecord?
            do throws(Failure) {
                if let known {
                    try removeStale(from: known)
                } else if reused {
                    try removeStale(in: staging, relative: "")
                }
                let marker = staging + "/" + OutputFolderPolicy.marker
                let note = "Written by casebook. This folder is replaced on every build; keep your own files elsewhere.\n"
                let file = OutputFile(path: OutputFolderPolicy.marker, text: note + (stamp.map { "pages \($0)\n" } ?? ""))
                if try !SiteWriter.rewrite(marker, with: file) {
                    try SiteWriter.clear(marker)
                    try SiteWriter.writeFile(file, to: marker)
                }
                if recording, let stamp { committed = record(stamp: stamp) }
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw Failure(description: "cannot write the site: \(error.description)")
            }
            try writer.swapIn(staging)
            return committed
        }

        /// Deletes what a reused spare tree holds that this build did not write: pages that are gone, and
        /// folders no page needs any more.
        private func removeStale(in folder: String, relative: String) throws(Failure) {
            for (name, isFolder) in SiteWriter.entries(of: folder) {
                let path = folder + "/" + name, relativePath = relative.isEmpty ? name : relative + "/" + name
                // The marker is written over next, in place (see `SiteWriter.rewrite`).
                if relativePath == OutputFolderPolicy.marker { continue }
                if isFolder, made[path] != nil {
                    try removeStale(in: path, relative: relativePath)
                } else if isFolder || written[relativePath] == nil {
                    try SiteWriter.clear(path)
                    removed.insert(relativePath)
                }
            }
        }

        /// The same for a spare tree that matches its record: the recorded files this build did not write, then
        /// the highest recorded folders that no longer hold any file (a path that turned from file to folder, or
        /// back, was replaced when the new file or folder was placed).
        private func removeStale(from known: TreeRecord) throws(Failure) {
            // Every recorded file written (as counted while they were): none is stale, and looking each of 22,000 up
            // again took 8 ms of a rebuild.
            let stale = writtenKnown == known.files.count ? [] : known.files.keys.filter { written[$0] == nil }
            // No recorded file unwritten, and as many written: the same files.
            writtenAsKnown = stale.isEmpty && known.files.count == written.count
            guard !stale.isEmpty else { return }  // then every recorded folder still holds a file
            let needed = TreeRecord.folders(holding: written.keys)
            for path in stale where !needed.contains(path) {
                try SiteWriter.clear(staging + "/" + path)
                touched.insert(Self.folder(of: path))
                removed.insert(path)
            }
            for folder in known.folders.keys where !needed.contains(folder) && written[folder] == nil {
                let parent = Self.folder(of: folder)
                guard parent.isEmpty || needed.contains(parent) else { continue }
                try SiteWriter.clear(staging + "/" + folder)
                touched.insert(parent)
                removed.insert(folder)
            }
        }

        /// What the staged tree holds now: the spare's record with the folders this build changed read again, or,
        /// when files came or went, every folder read.
        private func record(stamp: String) -> TreeRecord {
            let folders = TreeRecord.withFolder(staging) { root in
                var folders: [String: TreeRecord.FolderState] = [:]
                if let known, writtenAsKnown {
                    folders = known.folders
                    var changes = TreeRecord.Changes(stamp: stamp, files: placed.mapValues { $0 })
                    for folder in touched where !folder.isEmpty {
                        let state = TreeRecord.FolderState(of: folder, in: root)
                        folders[folder] = state
                        changes.folders.updateValue(state, forKey: folder)
                    }
                    changesFromKnown = changes
                } else {
                    for folder in TreeRecord.folders(holding: written.keys) { folders[folder] = TreeRecord.FolderState(of: folder, in: root) }
                }
                return folders
            }
            // A record without its folders never matches, so the next build walks the tree.
            return TreeRecord(stamp: stamp, files: written, folders: folders ?? [:])
        }

        /// The folders this build wrote in, for `TreeWatch` to tell its own changes to the tree from anyone else's.
        var footprint: Footprint {
            let prefix = staging.utf8.count + 1
            let made = Set(made.keys.map { $0 == staging ? "" : String(decoding: $0.utf8.dropFirst(prefix), as: UTF8.self) })
            return Footprint(made: made, touched: touched, removed: removed)
        }

        /// Folders, relative to the site root: `made` holds every folder a file was placed in, with its parents.
        struct Footprint {
            let made: Set<String>
            let touched: Set<String>
            let removed: Set<String>

            /// Whether this build changed entries of `folder`: the root (its marker), a folder it placed files in or
            /// removed entries from, or one inside what it removed.
            func covers(_ folder: String) -> Bool {
                if folder.isEmpty || made.contains(folder) || touched.contains(folder) { return true }
                var path = Substring(folder)
                while true {
                    if removed.contains(String(path)) { return true }
                    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
                    path = path[..<slash]
                }
            }
        }

        /// The folder holding `path`, relative to the site root ("" for the root).
        static func folder(of path: String) -> String {
            path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        }

        /// Leaves the output as it was: a reused spare tree goes back to being the spare (what this build changed
        /// in it shows in its folders, so the next build checks it file by file), a fresh staging folder is removed.
        public func discard() {
            finished = true
            Self.putAside(staging, reused: reused, spare: writer.spare)
        }

        deinit {
            if !finished { Self.putAside(staging, reused: reused, spare: writer.spare) }
        }

        private static func putAside(_ staging: String, reused: Bool, spare: String) {
            if reused, rename(staging, spare) == 0 { return }
            try? FileManager.default.removeItem(atPath: staging)
        }
    }

    /// Removes whatever is at `path` (a file, a link or a whole folder); nothing there is fine, as is a path below
    /// a file.
    static func clear(_ path: String) throws(Failure) {
        if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { return }
        if errno == EISDIR || errno == EPERM, (try? FileManager.default.removeItem(atPath: path)) != nil { return }
        throw Failure(description: "cannot remove '\(path)': \(String(cString: strerror(errno)))")
    }

    /// Whether two paths name the same file (one inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return lstat(a, &first) == 0 && lstat(b, &second) == 0 && first.st_ino == second.st_ino && first.st_dev == second.st_dev
    }

    /// A folder's entries (without `.` and `..`) and whether each is a folder, from one directory read.
    static func entries(of folder: String) -> [(name: String, isFolder: Bool)] {
        (FolderListing.entries(of: folder) ?? []).map { ($0.name, $0.type == Int32(DT_DIR)) }
    }
}
