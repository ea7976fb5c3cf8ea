import Testing
@testable import CasebookCore

@Suite struct ChunkedListTests {
    /// Every length around the chunk size reads back as the array it was made from, in order.
    @Test func readsBackAsTheArrayItWasMadeFrom() {
        for count in [0, 1, 255, 256, 257, 512, 1_000] {
            let list = ChunkedList(0..<count)
            #expect(list.count == count)
            #expect(Array(list) == Array(0..<count))
            #expect(list.indices.allSatisfy { list[$0] == $0 })
        }
    }

    /// Replacing makes a new list and leaves the one it was made from as it was, whichever chunks it touches.
    @Test func replacingLeavesTheOriginalAsItWas() {
        let original = ChunkedList(0..<1_000)
        let replaced = original.replacing([0: -1, 255: -2, 256: -3, 999: -4])
        #expect(Array(original) == Array(0..<1_000))
        var expected = Array(0..<1_000)
        expected[0] = -1
        expected[255] = -2
        expected[256] = -3
        expected[999] = -4
        #expect(Array(replaced) == expected)
        #expect(replaced != original)
        #expect(original.replacing([:]) == original)
    }

    /// A list made in an order of another's elements reads them in that order, replaced ones too, through every
    /// access, before and after enough replacements that it copies them into chunks; the lists it came from stay.
    @Test func aListInAnOrderReadsThroughItsReplacements() {
        let elements = Array(0..<1_000).map { $0 * 10 }
        let order = Array((0..<1_000).reversed())
        let list = ChunkedList(elements, order: order)
        var expected = order.map { elements[$0] }
        func reads(_ list: ChunkedList<Int>, _ expected: [Int]) -> Bool {
            Array(list) == expected && list.indices.allSatisfy { index in list.withElement(at: index) { $0.pointee } == expected[index] }
        }
        #expect(reads(list, expected))
        var replaced = list
        for round in 0..<3 {
            let replacements = Dictionary(uniqueKeysWithValues: (0..<(ChunkedList<Int>.replacedKept / 2 + 1)).map { ($0 * 3 + round, -$0 - round) })
            replaced = replaced.replacing(replacements)
            for (index, value) in replacements { expected[index] = value }
            #expect(reads(replaced, expected), "round \(round)")
        }
        #expect(reads(list, order.map { elements[$0] }))
    }
}
