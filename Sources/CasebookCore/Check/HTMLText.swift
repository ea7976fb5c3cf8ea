/// Byte-level searches over a built page for the checks. Foundation's `range(of:)` works in UTF-16 and, on a
/// substring of a large page, rebuilt the page's UTF-16 index on every call: `casebook check` took 78 s on a
/// 1,000-event tracker. Pages are UTF-8 and every searched-for text is ASCII, so bytes suffice.
enum HTMLText {
    /// The byte offset of the first `needle` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = max(start, 0)
        while index + needle.count <= bytes.count {
            if bytes[index] == first, (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Runs `body` over the UTF-8 bytes of `text`.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}
