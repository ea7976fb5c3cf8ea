import Foundation

/// The sorted table at the head of a `DigestCache` file, searched where it lies in the mapped file: a build that needs a
/// few hundred of the file's 20,000 texts finds them without reading the rest (indexing the whole file for them cost a
/// rebuild more than rendering them again). After the file's header comes `index <count> <bytes>\n`, then `count`
/// entries of 32 bytes (digest high and low, where its text starts, its length; little-endian), sorted by digest, then
/// the `bytes` of the entries they describe; entries appended later follow, found by reading them.
struct DigestIndex {
    /// Where the table starts in the file, and how many entries it holds.
    let start: Int
    let count: Int
    /// Where the entries the table describes end: appended ones start there.
    let end: Int

    static let entrySize = 32

    /// The table of `bytes` (a file's) after its header at `offset`; nil when it is missing or does not fit the file.
    init?(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        let prefix = Array("index ".utf8)
        guard bytes.count >= offset + prefix.count, bytes[offset..<(offset + prefix.count)].elementsEqual(prefix) else { return nil }
        var cursor = offset + prefix.count
        func number() -> Int? {
            var value = 0, digits = 0
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), digits < 18 {
                value = value * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            return digits > 0 ? value : nil
        }
        guard let count = number(), cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") else { return nil }
        cursor += 1
        guard let length = number(), cursor < bytes.count, bytes[cursor] == 0x0A else { return nil }
        start = cursor + 1
        self.count = count
        end = start + count * Self.entrySize + length
        guard count <= bytes.count / Self.entrySize, end <= bytes.count else { return nil }
    }

    /// Where the text of `digest` lies in `bytes`, checked against the entry's own line (`<32 hex digits> <length>\n`
    /// before the text, a newline after): a damaged file gives no text rather than a wrong one.
    func text(_ digest: PageDigest, in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        // Digests are spread evenly, so the first few probes go where the digest would lie between the keys known
        // around it rather than halfway: about 4 probes to find one of 40,000 instead of 16, each a cache miss or a
        // page fault. Any probe within the bounds keeps the search right, even in a damaged table.
        var low = 0, high = count, below: UInt64 = 0, above = UInt64.max, guesses = 0
        while low < high {
            var middle = (low + high) / 2
            if guesses < 4, above > below {
                let fraction = min(Double(digest.high &- below) / Double(above &- below), 1)
                middle = min(max(low + Int(fraction * Double(high - low)), low), high - 1)
                guesses += 1
            }
            let key = self.digest(at: middle, bytes)
            if key == digest { return checkedRange(at: middle, digest, bytes) }
            if (key.high, key.low) < (digest.high, digest.low) {
                (low, below) = (middle + 1, key.high)
            } else {
                (high, above) = (middle, key.high)
            }
        }
        return nil
    }

    /// Every entry of the table, for a file that is written again with them.
    func entries(in bytes: UnsafeRawBufferPointer) -> [(PageDigest, Range<Int>)] {
        (0..<count).compactMap { number in
            let digest = digest(at: number, bytes)
            return checkedRange(at: number, digest, bytes).map { (digest, $0) }
        }
    }

    private func word(_ number: Int, _ field: Int, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start + number * Self.entrySize + field * 8, as: UInt64.self))
    }

    private func digest(at number: Int, _ bytes: UnsafeRawBufferPointer) -> PageDigest {
        PageDigest(high: word(number, 0, bytes), low: word(number, 1, bytes))
    }

    private func checkedRange(at number: Int, _ digest: PageDigest, _ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        let textStart = Int(truncatingIfNeeded: word(number, 2, bytes)), length = Int(truncatingIfNeeded: word(number, 3, bytes))
        let tableEnd = start + count * Self.entrySize
        guard length >= 0, textStart <= end - length - 1, textStart - tableEnd >= 35, bytes[textStart + length] == 0x0A,
              bytes[textStart - 1] == 0x0A else { return nil }
        // The line's length, read backwards from its newline: digits, then a space after the 32 hex digits.
        var cursor = textStart - 2, written = 0, scale = 1
        while cursor > tableEnd + 32, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), scale <= 1_000_000_000_000 {
            written += Int(bytes[cursor] - UInt8(ascii: "0")) * scale
            scale *= 10
            cursor -= 1
        }
        guard cursor < textStart - 2, written == length, bytes[cursor] == UInt8(ascii: " "),
              Self.hex(bytes, cursor - 32) == digest.high, Self.hex(bytes, cursor - 16) == digest.low else { return nil }
        return textStart..<(textStart + length)
    }

    /// Sixteen lowercase hex digits at `offset` as a number.
    static func hex(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64? {
        var value: UInt64 = 0
        for byte in bytes[offset..<(offset + 16)] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    /// The line before each text in the file.
    static func line(_ digest: PageDigest, length: Int) -> String {
        "\(digest) \(length)\n"
    }

    /// The `index` line and table for entries of these digests, `line` byte counts and text lengths, sorted by digest,
    /// written in this order after a header of `header` bytes, each as its `line` and text and a newline.
    static func table(_ entries: [(digest: PageDigest, line: Int, length: Int)], after header: Int) -> [UInt8] {
        let length = entries.reduce(0) { $0 + $1.line + $1.length + 1 }
        var table = Array("index \(entries.count) \(length)\n".utf8)
        table.reserveCapacity(table.count + entries.count * entrySize)
        var textStart = header + table.count + entries.count * entrySize
        for entry in entries {
            textStart += entry.line
            for word in [entry.digest.high, entry.digest.low, UInt64(textStart), UInt64(entry.length)] {
                withUnsafeBytes(of: word.littleEndian) { table += $0 }
            }
            textStart += entry.length + 1
        }
        return table
    }
}
