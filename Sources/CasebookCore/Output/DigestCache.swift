import Foundation

/// Texts by digest, kept between builds: the storage of the card cache and the Markdown memo. A text is a pure
/// function of what its digest covers, so an entry is valid for as long as the binary (and whatever the header
/// names) is the same; each build keeps only the entries it used.
/// Without a file it lives as long as the object, for a process that builds many times (`casebook serve`).
/// With one, it serves one build: entries are `<32 hex digits> <byte count>\n<bytes>\n` under a header that says
/// what wrote them, those the file was written with behind a table sorted by digest (`DigestIndex`); a file with
/// another header, or a damaged table or appended entry, reads as empty, and an entry the table misplaces is not
/// found, rather than risking a wrong one. A build that adds a few entries appends them (rewriting 50 MB of cards for
/// the one that changed was a tenth of a one-event rebuild at N=10,000); once a quarter of the file's entries are no
/// longer used, or the appended ones are many, it is replaced whole, through a temporary file and a rename.
final class DigestCache: @unchecked Sendable {
    private let file: String?
    private let header: String
    /// The file, mapped: its entries' texts stay bytes there until asked for, as a rebuild needs few of them (most
    /// of its pages, and the cards they hold, are not rendered again). Reading the 80 MB of both caches of a
    /// 10,000-event tracker into memory instead took 20 ms of a core.
    private var stored: Data
    /// The table of the entries the file was written with; `previous` holds those appended since (or, without a
    /// file, the last build's).
    private var index: DigestIndex?
    private var previous: [PageDigest: Entry]
    /// Entries in the file as read, unused ones and repeats included: what an append would add to.
    private let entriesInFile: Int
    /// Texts the last build left, each counted once.
    private let previousCount: Int
    /// Sized for the file's entries up to `firstCapacity` when there is one: grown one lookup at a time from empty,
    /// it was rehashed a dozen times while a whole build looked up 40,000 texts; sized for all 40,000, the few hundred
    /// a rebuild after a prose edit looks up touched as many pages of its table (2 ms of page faults).
    private let current: LockedCache<[PageDigest: Entry]>
    private let added = LockedCache<[PageDigest: String]>([:])
    static let firstCapacity = 4_096

    private enum Entry {
        case text(String)
        /// Where the text lies in `stored`.
        case stored(Range<Int>)

        /// The text's length in bytes.
        var length: Int {
            switch self {
            case .text(let text): text.utf8.count
            case .stored(let range): range.count
            }
        }
    }

    init() {
        file = nil
        header = ""
        stored = Data()
        previous = [:]
        entriesInFile = 0
        previousCount = 0
        current = LockedCache([:])
    }

    init(file: String, header: String, ignoringPrevious: Bool) {
        self.file = file
        self.header = header
        let read = ignoringPrevious ? nil : Self.read(file, header: header)
        stored = read?.bytes ?? Data()
        index = read?.index
        previous = read?.appended.mapValues { .stored($0) } ?? [:]
        entriesInFile = (read?.index.count ?? 0) + (read?.appendedCount ?? 0)
        let index = index, appendedAnew = read.map { read in
            read.bytes.withUnsafeBytes { bytes in read.appended.keys.count { index?.text($0, in: bytes) == nil } }
        }
        previousCount = (index?.count ?? 0) + (appendedAnew ?? 0)
        current = LockedCache(Dictionary(minimumCapacity: min(previousCount, Self.firstCapacity)))
    }

    /// The text kept for `digest`, from the previous build or this one.
    func text(for digest: PageDigest) -> String? {
        guard let entry = find(digest) else { return nil }
        switch entry {
        case .text(let text): return text
        case .stored(let range): return stored.withUnsafeBytes { String(decoding: UnsafeRawBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
    }

    /// The text kept for `digest` when it is a string already (a long-lived process's entries), without making
    /// one from the file's bytes; a kept entry is kept for the next build too, as `text(for:)` would keep it.
    func textAtHand(for digest: PageDigest) -> String? {
        guard case .text(let text)? = find(digest) else { return nil }
        return text
    }

    private func find(_ digest: PageDigest) -> Entry? {
        current.withLock { current in
            if let entry = current[digest] { return entry }
            guard let entry = previous[digest] ?? index.flatMap({ index in
                stored.withUnsafeBytes { index.text(digest, in: $0) }.map(Entry.stored)
            }) else { return nil }
            current[digest] = entry
            return entry
        }
    }

    /// Every text the last build left.
    private func allPrevious() -> [PageDigest: Entry] {
        guard let index else { return previous }
        let listed = stored.withUnsafeBytes { index.entries(in: $0) }
        return Dictionary(listed.map { ($0, Entry.stored($1)) }) { _, last in last }.merging(previous) { _, appended in appended }
    }

    /// How many appended entries a file whose table holds `count` keeps: past that, the next build that adds any
    /// writes it whole, so that the entries read one by one stay few.
    static func appendedKept(_ count: Int) -> Int {
        max(count / 8, 1024)
    }

    /// Keeps a text that was not found.
    func add(_ text: String, for digest: PageDigest) {
        added.withLock { $0[digest] = text }
        current.withLock { $0[digest] = .text(text) }
    }

    /// Texts added (not found) since the last `finishBuild`.
    var addedCount: Int { added.withLock { $0.count } }

    /// Makes this build's entries the ones the next build looks up. With a file, saves them when any was added
    /// or dropped (a file that cannot be written only makes the next build slower) and lets them go.
    /// `keepingUnused`: the build looked up only some texts, and those it did not are kept as well.
    func finishBuild(keepingUnused: Bool = false) {
        let entries = current.withLock { entries in
            // A long-lived process's next build looks up about as many.
            defer { entries = file == nil ? Dictionary(minimumCapacity: entries.count) : [:] }
            return entries
        }
        let new = added.withLock { added in
            defer { added = [:] }
            return added
        }
        // A build that looked up only some texts (it kept most views from the build before) keeps the others too.
        if keepingUnused, file == nil {
            previous.merge(entries) { _, used in used }
            return
        }
        let dropped = !keepingUnused && entries.count - new.count != previousCount
        guard let file else {
            previous = entries
            return
        }
        defer {
            previous = [:]
            index = nil
            stored = Data()
        }
        guard !new.isEmpty || dropped else { return }
        let appendable = entriesInFile > 0 && entriesInFile - (index?.count ?? 0) + new.count <= Self.appendedKept(index?.count ?? 0)
        if keepingUnused {
            if appendable, Self.append(new, to: file) { return }
            return write(allPrevious().merging(entries) { _, used in used }, to: file)
        }
        // An append keeps the unused entries in the file; once they are a quarter of it, it is rewritten.
        if appendable || (new.isEmpty && entriesInFile > 0), entries.count * 4 >= (entriesInFile + new.count) * 3 {
            if new.isEmpty || Self.append(new, to: file) { return }
        }
        write(entries, to: file)
    }

    /// Each entry is the text of its digest whichever build wrote it, so the file stays right with another
    /// build's entries before or after these.
    private static func append(_ entries: [PageDigest: String], to path: String) -> Bool {
        var bytes: [UInt8] = []
        for (digest, text) in entries {
            bytes += Array(DigestIndex.line(digest, length: text.utf8.count).utf8)
            bytes += Array(text.utf8)
            bytes.append(0x0A)
        }
        return ReplacedFile.append(path, bytes)
    }

    /// The file, mapped, with its table and the entries appended after what the table describes; nil when it is
    /// missing, foreign or damaged.
    private static func read(_ path: String, header: String)
        -> (bytes: Data, index: DigestIndex, appended: [PageDigest: Range<Int>], appendedCount: Int)? {
        guard let (data, body) = MappedFile.contents(of: path, header: header) else { return nil }
        return data.withUnsafeBytes { raw in
            guard let index = DigestIndex(raw, at: body) else { return nil }
            return self.index(raw.bindMemory(to: UInt8.self), from: index.end).map { (data, index, $0.entries, $0.count) }
        }
    }

    /// Where each entry's text lies in `bytes`, a file's, and how many entries it holds, the first starting at
    /// `offset`; nil when the file is damaged anywhere. Repeated digests (from appends) name the same text; the last
    /// one is kept.
    private static func index(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> (entries: [PageDigest: Range<Int>], count: Int)? {
        var found: [(PageDigest, Range<Int>)] = []
        var offset = offset
        let raw = UnsafeRawBufferPointer(bytes)
        while offset < bytes.count {
            // "<32 hex digits> <byte count>\n<bytes>\n"
            guard offset + 34 < bytes.count, let high = DigestIndex.hex(raw, offset), let low = DigestIndex.hex(raw, offset + 16),
                  bytes[offset + 32] == UInt8(ascii: " ") else { return nil }
            var cursor = offset + 33, length = 0
            while cursor < bytes.count, cursor - offset < 60, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                length = length * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            let start = cursor + 1, end = start + length
            guard cursor > offset + 33, cursor < bytes.count, bytes[cursor] == 0x0A, end < bytes.count, bytes[end] == 0x0A else { return nil }
            found.append((PageDigest(high: high, low: low), start..<end))
            offset = end + 1
        }
        // Made at its size at once: entry by entry, the table was rehashed a dozen times for a file of 20,000.
        return (Dictionary(found) { _, last in last }, found.count)
    }

    /// Streams the table and the entries out through stdio's buffer, the stored ones straight from the bytes read: a
    /// copy of all cards in one array was 100 MB at the end of a big tracker's build, its peak.
    private func write(_ entries: [PageDigest: Entry], to path: String) {
        let sorted = entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) })
        // Each entry's line is made once, for the table's offsets and for the file.
        let lines = sorted.map { DigestIndex.line($0.key, length: $0.value.length) }
        let table = DigestIndex.table(zip(sorted, lines).map { ($0.key, $1.utf8.count, $0.value.length) }, after: header.utf8.count)
        ReplacedFile.write(path, header: header) { stream in
            guard fwrite(table, 1, table.count, stream) == table.count else { return false }
            return stored.withUnsafeBytes { raw in
                let stored = raw.bindMemory(to: UInt8.self)
                return zip(sorted, lines).allSatisfy { item, line in
                    let (_, entry) = item
                    func put(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
                        fputs(line, stream) >= 0
                            && fwrite(body.baseAddress, 1, body.count, stream) == body.count
                            && fputc(0x0A, stream) != EOF
                    }
                    switch entry {
                    case .stored(let range): return put(UnsafeBufferPointer(rebasing: stored[range]))
                    case .text(var text): return text.withUTF8(put)
                    }
                }
            }
        }
    }
}
