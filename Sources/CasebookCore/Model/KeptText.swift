import Foundation

/// Text as parsed, or as the UTF-8 bytes a cache file that a build process read holds it in (`LoadCacheFile`): such
/// text becomes a `String` only when read, and a rebuild after one edit reads little of it (making the 10 MB of prose
/// of a 10,000-event tracker into strings, each checked as UTF-8, took 15 ms of the main thread; its quotes' words 5).
struct KeptText: Hashable, Sendable, ExpressibleByStringLiteral {
    private enum Storage: Sendable {
        case string(String)
        /// Bytes a `String` was written as, within a buffer that is never changed while any slice of it lives.
        case bytes(Data)
    }

    private let storage: Storage

    init(_ text: String) {
        storage = .string(text)
    }

    init(stringLiteral text: String) {
        self.init(text)
    }

    /// Text kept as the UTF-8 bytes a `String` was written as.
    init(utf8 bytes: Data) {
        storage = .bytes(bytes)
    }

    var text: String {
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

    /// Equal as their texts are (`String` equality, which takes canonically equivalent texts as equal): the same
    /// bytes are equal without either being made into a `String`.
    static func == (lhs: KeptText, rhs: KeptText) -> Bool {
        if case .bytes(let left) = lhs.storage, case .bytes(let right) = rhs.storage, left == right { return true }
        return lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }
}
