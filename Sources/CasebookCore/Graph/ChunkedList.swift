/// A list kept in chunks of 256 elements, so that a copy with a few elements replaced copies only their chunks: a
/// patched preview build replaces one event in lists of 10,000 that the last build still holds, and copying those
/// lists whole took about 15 ms of it. A list made in an order of another list's elements reads them where they lie
/// in it instead, until many are replaced: copying the 20,000 events and quotes of a big tracker into chunks, each
/// copy retaining every string in it, was 6 ms of the main thread of a one-shot rebuild.
public struct ChunkedList<Element>: RandomAccessCollection {
    private static var shift: Int { 8 }
    private static var mask: Int { (1 << shift) - 1 }
    /// How many replaced elements a list read through `order` keeps apart before it is copied into chunks.
    static var replacedKept: Int { 1 << shift }

    /// The elements, when the list holds copies of them.
    private var chunks: [[Element]]
    /// The list the elements lie in, in the order `order` gives (empty when `chunks` hold them), and those replaced
    /// since, by index.
    private var base: [Element]
    private var order: [Int]
    private var replaced: [Int: Element] = [:]
    public let endIndex: Int
    /// When set, each read by index is noted in the running page job's `ReadLog` as this kind.
    let readKind: ReadLog.Kind?
    public var startIndex: Int { 0 }

    public init(_ elements: some Collection<Element>) {
        let all = Array(elements)
        endIndex = all.count
        readKind = nil
        base = []
        order = []
        chunks = stride(from: 0, to: all.count, by: 1 << Self.shift).map { Array(all[$0..<Swift.min($0 + (1 << Self.shift), all.count)]) }
    }

    /// The elements at the indexes `order` gives, in that order, read where they lie in `elements`; reads noted as
    /// `readKind`, if given.
    init(_ elements: [Element], order: [Int], noting readKind: ReadLog.Kind? = nil) {
        endIndex = order.count
        self.readKind = readKind
        base = elements
        self.order = order
        chunks = []
    }

    public subscript(index: Int) -> Element {
        if let readKind { ReadLog.note(readKind, index) }
        return element(at: index)
    }

    private func element(at index: Int) -> Element {
        guard chunks.isEmpty else { return chunks[index >> Self.shift][index & Self.mask] }
        if !replaced.isEmpty, let element = replaced[index] { return element }
        return base[order[index]]
    }

    /// Reads the element at `index` where it lies, without copying it (a copy retains every string in it).
    func withElement<Result>(at index: Int, _ body: (UnsafePointer<Element>) -> Result) -> Result {
        if let readKind { ReadLog.note(readKind, index) }
        precondition(indices.contains(index), "element \(index) of \(count)")
        if !chunks.isEmpty { return Self.withElement(at: index & Self.mask, of: chunks[index >> Self.shift], body) }
        if !replaced.isEmpty, let element = replaced[index] { return withUnsafePointer(to: element, body) }
        return Self.withElement(at: order[index], of: base, body)
    }

    /// Calls `body` with a pointer to `elements[offset]`, checked to be there.
    private static func withElement<Result>(at offset: Int, of elements: [Element], _ body: (UnsafePointer<Element>) -> Result) -> Result {
        elements.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress, buffer.indices.contains(offset) else {
                preconditionFailure("element at \(offset) of \(buffer.count)")
            }
            return body(start + offset)
        }
    }

    /// The same list with the elements at some indexes replaced.
    func replacing(_ replacements: [Int: Element]) -> ChunkedList {
        var copy = self
        for index in replacements.keys { precondition(indices.contains(index), "replacing element \(index) of \(count)") }
        if chunks.isEmpty, !order.isEmpty {
            copy.replaced.merge(replacements) { _, new in new }
            guard copy.replaced.count > Self.replacedKept else { return copy }
            copy.chunks = stride(from: 0, to: count, by: 1 << Self.shift).map { start in
                (start..<Swift.min(start + (1 << Self.shift), count)).map(copy.element(at:))
            }
            (copy.base, copy.order, copy.replaced) = ([], [], [:])
            return copy
        }
        for (index, element) in replacements {
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
