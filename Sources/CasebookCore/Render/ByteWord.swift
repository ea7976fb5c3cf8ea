/// Eight bytes tested at once, for the writers that copy text in runs until a byte needs care (JSON escapes,
/// CSV quoting): byte by byte, that test was most of writing the timeline downloads and the search index.
struct ByteWord {
    let bits: UInt64

    init(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        bits = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the bytes is `byte`.
    func holds(_ byte: UInt8) -> Bool {
        let matched = bits ^ (Self.ones &* UInt64(byte))
        return (matched &- Self.ones) & ~matched & Self.highs != 0
    }

    /// Whether one of the bytes is below `limit` (at most 0x80).
    func holdsByte(below limit: UInt8) -> Bool {
        (bits &- Self.ones &* UInt64(limit)) & ~bits & Self.highs != 0
    }
}
