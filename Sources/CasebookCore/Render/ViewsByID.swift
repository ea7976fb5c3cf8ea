import Foundation

/// The views of all cases, parties or sources, by id: made all at once, or each when first read, for a build that
/// makes a few pages of many (a rebuild after a prose edit, which reads a handful of the 1,600 at N=10,000).
public struct ViewsByID<View: Sendable>: Sendable {
    private let storage: Storage

    private enum Storage: Sendable {
        case made([String: View])
        case whenRead(Lazy)
    }

    init(_ views: [String: View]) {
        storage = .made(views)
    }

    /// Views of the ids in `ids`, each made by `make` when first read; nil for an id `make` has no item for.
    init(ids: some Sequence<String>, makingEach make: @escaping @Sendable (String) -> View?) {
        storage = .whenRead(Lazy(ids: Set(ids), make: make))
    }

    public subscript(id: String) -> View? {
        switch storage {
        case .made(let views): views[id]
        case .whenRead(let lazy): lazy[id]
        }
    }

    /// Whether there is a view for `id`, without making it.
    func has(_ id: String) -> Bool {
        switch storage {
        case .made(let views): views[id] != nil
        case .whenRead(let lazy): lazy.ids.contains(id)
        }
    }

    /// Every view (all made now, if they are made when read), in no particular order.
    public var values: [View] {
        switch storage {
        case .made(let views): Array(views.values)
        case .whenRead(let lazy): lazy.ids.compactMap { lazy[$0] }
        }
    }

    /// Views made on first read; the first one made for an id is the one every reader gets.
    private final class Lazy: @unchecked Sendable {
        let ids: Set<String>
        private let make: @Sendable (String) -> View?
        private let lock = NSLock()
        private var made: [String: View] = [:]

        init(ids: Set<String>, make: @escaping @Sendable (String) -> View?) {
            self.ids = ids
            self.make = make
        }

        subscript(id: String) -> View? {
            guard ids.contains(id) else { return nil }
            if let view = lock.withLock({ made[id] }) { return view }
            guard let view = make(id) else { return nil }
            return lock.withLock {
                if let first = made[id] { return first }
                made[id] = view
                return view
            }
        }
    }
}
