import Foundation

/// The views or cards of all events or of all quotes, in graph order. Reading one by index notes the read in the
/// running job's `ReadLog`, which is how a page's dependence on items is learnt rather than declared.
public struct ItemList<Element: Sendable>: RandomAccessCollection, Sendable {
    let kind: ReadLog.Kind
    private var storage: Storage

    private enum Storage: Sendable {
        case made(ChunkedList<Element>)
        case whenRead(Lazy)
    }

    init(_ kind: ReadLog.Kind, _ elements: [Element]) {
        self.kind = kind
        storage = .made(ChunkedList(elements))
    }

    /// A list whose elements are made when first read, once each: for a build that makes a few pages of many (a
    /// rebuild after a prose edit), which reads a few hundred of 10,000 events.
    init(_ kind: ReadLog.Kind, count: Int, makingEach make: @escaping @Sendable (Int) -> Element) {
        self.kind = kind
        storage = .whenRead(Lazy(count: count, make: make))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .made(let elements): elements.count
        case .whenRead(let lazy): lazy.count
        }
    }

    public subscript(index: Int) -> Element {
        ReadLog.note(kind, index)
        return element(at: index)
    }

    /// The element, read without noting the read: for making every page's parts at once, not for a page.
    func element(at index: Int) -> Element {
        switch storage {
        case .made(let elements): elements[index]
        case .whenRead(let lazy): lazy[index]
        }
    }

    /// Every element, read without noting the reads (all made now, if they are made when read).
    var elements: [Element] { indices.map(element(at:)) }

    /// The same list with the elements at some indexes replaced.
    func replacing(_ replacements: [Int: Element]) -> ItemList {
        var copy = self
        switch storage {
        case .made(let elements): copy.storage = .made(elements.replacing(replacements))
        case .whenRead: copy.storage = .made(ChunkedList(self.elements).replacing(replacements))
        }
        return copy
    }

    /// Elements made on first read; the first one made for an index is the one every reader gets.
    private final class Lazy: @unchecked Sendable {
        let count: Int
        private let make: @Sendable (Int) -> Element
        private let lock = NSLock()
        private var made: [Element?]

        init(count: Int, make: @escaping @Sendable (Int) -> Element) {
            self.count = count
            self.make = make
            made = Array(repeating: nil, count: count)
        }

        subscript(index: Int) -> Element {
            if let element = lock.withLock({ made[index] }) { return element }
            let element = make(index)
            return lock.withLock {
                if let first = made[index] { return first }
                made[index] = element
                return element
            }
        }
    }
}
