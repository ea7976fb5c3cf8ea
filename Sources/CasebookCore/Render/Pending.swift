import Foundation

/// A value computed on another core while the caller goes on; `value` waits for it. For work that needs
/// nothing the caller does next, such as parsing the templates while the content loads. What makes the value is let
/// go once it is made, so that a value made from an earlier one does not hold that one as well.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case waiting(@Sendable () -> Value)
        /// `byCaller`: made by a caller of `value`, as the first caller of a value made when asked always was.
        case making(byCaller: Bool)
        case made(Value)
    }

    /// Guards `state`; signalled when a value is made.
    private let condition = NSCondition()
    private var state: State

    convenience init(_ make: @escaping @Sendable () -> Value) {
        self.init(make, startingNow: true)
    }

    /// A value made only if it is asked for, by the first caller of `value`: for work a build may not need.
    static func whenAsked(_ make: @escaping @Sendable () -> Value) -> Pending {
        Pending(make, startingNow: false)
    }

    private init(_ make: @escaping @Sendable () -> Value, startingNow: Bool) {
        state = .waiting(make)
        guard startingNow else { return }
        DispatchQueue.global().async { [self] in
            if let make = take(byCaller: false) { finish(make()) }
        }
    }

    /// The value when it is made (or being made by a caller of `value`, who is waited for); nil, without making it,
    /// when it is still being made on another core or left for a first caller who has not come.
    var valueIfMade: Value? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch state {
            case .made(let value): return value
            case .making(byCaller: true): condition.wait()
            case .waiting, .making(byCaller: false): return nil
            }
        }
    }

    /// The value, once it is made: made here when no core has started on it, as when it was left for the first
    /// caller, or when its block still waits for a thread while every core is busy (the caller would wait idle:
    /// a one-shot rebuild's graph waited 10 ms for its quote indexes so).
    var value: Value {
        if let make = take(byCaller: true) {
            let made = make()
            finish(made)
            return made
        }
        condition.lock()
        defer { condition.unlock() }
        while true {
            if case .made(let value) = state { return value }
            condition.wait()
        }
    }

    /// What makes the value, for the caller to make it, when no one has started.
    private func take(byCaller: Bool) -> (@Sendable () -> Value)? {
        condition.lock()
        defer { condition.unlock() }
        guard case .waiting(let make) = state else { return nil }
        state = .making(byCaller: byCaller)
        return make
    }

    private func finish(_ value: Value) {
        condition.lock()
        state = .made(value)
        condition.broadcast()
        condition.unlock()
    }
}
