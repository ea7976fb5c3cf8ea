import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The page ledger of the build that wrote an output folder, kept in `.casebook-cache/ledger-<key>.bin` with the
/// content's shape and a digest of the build's other inputs, so that the next `casebook build` after a prose edit
/// runs only the page jobs that read an edited item, as `casebook serve` does from memory, instead of
/// digesting all 22,000 pages of a big tracker. It describes one output tree (by its stamp) and is read only by the
/// binary that wrote it; a damaged or foreign file reads as none, and the build digests every page.
struct LedgerFile: Sendable {
    struct Stored: Sendable {
        /// The stamp of the output tree whose pages the ledger lists.
        let stamp: String
        /// `LastBuild.Inputs.digest` of the build.
        let inputs: PageDigest
        let shape: ContentShape
        let ledger: PageLedger
        /// Where each event's and quote's record lies in the data files the build wrote, to splice an edit into.
        var data: [SplicedFile.Layout] = []
        /// What the build's graph held at each place, to tell where a date edit moved items.
        var places: PlacedItems?
    }

    let path: String
    private let header: String

    init(folder: String, output: String) {
        (path, header) = RenderCache.outputCacheFile("ledger", format: "casebook-page-ledger 6", folder: folder, output: output)
    }

    func read() -> Stored? {
        BinaryReader.read(path, header: header, keepingBytes: true) { reader throws(BinaryReader.Damaged) in
            let stamp = try reader.string(), inputs = try Self.digest(&reader)
            let shape = ContentShape(structure: try Self.digest(&reader), frame: try Self.digest(&reader), links: try Self.digest(&reader),
                                     eventWording: try reader.list(Self.digest), quoteWording: try reader.list(Self.digest),
                                     documentWording: try reader.list(Self.digest))
            let ledger = try Self.ledger(&reader)
            let data = try reader.list(Self.layout)
            let places = try reader.optional { reader throws(BinaryReader.Damaged) in
                PlacedItems(events: try reader.list(Self.digest), quotes: try reader.list(Self.digest), chrome: try Self.digest(&reader))
            }
            return Stored(stamp: stamp, inputs: inputs, shape: shape, ledger: ledger, data: data, places: places)
        }
    }

    /// Removes the file before the output it describes is replaced, so that it never outlives that output.
    func remove() {
        unlink(path)
    }

    /// Replaces the file; one that cannot be written only makes the next build digest every page.
    func save(_ stored: Stored) {
        ReplacedFile.write(path, header: header) { stream in
            var writer = BinaryWriter()
            func flush() -> Bool { writer.drain { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count } }
            writer.write(stored.stamp)
            Self.write(&writer, stored.inputs)
            Self.write(&writer, stored.shape.structure)
            Self.write(&writer, stored.shape.frame)
            Self.write(&writer, stored.shape.links)
            writer.write(stored.shape.eventWording, Self.write)
            writer.write(stored.shape.quoteWording, Self.write)
            writer.write(stored.shape.documentWording, Self.write)
            writer.write(UInt64(stored.ledger.jobCount))
            var number = 0, written = true
            stored.ledger.forEachRecord { record in
                switch record {
                case .encoded(let bytes):
                    written = written && flush() && bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
                case .entry(let entry):
                    writer.write(entry, Self.write)
                    number += 1
                    if number % 1024 == 0, written { written = flush() }
                }
            }
            writer.write(stored.data, Self.write)
            writer.write(stored.places) { writer, places in
                writer.write(places.events, Self.write)
                writer.write(places.quotes, Self.write)
                writer.write(places.chrome)
            }
            return written && flush()
        }
    }

    /// `BinaryWriter.write(_:)` and `BinaryReader.digest()`, in the shape `write(_:_:)` and `list(_:)` take.
    private static func write(_ writer: inout BinaryWriter, _ digest: PageDigest) {
        writer.write(digest)
    }

    private static func digest(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> PageDigest {
        try reader.digest()
    }

    private static func write(_ writer: inout BinaryWriter, _ entry: PageLedger.Entry) {
        writer.write(entry.pages) { writer, page in
            writer.write(page.path)
            write(&writer, page.digest)
        }
        writer.write(entry.events) { $0.write(Int($1)) }
        writer.write(entry.quotes) { $0.write(Int($1)) }
        writer.write(entry.documents) { $0.write(Int($1)) }
    }

    /// The jobs' records as `save` wrote them (each optional, then a list each of pages, events, quotes and
    /// documents), read into arrays reused from job to job: four arrays made and freed for each of 22,000 jobs were
    /// half of reading the file, on the core that a rebuild's loading waits for. The ledger keeps the bytes of the
    /// records, for `save` to write back those of the jobs that do not run again.
    private static func ledger(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> PageLedger {
        let count = try reader.count()
        let ledger = PageLedger(reserving: count)
        var bounds: [Int] = []
        bounds.reserveCapacity(count + 1)
        var pages: [PageLedger.Page] = [], events: [Int32] = [], quotes: [Int32] = [], documents: [Int32] = []
        func list<Value>(_ values: inout [Value], _ read: (inout BinaryReader) throws(BinaryReader.Damaged) -> Value)
            throws(BinaryReader.Damaged) {
            values.removeAll(keepingCapacity: true)
            for _ in 0..<(try reader.count()) { values.append(try read(&reader)) }
        }
        for _ in 0..<count {
            bounds.append(reader.offset)
            guard try reader.bool() else {
                ledger.add(nil)
                continue
            }
            try list(&pages) { reader throws(BinaryReader.Damaged) in PageLedger.Page(path: try reader.string(), digest: try digest(&reader)) }
            try list(&events, Self.index)
            try list(&quotes, Self.index)
            try list(&documents, Self.index)
            ledger.add(PageLedger.Entry(pages: pages[...], events: events[...], quotes: quotes[...], documents: documents[...]))
        }
        bounds.append(reader.offset)
        if let first = bounds.first, let bytes = reader.kept(since: first) {
            ledger.keep(PageLedger.Encoding(bytes: bytes, bounds: bounds.map { $0 - first }))
        }
        return ledger
    }

    private static func write(_ writer: inout BinaryWriter, _ layout: SplicedFile.Layout) {
        writer.write(layout.path)
        writer.write(layout.starts) { $0.write($1) }
        write(&writer, layout.digest)
    }

    private static func layout(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> SplicedFile.Layout {
        SplicedFile.Layout(path: try reader.string(), starts: try reader.list { reader throws(BinaryReader.Damaged) in try reader.int() },
                           digest: try digest(&reader))
    }

    private static func index(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> Int32 {
        let value = try reader.int()
        guard let index = Int32(exactly: value) else { throw BinaryReader.Damaged() }
        return index
    }
}
