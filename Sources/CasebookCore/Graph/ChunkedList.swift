/// A list kept in chunks of 256 elements, so that a copy with a few elements replaced copies only their chunks: a
/// patched preview build replaces one event in lists of 10,000 that the last build still holds, and copying those
/// lists whole took about 15 ms of it.
public struct ChunkedList<Element>: RandomAccessCollection {
    private static var shift: Int { 8 }
    private static var mask: Int { (1 << shift) - 1 }

    private var chunks: [[Element]]
    public let endIndex: Int
    /// When set, each read by index is noted in the running page job's `ReadLog` as this kind.
    let readKind: ReadLog.Kind?
    public var startIndex: Int { 0 }

    public init(_ elements: some Collection<Element>) {
        let all = Array(elements)
        endIndex = all.count
        readKind = nil
        chunks = stride(from: 0, to: all.count, by: 1 << Self.shift).map { Array(all[$0..<Swift.min($0 + (1 << Self.shift), all.count)]) }
    }

    /// The elements at the indexes `order` gives, in that order, each copied once into its chunk; reads noted as
    /// `readKind`, if given.
    init(_ elements: [Element], order: [Int], noting readKind: ReadLog.Kind? = nil) {
        endIndex = order.count
        self.readKind = readKind
        chunks = elements.withUnsafeBufferPointer { buffer in
            stride(from: 0, to: order.count, by: 1 << Self.shift).map { start in
                order[start..<Swift.min(start + (1 << Self.shift), order.count)].map { buffer[$0] }
            }
        }
    }

    public subscript(index: Int) -> Element {
        if let readKind { ReadLog.note(readKind, index) }
        return chunks[index >> Self.shift][index & Self.mask]
    }

    /// Reads the element at `index` where it lies, without copying it (a copy retains every string in it).
    func withElement<Result>(at index: Int, _ body: (UnsafePointer<Element>) -> Result) -> Result {
        if let readKind { ReadLog.note(readKind, index) }
        return chunks[index >> Self.shift].withUnsafeBufferPointer { chunk in
            guard let base = chunk.baseAddress, chunk.indices.contains(index & Self.mask) else {
                preconditionFailure("element \(index) of \(count)")
            }
            return body(base + (index & Self.mask))
        }
    }

    /// The same list with the elements at some indexes replaced.
    func replacing(_ replacements: [Int: Element]) -> ChunkedList {
        var copy = self
        for (index, element) in replacements {
            precondition(indices.contains(index), "replacing element \(index) of \(count)")
            copy.chunks[index >> Self.shift][index & Self.mask] = element
        }
        return copy
    }
}

extension ChunkedList: Sendable where Element: Sendable {}

extension ChunkedList: Equatable where Element: Equatable {
    public static func == (lhs: ChunkedList, rhs: ChunkedList) -> Bool {
        lhs.elementsEqual(rhs)
    }
}
