/// The views or cards of all events or of all quotes, in graph order. Reading one by index notes the read in the
/// running job's `ReadLog`, which is how a page's dependence on items is learnt rather than declared.
public struct ItemList<Element: Sendable>: RandomAccessCollection, Sendable {
    let kind: ReadLog.Kind
    /// Read without noting reads: for making every page's parts at once, not for a page.
    private(set) var elements: ChunkedList<Element>

    init(_ kind: ReadLog.Kind, _ elements: [Element]) {
        self.kind = kind
        self.elements = ChunkedList(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { elements.count }

    public subscript(index: Int) -> Element {
        ReadLog.note(kind, index)
        return elements[index]
    }

    /// The same list with the elements at some indexes replaced.
    func replacing(_ replacements: [Int: Element]) -> ItemList {
        var copy = self
        copy.elements = elements.replacing(replacements)
        return copy
    }
}
