import Foundation

/// What `casebook serve` keeps between loads: the items and diagnostics of each piece of a big list file
/// (`YAMLListPieces`), by file, first line and text, and of each other file (documents and small list files), by path
/// and bytes. Saving one event in a 10,000-event timeline then parses one piece of the file, not all of it, and none
/// of the 1,500 case, party and source files. `casebook build` keeps them in a file (`LoadCacheFile`).
public final class LoadMemory: Sendable {
    struct Key: Hashable, Sendable {
        let path: String
        let lineOffset: Int
        let text: PageDigest

        init(path: String, lineOffset: Int, text: PageDigest) {
            self.path = path
            self.lineOffset = lineOffset
            self.text = text
        }

        init(path: String, piece: YAMLListPieces.Piece) {
            self.path = path
            lineOffset = piece.lineOffset
            var state = DigestState()
            piece.withBytes { state.add($0) }
            text = state.digest
        }

        init(path: String, bytes: Data) {
            self.path = path
            lineOffset = 0
            var state = DigestState()
            bytes.withUnsafeBytes { state.add($0) }
            text = state.digest
        }
    }

    /// A piece's loaded items (events or quotes) with the diagnostics loading them gave, and the items' digests for
    /// `ContentShape` (none for a file loaded whole, whose `LoadedFile` holds them).
    struct Entry: Sendable {
        let items: any Sendable
        let diagnostics: DiagnosticList
        let shapes: [ContentShape.Item]

        init(items: any Sendable, diagnostics: DiagnosticList, shapes: [ContentShape.Item] = []) {
            self.items = items
            self.diagnostics = diagnostics
            self.shapes = shapes
        }
    }

    /// A build process's record of a file it loaded: its stamp, settled when taken, and the keys its entries are
    /// stored under: one for a file loaded whole, a large list file's pieces' in the file's order.
    struct StampedKeys: Equatable, Sendable {
        let stamp: FileStamp
        let keys: [Key]
    }

    fileprivate struct State {
        var previous: [Key: Entry] = [:]
        var current: [Key: Entry] = [:]
        /// Whole files by path, with the stamp each had when it was read (a long-lived process only).
        var previousFiles: [String: (stamp: FileStamp, entry: Entry)] = [:]
        var currentFiles: [String: (stamp: FileStamp, entry: Entry)] = [:]
        /// Files this load took whole from `previousFiles`: their pieces are kept for when they change.
        var reusedFiles: Set<String> = []
        /// A build process's stamps by path: read from the file, taken or made by this load, and made by it.
        var previousStamps: [String: StampedKeys] = [:]
        var currentStamps: [String: StampedKeys] = [:]
        var addedStamps: [String: StampedKeys] = [:]
        var skippedFiles = 0
        var readFiles = 0
        var reused = 0
        var loaded = 0
        /// Entries this load parsed, not found in the last.
        var added: [Key: Entry] = [:]
        /// How many records and paths the file held when it was read, for entries to be appended after them.
        var inFile = (records: 0, paths: 0)
        var lastLoad = (reused: 0, loaded: 0)
        var lastFiles = (skipped: 0, read: 0)
    }

    private let state = LockedCache(State())
    private let saving = DispatchGroup()
    /// Where a build process keeps the list pieces for the next one; nil for a long-lived process.
    private let file: (path: String, header: String)?

    public init() {
        file = nil
    }

    /// The pieces an earlier `casebook build` of the `content` folder saved at `path`, unless `ignoringPrevious`.
    init(file path: String, content: String, ignoringPrevious: Bool) {
        let header = LoadCacheFile.header(content: content)
        file = (path, header)
        guard !ignoringPrevious, let contents = LoadCacheFile.contents(path, header: header) else { return }
        state.withLock { state in
            state.previous = contents.entries
            state.previousStamps = contents.stamps
            state.inFile = (contents.records, contents.paths)
        }
    }


    /// The entry a load before this one stored (or this load already used) under `key`.
    func entry(_ key: Key) -> Entry? {
        state.withLock { state in
            guard let entry = state.current[key] ?? state.previous[key] else { return nil }
            state.current[key] = entry
            state.reused += 1
            return entry
        }
    }

    /// Whether the file at `path` is looked up by its stamp: every file in a long-lived process; in a build process,
    /// every file loaded whole (a large list file is read to find its changed pieces, so its stamp would not help).
    func looksUpStamp(ofLargeList large: Bool) -> Bool { file == nil || !large }

    /// What loading the file at `path` gave the last time, when it still has the stamp it had then and had settled by
    /// then (as git trusts a file's stamp: a file changed within the clock's tick of being stamped is read again).
    func unchangedFile(_ path: String, stamp: FileStamp) -> Entry? {
        state.withLock { state -> Entry? in
            if file != nil {
                guard state.previousStamps[path]?.keys.count == 1 else { return nil }
                return state.takeKept(path, stamp: stamp)?.first
            }
            guard let known = state.currentFiles[path] ?? state.previousFiles[path], known.stamp.settled, known.stamp == stamp
            else { return nil }
            state.currentFiles[path] = known
            state.reusedFiles.insert(path)
            state.skippedFiles += 1
            return known.entry
        }
    }

    /// The entries of the pieces of the large list file at `path`, in order, when a build process loaded it before
    /// with the stamp it still has (the 5 MB quote file of a 10,000-quote tracker, read, cut and digested to find
    /// every piece unchanged, took 10 ms of a one-event rebuild's main thread in its profile); nil in a long-lived
    /// process, which keeps such a file whole (`unchangedFile`).
    func unchangedList(_ path: String, stamp: FileStamp) -> [Entry]? {
        guard file != nil else { return nil }
        return state.withLock { $0.takeKept(path, stamp: stamp) }
    }

    /// Remembers, in a build process, the keys of the pieces the large list file at `path`, stamped just before it
    /// was read, was loaded from, once the file has settled.
    func storeList(_ path: String, stamp: FileStamp, pieces: [Key]) {
        guard file != nil else { return }
        state.withLock { state in
            state.readFiles += 1
            state.keep(path, StampedKeys(stamp: stamp, keys: pieces))
        }
    }

    /// Remembers what loading the file at `path`, stamped just before it was read, gave: a build process keeps the
    /// stamp with the `key` its entry is stored under (nil for a large list file), once the file has settled.
    func storeFile(_ path: String, stamp: FileStamp, key: Key?, _ entry: Entry) {
        state.withLock { state in
            state.readFiles += 1
            guard file != nil else {
                state.currentFiles[path] = (stamp, entry)
                return
            }
            guard let key else { return }
            state.keep(path, StampedKeys(stamp: stamp, keys: [key]))
        }
    }

    func store(_ key: Key, _ entry: Entry) {
        state.withLock { state in
            state.current[key] = entry
            state.loaded += 1
            if file != nil { state.added[key] = entry }
        }
    }

    /// Ends a load: what it did not use is dropped. With a file, what it used is saved, when anything changed, on
    /// another thread while the build goes on (writing 18 MB at N=10,000 held up every rebuild for 50 ms):
    /// appended to the file while at least three quarters of its records are still used, else written whole.
    /// `waitUntilSaved()` waits for it.
    func finishLoad() {
        let (entries, added, stamps, addedStamps, inFile, changed) = state.withLock { state in
            let changed = state.loaded > 0 || state.current.count != state.previous.count || !state.addedStamps.isEmpty
                || state.currentStamps.count != state.previousStamps.count
            let added = state.added, addedStamps = state.addedStamps, inFile = state.inFile
            if !state.reusedFiles.isEmpty {
                for (key, entry) in state.previous where state.current[key] == nil && state.reusedFiles.contains(key.path) {
                    state.current[key] = entry
                }
            }
            state = State(previous: state.current, previousFiles: state.currentFiles, previousStamps: state.currentStamps,
                          lastLoad: (state.reused, state.loaded), lastFiles: (state.skippedFiles, state.readFiles))
            return (state.previous, added, state.previousStamps, addedStamps, inFile, changed)
        }
        guard let file, changed else { return }
        DispatchQueue.global().async(group: saving) {
            let used = entries.count + stamps.count, written = inFile.records + added.count + addedStamps.count
            if inFile.records > 0, used * 4 >= written * 3,
               (added.isEmpty && addedStamps.isEmpty) || LoadCacheFile.append(added, addedStamps, after: inFile.paths, to: file.path) {
                return
            }
            LoadCacheFile.write(entries, stamps, header: file.header, to: file.path)
        }
    }

    /// Returns once the file of the last finished load is written.
    func waitUntilSaved() {
        saving.wait()
    }

    /// How many files the last finished load took whole from the load before (their stamps unchanged), and how many
    /// it stamped and read.
    var lastFiles: (skipped: Int, read: Int) { state.withLock { $0.lastFiles } }

    /// How many pieces the last finished load reused and how many it parsed.
    var lastLoad: (reused: Int, loaded: Int) { state.withLock { $0.lastLoad } }
}

private extension LoadMemory.State {
    /// The entries kept for the file at `path` by the last build process, when the file still has the stamp it had
    /// then and every entry is still known; taken for this load.
    mutating func takeKept(_ path: String, stamp: FileStamp) -> [LoadMemory.Entry]? {
        guard let known = previousStamps[path], known.stamp == stamp else { return nil }
        var entries: [LoadMemory.Entry] = []
        entries.reserveCapacity(known.keys.count)
        for key in known.keys {
            guard let entry = current[key] ?? previous[key] else { return nil }
            entries.append(entry)
        }
        for (key, entry) in zip(known.keys, entries) { current[key] = entry }
        currentStamps[path] = known
        skippedFiles += 1
        return entries
    }

    /// Keeps a build process's record of the file at `path`, once the file has settled.
    mutating func keep(_ path: String, _ stamped: LoadMemory.StampedKeys) {
        guard stamped.stamp.settled else { return }
        currentStamps[path] = stamped
        if previousStamps[path] != stamped { addedStamps[path] = stamped }
    }
}
