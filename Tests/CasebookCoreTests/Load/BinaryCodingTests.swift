import Foundation
import Testing
@testable import CasebookCore

/// The byte format of the cache files: numbers on both sides of each length of their encoding, and digests, read back
/// as written; a record cut short anywhere throws rather than reading past its end.
@Suite struct BinaryCodingTests {
    static let numbers: [UInt64] = [0, 1, 127, 128, 255, 16_383, 16_384, 1 << 35, UInt64(Int64.max), .max]
    static let integers: [Int] = [0, -1, 63, -64, 64, -65, Int.max, Int.min]
    static let digests = [PageDigest(high: 0, low: 0), PageDigest(high: .max, low: 1), PageDigest.of("a page")]

    func written() -> [UInt8] {
        var writer = BinaryWriter()
        for number in Self.numbers { writer.write(number) }
        for integer in Self.integers { writer.write(integer) }
        for digest in Self.digests { writer.write(digest) }
        var bytes: [UInt8] = []
        _ = writer.drain { bytes = Array($0); return true }
        return bytes
    }

    func read(_ bytes: [UInt8]) throws -> ([UInt64], [Int], [PageDigest]) {
        try bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            var numbers: [UInt64] = [], integers: [Int] = [], digests: [PageDigest] = []
            for _ in Self.numbers { numbers.append(try reader.unsigned()) }
            for _ in Self.integers { integers.append(try reader.int()) }
            for _ in Self.digests { digests.append(try reader.digest()) }
            guard reader.atEnd else { throw BinaryReader.Damaged() }
            return (numbers, integers, digests)
        }
    }

    @Test func numbersAndDigestsReadBackAsWritten() throws {
        let (numbers, integers, digests) = try read(written())
        #expect(numbers == Self.numbers && integers == Self.integers && digests == Self.digests)
    }

    @Test func aRecordCutShortAnywhereThrows() {
        let bytes = written()
        for length in 0..<bytes.count {
            #expect(throws: BinaryReader.Damaged.self, "cut at \(length)") { try read(Array(bytes.prefix(length))) }
        }
    }
}
