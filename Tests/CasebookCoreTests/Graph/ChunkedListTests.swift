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
}
