import Foundation

/// The views of all cases, parties or sources (or the rendered Markdown of all pages), by id: made all at once, or each
/// when first read, for a build that makes a few pages of many (a rebuild after a prose edit, which reads a handful of
/// the 1,600 at N=10,000). Reading one by id notes the read in the running job's `ReadLog`, by its index in the
/// graph's list, as `ItemList` does.
public struct ViewsByID<View: Sendable>: Sendable {
    let kind: ReadLog.Kind
    /// Each id's index in the graph's list; ids are unique once validated, and the last one wins as a loop assigning
    /// them would.
    private let indexes: [String: Int]
    private var storage: Storage

    private enum Storage: Sendable {
        case made([View])
        case whenRead(Lazy)
    }

    /// The views of the graph's list of `kind`, in its order, the view at each index of `ids` being that item's.
    init(_ kind: ReadLog.Kind, ids: [String], views: [View]) {
        self.kind = kind
        indexes = Self.indexes(ids)
        storage = .made(views)
    }

    /// Views of the items whose ids are `ids`, in the graph's order, each made by `make` (from its index) when first
    /// read; nil for an index `make` has no item for.
    init(_ kind: ReadLog.Kind, ids: [String], makingEach make: @escaping @Sendable (Int) -> View?) {
        self.kind = kind
        indexes = Self.indexes(ids)
        storage = .whenRead(Lazy(count: ids.count, make: make))
    }

    private static func indexes(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, last in last })
    }

    public subscript(id: String) -> View? {
        guard let index = indexes[id] else { return nil }
        ReadLog.note(kind, index)
        return view(at: index)
    }

    private func view(at index: Int) -> View? {
        switch storage {
        case .made(let views): views[index]
        case .whenRead(let lazy): lazy[index]
        }
    }

    /// Whether there is an item `id`, without making its view or noting a read: that it is there is the graph's
    /// structure, which a prose edit leaves as it was.
    func has(_ id: String) -> Bool {
        indexes[id] != nil
    }

    /// Every view (all made now, if they are made when read), in the graph's order, without noting the reads.
    public var values: [View] {
        indexes.values.sorted().compactMap(view(at:))
    }

    /// The same views with those at some indexes replaced.
    func replacing(_ replacements: [Int: View]) -> ViewsByID {
        guard !replacements.isEmpty else { return self }
        var copy = self
        switch storage {
        case .made(var views):
            for (index, view) in replacements { views[index] = view }
            copy.storage = .made(views)
        case .whenRead(let lazy):
            copy.storage = .whenRead(Lazy(count: lazy.count) { replacements[$0] ?? lazy[$0] })
        }
        return copy
    }

    /// Views made on first read; the first one made for an index is the one every reader gets.
    private final class Lazy: @unchecked Sendable {
        let count: Int
        private let make: @Sendable (Int) -> View?
        private let lock = NSLock()
        private var made: [Int: View] = [:]

        init(count: Int, make: @escaping @Sendable (Int) -> View?) {
            self.count = count
            self.make = make
        }

        subscript(index: Int) -> View? {
            if let view = lock.withLock({ made[index] }) { return view }
            guard let view = make(index) else { return nil }
            return lock.withLock {
                if let first = made[index] { return first }
                made[index] = view
                return view
            }
        }
    }
}
