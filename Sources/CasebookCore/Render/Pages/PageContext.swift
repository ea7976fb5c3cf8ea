import Foundation

/// What a page template receives: the layout's data and the page's own content.
public struct PageContext<Content>: @unchecked Sendable {
    public let layout: LayoutView
    public let content: Content
}

extension PageContext: Encodable where Content: Encodable {}

/// A page or file ready to write, at its path under the output folder.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    /// A rendered page keeps the template's `String` and is written from its UTF-8 storage: copying a 30 MB
    /// timeline page into an array first cost as much memory again at the build's peak.
    private let storage: Storage
    /// The page is exactly what the current output holds at `path` (its digest did not change), so it was not
    /// rendered and has no bytes here: the writer links the existing file.
    public let unchanged: Bool
    /// The digest the page was rendered from, when a render cache took one: what the writer knows the file by, so
    /// that a tree already holding the page under that digest is not touched.
    let digest: PageDigest?

    private enum Storage: Sendable {
        case bytes([UInt8])
        case text(String)
        /// A download spliced from the one the output holds: ranges of that file around new bytes, written without
        /// being copied into one array first, the ranges copied file to file.
        case spliced(OpenedFile, [Piece])
    }

    /// A part of a spliced file: a range of the file it is spliced from, or bytes of its own.
    enum Piece: Sendable {
        case kept(Range<Int>)
        case made([UInt8])
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        storage = .bytes(bytes)
        unchanged = false
        digest = nil
    }

    public init(path: String, text: String) {
        self.path = path
        storage = .text(text)
        unchanged = false
        digest = nil
    }

    init(path: String, splicing source: OpenedFile, pieces: [Piece]) {
        self.path = path
        storage = .spliced(source, pieces)
        unchanged = false
        digest = nil
    }

    init(path: String, text: String, digest: PageDigest?) {
        self.path = path
        storage = .text(text)
        unchanged = false
        self.digest = digest
    }

    init(unchangedAt path: String, digest: PageDigest) {
        self.path = path
        storage = .bytes([])
        unchanged = true
        self.digest = digest
    }

    private init(_ file: OutputFile, digest: PageDigest) {
        path = file.path
        storage = file.storage
        unchanged = file.unchanged
        self.digest = digest
    }

    /// The same file, known by the digest it was made from.
    func identified(by digest: PageDigest) -> OutputFile {
        OutputFile(self, digest: digest)
    }

    public var bytes: [UInt8] {
        switch storage {
        case .bytes(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .spliced: return splicedBytes
        }
    }

    /// The file's size in bytes, without making them.
    var byteCount: Int {
        switch storage {
        case .bytes(let bytes): return bytes.count
        case .text(let text): return text.utf8.count
        case .spliced(_, let pieces):
            return pieces.reduce(0) {
                switch $1 {
                case .kept(let range): $0 + range.count
                case .made(let bytes): $0 + bytes.count
                }
            }
        }
    }

    /// The file as UTF-8 text; a rendered page's own `String`, without a round trip through bytes.
    public var text: String {
        switch storage {
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .text(let text): return text
        case .spliced: return String(decoding: splicedBytes, as: UTF8.self)
        }
    }

    /// Calls `body` with the file's bytes, without copying them (but those of a file in pieces, joined).
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .bytes(let bytes):
            return bytes.withUnsafeBytes(body)
        case .text(var text):
            return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case .spliced:
            return splicedBytes.withUnsafeBytes(body)
        }
    }

    /// Calls `body` with the file's bytes in order, in one buffer or one per piece, without copying them, until it
    /// returns false; false when it did. What the writer reads a file in pieces through.
    @discardableResult
    func forEachPiece(_ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        switch storage {
        case .bytes(let bytes): bytes.withUnsafeBytes(body)
        case .text(var text): text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case .spliced(let source, let pieces):
            source.bytes.withUnsafeBytes { kept in
                pieces.allSatisfy {
                    switch $0 {
                    case .kept(let range): body(UnsafeRawBufferPointer(rebasing: kept[range]))
                    case .made(let bytes): bytes.withUnsafeBytes(body)
                    }
                }
            }
        }
    }

    /// A spliced file's source and pieces, for the writer to copy the kept ranges file to file; nil for other files.
    var splice: (source: OpenedFile, pieces: [Piece])? {
        if case .spliced(let source, let pieces) = storage { (source, pieces) } else { nil }
    }

    /// A spliced file's bytes in one array.
    private var splicedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        forEachPiece {
            bytes += $0
            return true
        }
        return bytes
    }

    public static func == (lhs: OutputFile, rhs: OutputFile) -> Bool {
        lhs.path == rhs.path && lhs.unchanged == rhs.unchanged && lhs.withBytes { left in rhs.withBytes { left.elementsEqual($0) } }
    }
}
