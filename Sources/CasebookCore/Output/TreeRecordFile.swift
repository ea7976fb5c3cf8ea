import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The records of an output folder's two trees, the live output and the spare, kept in
/// `.casebook-cache/trees-<key>.bin`. Digests name bytes only for the binary that rendered them, so the file is
/// read only by that binary; a damaged or foreign file reads as no records, and the next build walks the spare.
struct TreeRecordFile {
    let path: String
    private let header: String

    init(folder: String, output: String) {
        (path, header) = RenderCache.outputCacheFile("trees", format: "casebook-tree-records 1", folder: folder, output: output)
    }

    /// The records saved after the last build: what it swapped in, and the tree it swapped out; with the output's as
    /// the file holds it: the next build swaps that tree out and saves its record as the spare's, which it then writes
    /// back as it was read (encoding its 44,000 paths again was half of saving the file, the last step of a one-shot
    /// rebuild).
    struct Stored: Sendable {
        let output: TreeRecord?
        let spare: TreeRecord?
        let outputEncoding: [UInt8]?
    }

    /// The records; the output's without its folders unless `outputFolders`: a build process that swaps the output
    /// out writes its record back as read (`outputEncoding`) and looks none of its 22,000 folders up.
    func read(outputFolders: Bool = true) -> Stored {
        BinaryReader.read(path, header: header) { reader throws(BinaryReader.Damaged) in
            let start = reader.offset
            let output = try reader.optional { reader throws(BinaryReader.Damaged) in try Self.record(&reader, folders: outputFolders) }
            let encoding = reader.bytesRead(since: start)
            return Stored(output: output, spare: try reader.optional { reader throws(BinaryReader.Damaged) in try Self.record(&reader) },
                          outputEncoding: encoding)
        } ?? Stored(output: nil, spare: nil, outputEncoding: nil)
    }

    /// Replaces the file; one that cannot be written only makes the next build walk the spare. `spareEncoding`: the
    /// spare's record as `read` read it, when the spare is the tree that file named the output.
    func save(output: TreeRecord, spare: TreeRecord?, spareEncoding: [UInt8]? = nil) {
        var writer = BinaryWriter()
        writer.write(output, Self.write)
        if let spareEncoding, spare != nil { writer.write(encoded: spareEncoding) } else { writer.write(spare, Self.write) }
        ReplacedFile.write(path, header: header) { stream in
            writer.drain { fwrite($0.baseAddress, 1, $0.count, stream) == $0.count }
        }
    }

    private static func write(_ writer: inout BinaryWriter, _ record: TreeRecord) {
        writer.write(record.stamp)
        writer.write(UInt64(record.files.count))
        for (path, digest) in record.files {
            writer.write(path)
            writer.write(digest)
        }
        writer.write(UInt64(record.folders.count))
        for (path, state) in record.folders {
            writer.write(path)
            writer.write(state.inode)
            writer.write(Int(state.seconds))
            writer.write(Int(state.nanoseconds))
        }
    }

    /// A record as `write` wrote it; with its folders left out when not `folders`: such a record is for writing back,
    /// not for checking a tree against.
    private static func record(_ reader: inout BinaryReader, folders readsFolders: Bool = true) throws(BinaryReader.Damaged) -> TreeRecord {
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
            folders[path] = TreeRecord.FolderState(inode: try reader.unsigned(), seconds: Int64(try reader.int()),
                                                   nanoseconds: Int64(try reader.int()))
        }
        return TreeRecord(stamp: stamp, files: files, folders: folders)
    }
}
