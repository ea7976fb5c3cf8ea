import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Event and quote card HTML by digest of the card's view, template and template set, kept between builds:
/// in `.casebook-cache/` for `casebook build`, in memory for `casebook serve`. Rendering all 20,000 cards of a
/// big tracker was a fifth of a rebuild's work although a save changes one or two of them.
/// A card is a pure function of what its digest covers, so an entry is valid for as long as the binary is the
/// same; each build keeps only the cards it used.
public final class CardCache: @unchecked Sendable {
    private let file: String?
    private let binary: String
    private var previous: [PageDigest: String]
    private let current = LockedCache<[PageDigest: String]>([:])
    private let rendered = LockedCache(0)

    /// A cache that lives as long as the object: for a process that builds many times.
    public init() {
        file = nil
        binary = RenderCache.binaryIdentity()
        previous = [:]
    }

    /// The cache saved beside `output` under `folder`; an unreadable or foreign file is an empty cache.
    public init(folder: String, output: String, ignoringPrevious: Bool = false) {
        let file = folder + "/cards-" + RenderCache.outputKey(output) + ".bin"
        self.file = file
        binary = RenderCache.binaryIdentity()
        previous = ignoringPrevious ? [:] : Self.read(file, binary: binary)
    }

    /// The card's HTML: from the cache when its digest is known, else from `render`.
    func html<View: Encodable>(_ template: String, templates: TemplateSet, view: View, render: () -> String) -> String {
        let digest = PageDigest.of(template: template, templates: templates.digest, context: view)
        if let html = previous[digest] ?? current.withLock({ $0[digest] }) {
            current.withLock { $0[digest] = html }
            return html
        }
        let html = render()
        rendered.withLock { $0 += 1 }
        current.withLock { $0[digest] = html }
        return html
    }

    /// Cards rendered (not found in the cache) since the last `finishBuild`.
    var renderedCount: Int { rendered.withLock { $0 } }

    /// Makes this build's cards the ones the next build looks up, and saves them when the cache has a file and
    /// any card was rendered or dropped. A cache that cannot be written only makes the next build slower.
    func finishBuild() {
        let cards = current.withLock { cards in
            defer { cards = [:] }
            return cards
        }
        let changed = rendered.withLock { count in
            defer { count = 0 }
            return count
        } > 0 || cards.count != previous.count
        previous = cards
        guard let file, changed else { return }
        let temporary = file + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        if Self.write(cards, binary: binary, to: temporary) {
            if rename(temporary, file) != 0 { unlink(temporary) }
        } else {
            unlink(temporary)
        }
    }

    /// Streams the entries out through stdio's buffer: a copy of all cards in one array was 100 MB at the
    /// end of a big tracker's build, its peak.
    private static func write(_ cards: [PageDigest: String], binary: String, to path: String) -> Bool {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard let stream = fopen(path, "wb") else { return false }
        var ok = fputs("casebook-card-cache 1\nbinary \(binary)\n", stream) >= 0
        for (digest, html) in cards.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) where ok {
            var html = html
            ok = fputs("\(digest) \(html.utf8.count)\n", stream) >= 0
                && html.withUTF8 { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
                && fputc(0x0A, stream) != EOF
        }
        return fclose(stream) == 0 && ok
    }

    /// Entries are `<32 hex digits> <byte count>\n<bytes>\n`; any damage empties the cache rather than
    /// risking a wrong card.
    private static func read(_ file: String, binary: String) -> [PageDigest: String] {
        // Mapped, not read: the strings below are the only copy the build keeps.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return [:] }
        let header = Array("casebook-card-cache 1\nbinary \(binary)\n".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [PageDigest: String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return [:] }
            var cards: [PageDigest: String] = [:]
            var offset = header.count
            while offset < bytes.count {
                guard let newline = bytes[offset...].firstIndex(of: 0x0A), newline - offset > 33, newline - offset < 60 else { return [:] }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<newline]), as: UTF8.self)
                guard let digest = PageDigest(hex: line.prefix(32)), line.dropFirst(32).first == " ",
                      let length = Int(line.dropFirst(33)), length >= 0, newline + 1 + length < bytes.count,
                      bytes[newline + 1 + length] == 0x0A
                else { return [:] }
                cards[digest] = String(decoding: UnsafeBufferPointer(rebasing: bytes[(newline + 1)..<(newline + 1 + length)]), as: UTF8.self)
                offset = newline + 2 + length
            }
            return cards
        }
    }
}
