import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records of an output folder's two trees, the live output and the spare, kept in
/// `.casebook-cache/trees-<key>.bin`, each as a record whole (its base) and changes of it. After the next swap the
/// output's record is saved as the spare's as the file held it; and a build that stages a few pages into a spare that
/// matches its record saves the new output's as the spare's base, as the file held it, with the spare's changes and its
/// own: encoding 44,000 paths again was the longer half of saving the two files that end a one-shot rebuild. (The two
/// trees' folders differ throughout, so one tree's record is not kept as changes of the other's.) Digests name bytes
/// only for the binary that rendered them, so the file is read only by that binary; a damaged or foreign file reads as
/// no records, and the next build walks the spare.
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

    /// The records as the file holds them (slices of the mapped file).
    struct Parts: Sendable {
        /// The output's record, base and changes, to be written back as the spare's once the output is swapped out
        /// (read without its folders, it could not be written again).
        let output: Data
        /// The spare's base, how many files and folders it lists, and the spare's changes of it; nil without a spare.
        let spare: (base: Data, count: Int, changes: TreeRecord.Changes)?
    }

    /// The records; the output's without its folders unless `outputFolders`: a build process that swaps the output
    /// out writes its record back as read (`Parts.output`) and looks none of its 22,000 folders up.
    func read(outputFolders: Bool = true) -> Stored {
        BinaryReader.read(path, header: header, keepingBytes: true) { reader throws(BinaryReader.Damaged) in
            guard try reader.bool() else { return Stored(output: nil, spare: nil, parts: nil) }
            let start = reader.offset
            let output = try Self.tree(&reader, folders: outputFolders)
            let outputBytes = reader.kept(since: start)
            var spare: (record: TreeRecord, baseBytes: Int, baseCount: Int, changes: TreeRecord.Changes)?, spareBytes: Data?
            if try reader.bool() {
                let spareStart = reader.offset
                spare = try Self.tree(&reader)
                spareBytes = reader.kept(since: spareStart)
            }
            let parts = outputBytes.map { bytes in
                Parts(output: bytes, spare: spare.flatMap { spare in
                    spareBytes.map { ($0.prefix(spare.baseBytes), spare.baseCount, spare.changes) }
                })
            }
            return Stored(output: output.record, spare: spare?.record, parts: parts)
        } ?? Stored(output: nil, spare: nil, parts: nil)
    }

    /// Replaces the file; one that cannot be written only makes the next build walk the spare. `read`: the parts of the
    /// file as read, when `spare` is the output it held; `changes`: how `output` differs from the spare it held, when
    /// it was staged into that tree.
    func save(output: TreeRecord, spare: TreeRecord?, read: Parts? = nil, changes: TreeRecord.Changes? = nil) {
        // The file in pieces: bytes written back as read, between what `writer` encodes.
        var writer = BinaryWriter(), pieces: [Data] = []
        func keep(_ bytes: Data) {
            _ = writer.drain { bytes in
                pieces.append(Data(bytes))
                return true
            }
            pieces.append(bytes)
        }
        writer.write(true)
        if let spareRead = read?.spare, let changes, case let merged = spareRead.changes.then(changes),
           merged.count <= Self.changesKept(of: spareRead.count) {
            keep(spareRead.base)
            Self.write(&writer, merged)
        } else {
            Self.write(&writer, output)
            Self.write(&writer, TreeRecord.Changes(stamp: output.stamp))
        }
        writer.write(spare != nil)
        if let read, spare != nil {
            keep(read.output)
        } else if let spare {
            Self.write(&writer, spare)
            Self.write(&writer, TreeRecord.Changes(stamp: spare.stamp))
        }
        ReplacedFile.write(path, header: header) { stream in
            func put(_ bytes: UnsafeRawBufferPointer) -> Bool { fwrite(bytes.baseAddress, 1, bytes.count, stream) == bytes.count }
            return pieces.allSatisfy { $0.withUnsafeBytes(put) } && writer.drain(put)
        }
    }

    /// A tree's record as `save` wrote it: a base and changes of it; with how many bytes the base took and how many
    /// files and folders it lists. Without folders when not `folders`: such a record is for writing back, not for
    /// checking a tree against.
    private static func tree(_ reader: inout BinaryReader, folders: Bool = true) throws(BinaryReader.Damaged)
        -> (record: TreeRecord, baseBytes: Int, baseCount: Int, changes: TreeRecord.Changes) {
        let start = reader.offset
        var record = try Self.record(&reader, folders: folders)
        let baseBytes = reader.offset - start, baseCount = record.files.count + record.folders.count
        let changes = try Self.changes(&reader)
        if folders {
            changes.apply(to: &record)
        } else {
            var files = changes
            files.folders = [:]
            files.apply(to: &record)
        }
        return (record, baseBytes, baseCount, changes)
    }

    /// How many changes of a base of `count` files and folders a record is kept as: beyond an eighth (and 64), the base
    /// is written again, so that changes stay few to read and apply.
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

    /// A record as `write` wrote it; with its folders left out when not `folders`.
    private static func record(_ reader: inout BinaryReader, folders readsFolders: Bool) throws(BinaryReader.Damaged) -> TreeRecord {
        let stamp = try reader.string()
        var files: [String: PageDigest] = [:], folders: [String: TreeRecord.FolderState] = [:]
        let fileCount = try reader.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let path = try reader.string()
            files[path] = try reader.digest()
        }
        let folderCount = try reader.count()
        if readsFolders { folders.reserveCapacity(folderCount) }
        for _ in 0..<folderCount {
            guard readsFolders else {
                try reader.skipString()
                for _ in 0..<3 { _ = try reader.unsigned() }
                continue
            }
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
