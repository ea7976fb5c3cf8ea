import Foundation

/// Markdown text from content, with the location of its first line so rendering problems can be placed.
public struct MarkdownSource: Hashable, Sendable {
    private let storage: Storage
    public let location: SourceLocation

    /// The text as parsed, or as UTF-8 bytes in a cache file that a build process read (`LoadCacheFile`): such text
    /// becomes a `String` only when read, and a rebuild after one edit reads little of it (making the 10 MB of prose
    /// of a 10,000-event tracker into strings, each checked as UTF-8, took 15 ms of the main thread).
    private enum Storage: Sendable {
        case string(String)
        /// Bytes a `String` was written as, within a buffer that is never changed while any slice of it lives.
        case bytes(Data)
    }

    public init(_ text: String, at location: SourceLocation) {
        storage = .string(text)
        self.location = location
    }

    /// Text kept as the UTF-8 bytes a `String` was written as.
    init(utf8 bytes: Data, at location: SourceLocation) {
        storage = .bytes(bytes)
        self.location = location
    }

    public var text: String {
        switch storage {
        case .string(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String` of kept bytes.
    func withUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        switch storage {
        case .string(var text): text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): bytes.withUnsafeBytes(body)
        }
    }

    /// Told from the bytes when the first one that is not ASCII whitespace (tab to carriage return, space) is ASCII, or
    /// there is none: a view checks each text before rendering it, and kept bytes were otherwise made a string twice.
    public var isBlank: Bool {
        let firstVisibleIsASCII = withUTF8 { bytes in
            bytes.first { !($0 == 0x20 || (0x09...0x0D).contains($0)) }.map { $0 < 0x80 }
        }
        guard firstVisibleIsASCII == false else { return firstVisibleIsASCII == nil }
        return text.allSatisfy(\.isWhitespace)
    }

    /// Equal as their texts are (`String` equality, which takes canonically equivalent texts as equal): the same
    /// bytes are equal without either being made into a `String`.
    public static func == (lhs: MarkdownSource, rhs: MarkdownSource) -> Bool {
        guard lhs.location == rhs.location else { return false }
        if case .bytes(let left) = lhs.storage, case .bytes(let right) = rhs.storage, left == right { return true }
        return lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(location)
    }
}
