import Foundation

/// A value computed on another core while the caller goes on; `value` waits for it. For work that needs
/// nothing the caller does next, such as parsing the templates while the content loads. What makes the value is let
/// go once it is made, so that a value made from an earlier one does not hold that one as well.
final class Pending<Value: Sendable>: Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        case made(Value)
    }

    private let state: LockedCache<State>
    private let done = DispatchGroup()

    convenience init(_ make: @escaping @Sendable () -> Value) {
        self.init(make, startingNow: true)
    }

    /// A value made only if it is asked for, by the first caller of `value`: for work a build may not need.
    static func whenAsked(_ make: @escaping @Sendable () -> Value) -> Pending {
        Pending(make, startingNow: false)
    }

    private init(_ make: @escaping @Sendable () -> Value, startingNow: Bool) {
        state = LockedCache(.waiting(make))
        guard startingNow else { return }
        DispatchQueue.global().async(group: done) { [state] in
            let made = make()
            state.withLock { $0 = .made(made) }
        }
    }

    /// The value when it is made (or being made by a caller of `value`, who is waited for); nil, without making it,
    /// when it is still being made on another core or left for a first caller who has not come.
    var valueIfMade: Value? {
        state.withLock { state in
            guard case .made(let value) = state else { return nil }
            return value
        }
    }

    /// The value, once it is made (made here when it was left for the first caller).
    var value: Value {
        done.wait()
        return state.withLock { state in
            switch state {
            case .made(let value):
                return value
            case .waiting(let make):
                let made = make()
                state = .made(made)
                return made
            }
        }
    }
}
