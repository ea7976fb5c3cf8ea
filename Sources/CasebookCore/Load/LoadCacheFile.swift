import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loaded pieces of big list files (events and quotes with their diagnostics), small list files and document
/// files, kept in `.casebook-cache/` between `casebook build` runs by file, first line and text digest, as `casebook
/// serve` keeps them in memory: parsing the 16 MB of YAML of a 10,000-event tracker was a fifth of a rebuild's work,
/// and the same timeline in 250 small files was parsed whole by every rebuild (0.5–0.9 s). A file with another
/// header (another binary) or damaged anywhere reads as empty. A build that parsed a few pieces appends them; once a
/// quarter of the records are no longer used, the file is replaced whole, through a rename.
enum LoadCacheFile {
    private enum Kind: UInt64 {
        case events = 1, quotes, legalCase, party, source, page
        /// A list file small enough to be loaded whole, kept as one entry like a document.
        case eventFile, quoteFile
        /// Not an entry: a file's stamp, under its path, and the keys of its entries (`LoadMemory.StampedKeys`).
        case stamp
    }

    /// Names the binary that may read the file and the content folder it is of (by which stale files are found).
    static func header(content: String) -> String {
        "casebook-load-cache 2\nbinary \(RenderCache.binaryIdentity())\ncontent \(OutputFolderPolicy.canonical(content))\n"
    }

    static func read(_ path: String, header: String) -> [LoadMemory.Key: LoadMemory.Entry] {
        contents(path, header: header)?.entries ?? [:]
    }

    /// What the file holds: its entries (the last of any repeated key), its stamps (the last for any path), and how
    /// many records and paths it wrote, for records to be added after them.
    struct Contents {
        var entries: [LoadMemory.Key: LoadMemory.Entry] = [:]
        var stamps: [String: LoadMemory.StampedKeys] = [:]
        var records = 0
        var paths = 0
    }

    static func contents(_ path: String, header: String) -> Contents? {
        // Mapped, not read: the decoded items are the only copy the build keeps, their Markdown text slices of it.
        BinaryReader.read(path, header: header, keepingBytes: true) { reader throws(BinaryReader.Damaged) in
            var contents = Contents()
            while !reader.atEnd {
                let key = LoadMemory.Key(path: try reader.file(), lineOffset: try reader.int(),
                                         text: try reader.digest())
                let items: any Sendable
                let kind = Kind(rawValue: try reader.unsigned())
                if kind == .stamp {
                    let stamp = try stamp(&reader)
                    let keys = try reader.list { r throws(BinaryReader.Damaged) in
                        LoadMemory.Key(path: key.path, lineOffset: try r.int(), text: try r.digest())
                    }
                    contents.stamps[key.path] = LoadMemory.StampedKeys(stamp: stamp, keys: keys)
                    contents.records += 1
                    continue
                }
                switch kind {
                case .events?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.event() }
                case .quotes?: items = try reader.list { r throws(BinaryReader.Damaged) in try r.quote() }
                case .legalCase?: items = ContentLoader.LoadedFile.legalCase(try reader.optional { r throws(BinaryReader.Damaged) in try r.legalCase() })
                case .party?: items = ContentLoader.LoadedFile.party(try reader.optional { r throws(BinaryReader.Damaged) in try r.party() })
                case .source?: items = ContentLoader.LoadedFile.source(try reader.optional { r throws(BinaryReader.Damaged) in try r.source() })
                case .page?: items = ContentLoader.LoadedFile.page(try reader.optional { r throws(BinaryReader.Damaged) in try r.page() })
                case .eventFile?:
                    items = ContentLoader.LoadedFile.events(try reader.list { r throws(BinaryReader.Damaged) in try r.event() },
                                                            try shapes(&reader))
                case .quoteFile?:
                    items = ContentLoader.LoadedFile.quotes(try reader.list { r throws(BinaryReader.Damaged) in try r.quote() },
                                                            try shapes(&reader))
                case .stamp?, nil: throw BinaryReader.Damaged()
                }
                let pieceShapes = kind == .events || kind == .quotes ? try shapes(&reader) : []
                let diagnostics = try reader.list { r throws(BinaryReader.Damaged) in try r.diagnostic() }
                contents.entries[key] = LoadMemory.Entry(items: items, diagnostics: DiagnosticList(diagnostics), shapes: pieceShapes)
                contents.records += 1
            }
            contents.paths = reader.fileCount
            return contents
        }
    }

    /// Writes the entries: pieces of list files, and document files (parsing the 1,600 cases, parties and sources of
    /// a 10,000-event tracker again was half of a rebuild's loading); then the stamps of files loaded whole and of
    /// large list files.
    static func write(_ entries: [LoadMemory.Key: LoadMemory.Entry], _ stamps: [String: LoadMemory.StampedKeys] = [:],
                      header: String, to path: String) {
        ReplacedFile.write(path, header: header) { stream in
            var writer = BinaryWriter()
            for (key, entry) in entries.sorted(by: { ($0.key.path, $0.key.lineOffset) < ($1.key.path, $1.key.lineOffset) }) {
                encode(key, entry, &writer)
                guard writer.drain({ fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }) else { return false }
            }
            for (path, stamped) in stamps.sorted(by: { $0.key < $1.key }) { encode(stamped, of: path, &writer) }
            return writer.drain { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
        }
    }

    /// Adds entries after the records of a file that numbered `paths` paths (re-encoding the 18 MB of a 10,000-event
    /// tracker after one edit took a core for 70 ms of each rebuild); false when nothing was added.
    static func append(_ entries: [LoadMemory.Key: LoadMemory.Entry], _ stamps: [String: LoadMemory.StampedKeys] = [:],
                       after paths: Int, to path: String) -> Bool {
        var writer = BinaryWriter(filesNumberedFrom: paths)
        for (key, entry) in entries { encode(key, entry, &writer) }
        for (path, stamped) in stamps { encode(stamped, of: path, &writer) }
        var bytes: [UInt8] = []
        _ = writer.drain { bytes = Array($0); return true }
        return ReplacedFile.append(path, bytes)
    }

    private static func start(_ key: LoadMemory.Key, _ kind: Kind, _ writer: inout BinaryWriter) {
        writer.write(file: key.path)
        writer.write(key.lineOffset)
        writer.write(key.text)
        writer.write(kind.rawValue)
    }

    private static func encode(_ stamped: LoadMemory.StampedKeys, of path: String, _ writer: inout BinaryWriter) {
        start(LoadMemory.Key(path: path, lineOffset: 0, text: PageDigest(high: 0, low: 0)), .stamp, &writer)
        encode(stamped.stamp, &writer)
        writer.write(stamped.keys) { writer, key in
            writer.write(key.lineOffset)
            writer.write(key.text)
        }
    }

    private static func encode(_ stamp: FileStamp, _ writer: inout BinaryWriter) {
        writer.write(stamp.device)
        writer.write(stamp.inode)
        writer.write(Int(stamp.size))
        writer.write(Int(stamp.modified.tv_sec))
        writer.write(Int(stamp.modified.tv_nsec))
        writer.write(Int(stamp.changed.tv_sec))
        writer.write(Int(stamp.changed.tv_nsec))
    }

    /// A stamp as `encode` wrote it; settled, as only settled stamps are kept.
    private static func stamp(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> FileStamp {
        let device = try reader.unsigned(), inode = try reader.unsigned(), size = try reader.int()
        let modified = timespec(tv_sec: try reader.int(), tv_nsec: try reader.int())
        let changed = timespec(tv_sec: try reader.int(), tv_nsec: try reader.int())
        return FileStamp(device: device, inode: inode, size: Int64(size), modified: modified, changed: changed, settled: true)
    }

    private static func encode(_ key: LoadMemory.Key, _ entry: LoadMemory.Entry, _ writer: inout BinaryWriter) {
        func start(_ kind: Kind) { Self.start(key, kind, &writer) }
        switch entry.items {
        case let events as [TimelineEvent]:
            start(.events)
            writer.write(events) { $0.write($1) }
            encode(entry.shapes, &writer)
        case let quotes as [Quote]:
            start(.quotes)
            writer.write(quotes) { $0.write($1) }
            encode(entry.shapes, &writer)
        case ContentLoader.LoadedFile.legalCase(let legalCase) as ContentLoader.LoadedFile:
            start(.legalCase)
            writer.write(legalCase) { $0.write($1) }
        case ContentLoader.LoadedFile.party(let party) as ContentLoader.LoadedFile:
            start(.party)
            writer.write(party) { $0.write($1) }
        case ContentLoader.LoadedFile.source(let source) as ContentLoader.LoadedFile:
            start(.source)
            writer.write(source) { $0.write($1) }
        case ContentLoader.LoadedFile.page(let page) as ContentLoader.LoadedFile:
            start(.page)
            writer.write(page) { $0.write($1) }
        case ContentLoader.LoadedFile.events(let events, let shapes) as ContentLoader.LoadedFile:
            start(.eventFile)
            writer.write(events) { $0.write($1) }
            encode(shapes, &writer)
        case ContentLoader.LoadedFile.quotes(let quotes, let shapes) as ContentLoader.LoadedFile:
            start(.quoteFile)
            writer.write(quotes) { $0.write($1) }
            encode(shapes, &writer)
        default:
            return
        }
        writer.write(entry.diagnostics.items) { $0.write($1) }
    }

    private static func encode(_ shapes: [ContentShape.Item], _ writer: inout BinaryWriter) {
        writer.write(shapes) { writer, shape in
            writer.write(shape.structure)
            writer.write(shape.links)
            writer.write(shape.wording)
        }
    }

    private static func shapes(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> [ContentShape.Item] {
        try reader.list { r throws(BinaryReader.Damaged) in
            ContentShape.Item(structure: try r.digest(), links: try r.digest(), wording: try r.digest())
        }
    }
}
