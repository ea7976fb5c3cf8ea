/// A 128-bit fingerprint of everything a page is rendered from (its template set, template name and context),
/// stable across runs, so a rebuild can tell that a page would come out the same without rendering it.
/// It is a fast mixing hash, not a cryptographic one: it guards against accidents, not against an adversary.
struct PageDigest: Hashable, Sendable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses the 32 hex digits of `description`.
    init?(hex: Substring) {
        guard hex.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else {
            return nil
        }
        self.init(high: high, low: low)
    }

    var description: String {
        [high, low].map { String(repeating: "0", count: $0.leadingZeroBitCount / 4) + ($0 == 0 ? "" : String($0, radix: 16)) }.joined()
    }

    /// The digest of a view on its own.
    static func of<View: Encodable>(_ view: View) -> PageDigest {
        let encoder = DigestEncoder()
        try? view.encode(to: encoder)  // the digest encoder never throws
        return encoder.state.pointee.digest
    }

    /// The digest of a page's context as Mustache would see it, with the template set's own digest mixed in.
    static func of<Context: Encodable>(template: String, templates: PageDigest, context: Context) -> PageDigest {
        let encoder = DigestEncoder()
        encoder.state.pointee.add(templates)
        encoder.state.pointee.add(template)
        try? context.encode(to: encoder)  // the digest encoder never throws
        return encoder.state.pointee.digest
    }
}

/// Two 64-bit lanes fed eight bytes at a time, or sixteen for long text.
struct DigestState {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var count: UInt64 = 0

    mutating func add(_ word: UInt64) {
        first = Self.mixFirst(first, word)
        second = Self.mixSecond(second, word) &+ first
        count &+= 1
    }

    mutating func add(_ digest: PageDigest) {
        add(digest.high)
        add(digest.low)
    }

    @inline(__always)
    private static func mixFirst(_ lane: UInt64, _ word: UInt64) -> UInt64 { ((lane ^ word) &* 0x9E37_79B9_7F4A_7C15).rotated(by: 29) }

    @inline(__always)
    private static func mixSecond(_ lane: UInt64, _ word: UInt64) -> UInt64 { ((lane ^ word) &* 0xC2B2_AE3D_27D4_EB4F).rotated(by: 31) }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Long text goes sixteen bytes a step, a word to each lane, so that the lanes' multiplies overlap; the
    /// bytes after the last full word are read as the buffer's last eight (the length is in the digest too).
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var offset = 0
        if bytes.count >= 16 {
            var first = self.first, second = self.second
            while offset + 16 <= bytes.count {
                first = Self.mixFirst(first, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                second = Self.mixSecond(second, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                offset += 16
            }
            self.first = first
            self.second = second &+ first
            count &+= UInt64(offset / 8)
        }
        if offset + 8 <= bytes.count {
            add(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        if offset < bytes.count {
            if bytes.count >= 8 {
                tail = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            } else {
                for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            }
        }
        add(tail)
    }

    var digest: PageDigest {
        var state = self
        state.add(count)
        let high = (state.first ^ state.second >> 29) &* 0xFF51_AFD7_ED55_8CCD
        let low = (state.second ^ state.first >> 31) &* 0xC4CE_B9FE_1A85_EC53
        return PageDigest(high: high ^ high >> 33, low: low ^ low >> 33)
    }
}

private extension UInt64 {
    @inline(__always)
    func rotated(by bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
}
