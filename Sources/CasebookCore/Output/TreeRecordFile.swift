import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records of an output folder's two trees, the live output and the spare, kept in
/// `.casebook-cache/trees-<key>.bin`: one record whole (the base), the output's as changes of it, and the spare's as
/// changes of it or whole. A rebuild that stages a few pages into a spare that matches its record writes the base back
/// as the file held it, the spare's changes with its own, and the old output's changes as the spare's: encoding 44,000
/// paths again was the longer half of saving the two files that end a one-shot rebuild. Digests name bytes only for
/// the binary that rendered them, so the file is read only by that binary; a damaged or foreign file reads as no
/// records, and the next build walks the spare.
struct TreeRecordFile {
    let path: String
    private let header: String

    init(folder: String, output: String) {
        (path, header) = RenderCache.outputCacheFile("trees", format: "casebook-tree-records 2", folder: folder, output: output)
    }

    /// The records saved after the last build: what it swapped in, and the tree it swapped out; with the file's parts
    /// the next save can write back as they are.
    struct Stored: Sendable {
        let output: TreeRecord?
        let spare: TreeRecord?
        let parts: Parts?
    }

    /// The file's parts as it holds them (slices of the mapped file).
    struct Parts: Sendable {
        let base: Data
        let baseCount: Int
        /// The output's changes of the base, to be written back as the spare's once the output is swapped out.
        let outputChanges: Data
        /// The spare's changes of the base; nil when the file holds the spare whole.
        let spareChanges: TreeRecord.Changes?
    }

    /// The records.
    func read() -> Stored {
        BinaryReader.read(path, header: header, keepingBytes: true) { reader throws(BinaryReader.Damaged) in
            var start = reader.offset
            let base = try Self.record(&reader)
            let baseBytes = reader.kept(since: start)
            start = reader.offset
            let outputChanges = try Self.changes(&reader)
            let outputBytes = reader.kept(since: start)
            let spare: TreeRecord?, spareChanges: TreeRecord.Changes?
            switch try reader.unsigned() {
            case 0: (spare, spareChanges) = (nil, nil)
            case 1: (spare, spareChanges) = (try Self.record(&reader), nil)
            case 2:
                let changes = try Self.changes(&reader)
                (spare, spareChanges) = (changes.applied(to: base), changes)
            default: throw BinaryReader.Damaged()
            }
            let parts = baseBytes.flatMap { bytes in
                outputBytes.map { Parts(base: bytes, baseCount: base.files.count + base.folders.count, outputChanges: $0, spareChanges: spareChanges) }
            }
            return Stored(output: outputChanges.applied(to: base), spare: spare, parts: parts)
        } ?? Stored(output: nil, spare: nil, parts: nil)
    }

    /// Replaces the file; one that cannot be written only makes the next build walk the spare. When `output` is the
    /// tree staged into the spare `read` held, changed as `changes` tell, and `spare` is the output `read` held, the
    /// file's base and the old output's changes are written back as they are; otherwise `output` becomes the base.
    func save(output: TreeRecord, spare: TreeRecord?, read: Parts? = nil, changes: TreeRecord.Changes? = nil) {
        var writer = BinaryWriter()
        var kept: (base: Data, spare: Data)?
        if let read, let changes, spare != nil, let outputChanges = read.spareChanges.map({ $0.then(changes) }),
           outputChanges.count <= Self.changesKept(of: read.baseCount) {
            kept = (read.base, read.outputChanges)
            Self.write(&writer, outputChanges)
            writer.write(UInt64(2))
        } else {
            Self.write(&writer, output)
            Self.write(&writer, TreeRecord.Changes(stamp: output.stamp))
            if let spare {
                let changes = TreeRecord.Changes(from: output, to: spare)
                let whole = changes.count > Self.changesKept(of: output.files.count + output.folders.count)
                writer.write(UInt64(whole ? 1 : 2))
                if whole { Self.write(&writer, spare) } else { Self.write(&writer, changes) }
            } else {
                writer.write(UInt64(0))
            }
        }
        ReplacedFile.write(path, header: header) { stream in
            func put(_ bytes: UnsafeRawBufferPointer) -> Bool { fwrite(bytes.baseAddress, 1, bytes.count, stream) == bytes.count }
            guard let kept else { return writer.drain(put) }
            return kept.base.withUnsafeBytes(put) && writer.drain(put) && kept.spare.withUnsafeBytes(put)
        }
    }

    /// How many changes of a base of `count` entries a record is kept as: beyond an eighth, the next build would
    /// apply more than it saves in reading.
    static func changesKept(of count: Int) -> Int {
        max(count / 8, 64)
    }

    private static func write(_ writer: inout BinaryWriter, _ record: TreeRecord) {
        writer.write(record.stamp)
        writer.write(record.files) { writer, file in
            writer.write(file.key)
            writer.write(file.value)
        }
        writer.write(record.folders) { writer, folder in
            writer.write(folder.key)
            write(&writer, folder.value)
        }
    }

    /// Changes as a stamp, then files and folders each with a flag: set (and its digest or state), or removed.
    private static func write(_ writer: inout BinaryWriter, _ changes: TreeRecord.Changes) {
        writer.write(changes.stamp)
        writer.write(changes.files) { writer, file in
            writer.write(file.key)
            writer.write(file.value) { $0.write($1) }
        }
        writer.write(changes.folders) { writer, folder in
            writer.write(folder.key)
            writer.write(folder.value, write)
        }
    }

    private static func write(_ writer: inout BinaryWriter, _ state: TreeRecord.FolderState) {
        writer.write(state.inode)
        writer.write(Int(state.seconds))
        writer.write(Int(state.nanoseconds))
    }

    private static func folderState(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> TreeRecord.FolderState {
        TreeRecord.FolderState(inode: try reader.unsigned(), seconds: Int64(try reader.int()), nanoseconds: Int64(try reader.int()))
    }

    /// A record as `write` wrote it.
    private static func record(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> TreeRecord {
        let stamp = try reader.string()
        var files: [String: PageDigest] = [:], folders: [String: TreeRecord.FolderState] = [:]
        let fileCount = try reader.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let path = try reader.string()
            files[path] = try reader.digest()
        }
        let folderCount = try reader.count()
        folders.reserveCapacity(folderCount)
        for _ in 0..<folderCount {
            let path = try reader.string()
            folders[path] = try folderState(&reader)
        }
        return TreeRecord(stamp: stamp, files: files, folders: folders)
    }

    private static func changes(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> TreeRecord.Changes {
        var changes = TreeRecord.Changes(stamp: try reader.string())
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            changes.files.updateValue(try reader.optional { reader throws(BinaryReader.Damaged) in try reader.digest() }, forKey: path)
        }
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            changes.folders.updateValue(try reader.optional(folderState), forKey: path)
        }
        return changes
    }
}
