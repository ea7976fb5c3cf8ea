import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Texts by digest, kept between builds: the storage of the card cache and the Markdown memo. A text is a pure
/// function of what its digest covers, so an entry is valid for as long as the binary (and whatever the header
/// names) is the same; each build keeps only the entries it used.
/// Without a file it lives as long as the object, for a process that builds many times (`casebook serve`).
/// With one, it serves one build: entries are `<32 hex digits> <byte count>\n<bytes>\n` under a header that says
/// what wrote them; a file with another header, or damaged anywhere, reads as empty rather than risking a wrong
/// entry. A build that adds a few entries appends them (rewriting 50 MB of cards for the one that changed was a
/// tenth of a one-event rebuild at N=10,000); once a quarter of the file's entries are no longer used it is
/// replaced whole, through a temporary file and a rename.
final class DigestCache: @unchecked Sendable {
    private let file: String?
    private let header: String
    private var previous: [PageDigest: String]
    /// Entries in the file as read, unused ones and repeats included: what an append would add to.
    private var entriesInFile = 0
    private let current = LockedCache<[PageDigest: String]>([:])
    private let added = LockedCache<[PageDigest: String]>([:])

    init() {
        file = nil
        header = ""
        previous = [:]
    }

    init(file: String, header: String, ignoringPrevious: Bool) {
        self.file = file
        self.header = header
        previous = [:]
        if !ignoringPrevious { (previous, entriesInFile) = Self.read(file, header: header) }
    }

    /// The text kept for `digest`, from the previous build or this one.
    func text(for digest: PageDigest) -> String? {
        guard let text = previous[digest] ?? current.withLock({ $0[digest] }) else { return nil }
        current.withLock { $0[digest] = text }
        return text
    }

    /// Keeps a text that was not found.
    func add(_ text: String, for digest: PageDigest) {
        added.withLock { $0[digest] = text }
        current.withLock { $0[digest] = text }
    }

    /// Texts added (not found) since the last `finishBuild`.
    var addedCount: Int { added.withLock { $0.count } }

    /// Makes this build's entries the ones the next build looks up. With a file, saves them when any was added
    /// or dropped (a file that cannot be written only makes the next build slower) and lets them go.
    func finishBuild() {
        let entries = current.withLock { entries in
            defer { entries = [:] }
            return entries
        }
        let new = added.withLock { added in
            defer { added = [:] }
            return added
        }
        let dropped = entries.count - new.count != previous.count
        previous = file == nil ? entries : [:]
        guard let file, !new.isEmpty || dropped else { return }
        // An append keeps the unused entries in the file; once they are a quarter of it, it is rewritten.
        if entriesInFile > 0, entries.count * 4 >= (entriesInFile + new.count) * 3 {
            if new.isEmpty || Self.append(new, to: file) { return }
        }
        Self.write(entries, header: header, to: file)
    }

    /// Each entry is the text of its digest whichever build wrote it, so the file stays right with another
    /// build's entries before or after these; a failed append is cut off, else the file would read as damaged.
    private static func append(_ entries: [PageDigest: String], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return false }
        var bytes: [UInt8] = []
        for (digest, text) in entries {
            bytes += Array("\(digest) \(text.utf8.count)\n".utf8)
            bytes += Array(text.utf8)
            bytes.append(0x0A)
        }
        let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
        if written == bytes.count { return true }
        _ = ftruncate(descriptor, info.st_size)
        return false
    }

    /// The entries of the file, and how many it holds with unused ones and repeats.
    private static func read(_ path: String, header: String) -> ([PageDigest: String], count: Int) {
        // Mapped, not read: the strings below are the only copy the build keeps.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return ([:], 0) }
        let header = Array(header.utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> ([PageDigest: String], count: Int) in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return ([:], 0) }
            var entries: [PageDigest: String] = [:]
            var offset = header.count, count = 0
            while offset < bytes.count {
                guard let newline = bytes[offset...].firstIndex(of: 0x0A), newline - offset > 33, newline - offset < 60 else { return ([:], 0) }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<newline]), as: UTF8.self)
                guard let digest = PageDigest(hex: line.prefix(32)), line.dropFirst(32).first == " ",
                      let length = Int(line.dropFirst(33)), length >= 0, newline + 1 + length < bytes.count,
                      bytes[newline + 1 + length] == 0x0A
                else { return ([:], 0) }
                entries[digest] = String(decoding: UnsafeBufferPointer(rebasing: bytes[(newline + 1)..<(newline + 1 + length)]), as: UTF8.self)
                offset = newline + 2 + length
                count += 1
            }
            return (entries, count)
        }
    }

    /// Streams the entries out through stdio's buffer: a copy of all cards in one array was 100 MB at the end
    /// of a big tracker's build, its peak.
    private static func write(_ entries: [PageDigest: String], header: String, to path: String) {
        ReplacedFile.write(path, header: header) { stream in
            entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }).allSatisfy { digest, text in
                var text = text
                return fputs("\(digest) \(text.utf8.count)\n", stream) >= 0
                    && text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
                    && fputc(0x0A, stream) != EOF
            }
        }
    }
}
