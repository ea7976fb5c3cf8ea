import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loaded pieces of big list files (events and quotes with their diagnostics) and document files, kept in
/// `.casebook-cache/` between `casebook build` runs by file, first line and text digest, as `casebook serve` keeps them in memory:
/// parsing the 16 MB of YAML of a 10,000-event tracker was a fifth of a rebuild's work. A file with another
/// header (another binary) or damaged anywhere reads as empty; it is replaced whole, through a rename.
enum LoadCacheFile {
    private enum Kind: UInt64 {
        case events = 1, quotes, legalCase, party, source, page
    }

    /// Names the binary that may read the file and the content folder it is of (by which stale files are found).
    static func header(content: String) -> String {
        "casebook-load-cache 1\nbinary \(RenderCache.binaryIdentity())\ncontent \(OutputFolderPolicy.canonical(content))\n"
    }

    static func read(_ path: String, header: String) -> [LoadMemory.Key: LoadMemory.Entry] {
        // Mapped, not read: the decoded items are the only copy the build keeps.
        BinaryReader.read(path, header: header) { reader throws(BinaryReader.Damaged) in
            var entries: [LoadMemory.Key: LoadMemory.Entry] = [:]
            while !reader.atEnd {
                let key = LoadMemory.Key(path: try reader.file(), lineOffset: try reader.int(),
                                         text: PageDigest(high: try reader.unsigned(), low: try reader.unsigned()))
                let items: any Sendable
                switch Kind(rawValue: try reader.unsigned()) {
                case .events?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.event() }
                case .quotes?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.quote() }
                case .legalCase?: items = ContentLoader.LoadedFile.legalCase(try reader.optional { r throws(BinaryReader.Damaged) in try r.legalCase() })
                case .party?: items = ContentLoader.LoadedFile.party(try reader.optional { r throws(BinaryReader.Damaged) in try r.party() })
                case .source?: items = ContentLoader.LoadedFile.source(try reader.optional { r throws(BinaryReader.Damaged) in try r.source() })
                case .page?: items = ContentLoader.LoadedFile.page(try reader.optional { r throws(BinaryReader.Damaged) in try r.page() })
                case nil: throw BinaryReader.Damaged()
                }
                let diagnostics = try reader.list { r throws(BinaryReader.Damaged) in try r.diagnostic() }
                entries[key] = LoadMemory.Entry(items: items, diagnostics: DiagnosticList(diagnostics))
            }
            return entries
        } ?? [:]
    }

    /// Writes the entries: pieces of list files, and document files (parsing the 1,600 cases, parties and sources of
    /// a 10,000-event tracker again was half of a rebuild's loading).
    static func write(_ entries: [LoadMemory.Key: LoadMemory.Entry], header: String, to path: String) {
        ReplacedFile.write(path, header: header) { stream in
            var writer = BinaryWriter()
            func key(_ key: LoadMemory.Key, _ kind: Kind) {
                writer.write(file: key.path)
                writer.write(key.lineOffset)
                writer.write(key.text.high)
                writer.write(key.text.low)
                writer.write(kind.rawValue)
            }
            for (entryKey, entry) in entries.sorted(by: { ($0.key.path, $0.key.lineOffset) < ($1.key.path, $1.key.lineOffset) }) {
                switch entry.items {
                case let events as [TimelineEvent]:
                    key(entryKey, .events)
                    writer.write(events) { $0.write($1) }
                case let quotes as [Quote]:
                    key(entryKey, .quotes)
                    writer.write(quotes) { $0.write($1) }
                case ContentLoader.LoadedFile.legalCase(let legalCase) as ContentLoader.LoadedFile:
                    key(entryKey, .legalCase)
                    writer.write(legalCase) { $0.write($1) }
                case ContentLoader.LoadedFile.party(let party) as ContentLoader.LoadedFile:
                    key(entryKey, .party)
                    writer.write(party) { $0.write($1) }
                case ContentLoader.LoadedFile.source(let source) as ContentLoader.LoadedFile:
                    key(entryKey, .source)
                    writer.write(source) { $0.write($1) }
                case ContentLoader.LoadedFile.page(let page) as ContentLoader.LoadedFile:
                    key(entryKey, .page)
                    writer.write(page) { $0.write($1) }
                default:
                    continue
                }
                writer.write(entry.diagnostics.items) { $0.write($1) }
                guard writer.drain({ fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }) else { return false }
            }
            return true
        }
    }
}
