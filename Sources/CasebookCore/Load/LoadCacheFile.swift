import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loaded pieces of big list files (events and quotes with their diagnostics), kept in `.casebook-cache/`
/// between `casebook build` runs by file, first line and text digest, as `casebook serve` keeps them in memory:
/// parsing the 16 MB of YAML of a 10,000-event tracker was a fifth of a rebuild's work. A file with another
/// header (another binary) or damaged anywhere reads as empty; it is replaced whole, through a rename.
enum LoadCacheFile {
    private enum Kind: UInt64 {
        case events = 1, quotes
    }

    static func header() -> String {
        "casebook-load-cache 1\nbinary \(RenderCache.binaryIdentity())\n"
    }

    static func read(_ path: String, header: String) -> [LoadMemory.Key: LoadMemory.Entry] {
        // Mapped, not read: the decoded items are the only copy the build keeps.
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return [:] }
        let header = Array(header.utf8)
        return data.withUnsafeBytes { bytes in
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return [:] }
            var reader = BinaryReader(bytes, offset: header.count)
            var entries: [LoadMemory.Key: LoadMemory.Entry] = [:]
            do throws(BinaryReader.Damaged) {
                while !reader.atEnd {
                    let key = LoadMemory.Key(path: try reader.file(), lineOffset: try reader.int(),
                                             text: PageDigest(high: try reader.unsigned(), low: try reader.unsigned()))
                    let items: any Sendable
                    switch Kind(rawValue: try reader.unsigned()) {
                    case .events?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.event() }
                    case .quotes?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.quote() }
                    case nil: throw BinaryReader.Damaged()
                    }
                    let diagnostics = try reader.list { r throws(BinaryReader.Damaged) in try r.diagnostic() }
                    entries[key] = LoadMemory.Entry(items: items, diagnostics: DiagnosticList(diagnostics))
                }
            } catch {
                return [:]
            }
            return entries
        }
    }

    /// Writes the entries that hold events or quotes; others (documents) are cheap to load again.
    static func write(_ entries: [LoadMemory.Key: LoadMemory.Entry], header: String, to path: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard let stream = fopen(temporary, "wb") else { return }
        var ok = fputs(header, stream) >= 0
        var writer = BinaryWriter()
        for (key, entry) in entries.sorted(by: { ($0.key.path, $0.key.lineOffset) < ($1.key.path, $1.key.lineOffset) }) where ok {
            let kind: Kind
            switch entry.items {
            case is [TimelineEvent]: kind = .events
            case is [Quote]: kind = .quotes
            default: continue
            }
            writer.write(file: key.path)
            writer.write(key.lineOffset)
            writer.write(key.text.high)
            writer.write(key.text.low)
            writer.write(kind.rawValue)
            if let events = entry.items as? [TimelineEvent] { writer.write(events) { $0.write($1) } }
            if let quotes = entry.items as? [Quote] { writer.write(quotes) { $0.write($1) } }
            writer.write(entry.diagnostics.items) { $0.write($1) }
            ok = writer.drain { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
        }
        if fclose(stream) == 0, ok, rename(temporary, path) == 0 { return }
        unlink(temporary)
    }
}
