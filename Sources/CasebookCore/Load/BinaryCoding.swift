import Foundation

/// A compact byte format for loaded items kept between builds (`LoadCacheFile`): variable-length integers,
/// length-prefixed UTF-8, and file paths written once per record and then by number, since every location in
/// a piece of a list file names the same file. It is read back only by the same binary that wrote it.
struct BinaryWriter {
    private var bytes: [UInt8] = []
    private var files: [String: Int] = [:]
    private var nextFileNumber: Int

    /// A writer whose paths are numbered on from `first`: for records added to a file whose reader has numbered
    /// `first` paths already.
    init(filesNumberedFrom first: Int = 0) {
        nextFileNumber = first
    }

    /// Hands the bytes written so far to `write` and forgets them (not the paths already numbered), so that a
    /// long file is written a piece at a time rather than held whole.
    mutating func drain(_ write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes.withUnsafeBytes(write)
    }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A digest as its two words, eight bytes each (little-endian): as variable-length integers they took nine or ten
    /// bytes each and a loop of as many steps to read, a quarter of reading a big tracker's page ledger.
    mutating func write(_ digest: PageDigest) {
        withUnsafeBytes(of: digest.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63))
    }

    mutating func write(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A Markdown source's text as `write(_ text: String)` writes it, from its bytes.
    mutating func writeText(of markdown: MarkdownSource) {
        write(kept: markdown.kept)
    }

    /// Kept text as `write(_ text: String)` writes it, from its bytes.
    mutating func write(kept text: KeptText) {
        text.withUTF8 { write(utf8: $0) }
    }

    private mutating func write(utf8: UnsafeRawBufferPointer) {
        write(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// A path that recurs: the first time in full, then by its number.
    mutating func write(file path: String) {
        if let number = files[path] { return write(UInt64(number + 1)) }
        files[path] = nextFileNumber
        nextFileNumber += 1
        write(UInt64(0))
        write(path)
    }

    mutating func write<Value>(_ value: Value?, _ writeValue: (inout BinaryWriter, Value) -> Void) {
        write(value != nil)
        if let value { writeValue(&self, value) }
    }

    mutating func write<Values: Collection>(_ values: Values, _ writeValue: (inout BinaryWriter, Values.Element) -> Void) {
        write(UInt64(values.count))
        for value in values { writeValue(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws, and the caller then parses the YAML instead.
struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    private var files: [String] = []
    /// The buffer `bytes` lies in, when what is read may keep slices of it (`keptString()`, `kept(since:)`).
    private let owner: Data?

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, owner: Data? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.owner = owner
    }

    var atEnd: Bool { offset >= bytes.count }

    /// How many paths the records read so far numbered.
    var fileCount: Int { files.count }

    /// A digest as `BinaryWriter.write(_:)` wrote it.
    mutating func digest() throws(Damaged) -> PageDigest {
        guard bytes.count - offset >= 16 else { throw Damaged() }
        defer { offset += 16 }
        return PageDigest(high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                          low: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
    }

    /// One byte for a number below 128, most of them (counts, flags, columns), read inline: called as a function for
    /// every number, this was a quarter of decoding the load cache of a big tracker.
    @inline(__always)
    mutating func unsigned() throws(Damaged) -> UInt64 {
        if offset < bytes.count, bytes[offset] < 0x80 {
            offset += 1
            return UInt64(bytes[offset - 1])
        }
        return try longUnsigned()
    }

    private mutating func longUnsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: raw >> 1 ^ (0 &- (raw & 1))))
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func count() throws(Damaged) -> Int {
        let count = try unsigned()
        guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(count)
    }

    mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }

    /// A string's bytes as a slice of the buffer the reader was given with them, which outlives the reader; nil,
    /// with nothing read, for a reader given none.
    mutating func keptString() throws(Damaged) -> Data? {
        guard let owner else { return nil }
        let length = try count(), start = owner.startIndex + offset
        offset += length
        return owner[start..<(start + length)]
    }

    /// The bytes read since `start`, as a slice of the buffer the reader was given with them, which outlives the
    /// reader; nil for a reader given none.
    func kept(since start: Int) -> Data? {
        owner.map { $0[($0.startIndex + start)..<($0.startIndex + offset)] }
    }

    /// Moves past a string without making it.
    mutating func skipString() throws(Damaged) {
        offset += try count()
    }

    mutating func file() throws(Damaged) -> String {
        let number = try unsigned()
        if number == 0 {
            files.append(try string())
            return files[files.count - 1]
        }
        guard number <= UInt64(files.count) else { throw Damaged() }
        return files[Int(number - 1)]
    }

    mutating func optional<Value>(_ read: (inout BinaryReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<Value>(_ read: (inout BinaryReader) throws(Damaged) -> Value) throws(Damaged) -> [Value] {
        let count = try count()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}

extension BinaryReader {
    /// Reads a cache file (mapped, not copied) whose bytes follow `header`, through `body`; nil when the file is
    /// missing, starts with another header (another binary, folder or format), is damaged or has bytes left over.
    /// `keepingBytes`: what is read may keep slices of the mapped file (which Casebook never changes in place), such as
    /// Markdown text (`keptString()`) or a ledger's records (`kept(since:)`).
    static func read<Value>(_ path: String, header: String, keepingBytes: Bool = false,
                            _ body: (inout BinaryReader) throws(Damaged) -> Value) -> Value? {
        guard let (data, start) = MappedFile.contents(of: path, header: header) else { return nil }
        return data.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes, offset: start, owner: keepingBytes ? data : nil)
            do throws(Damaged) {
                let value = try body(&reader)
                return reader.atEnd ? value : nil
            } catch {
                return nil
            }
        }
    }
}
