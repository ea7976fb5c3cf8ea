import Foundation

/// A value computed on another core while the caller goes on; `value` waits for it. For work that needs
/// nothing the caller does next, such as parsing the templates while the content loads.
final class Pending<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let result = LockedCache<Value?>(nil)
    private let done = DispatchGroup()

    convenience init(_ make: @escaping @Sendable () -> Value) {
        self.init(make, startingNow: true)
    }

    /// A value made only if it is asked for, by the first caller of `value`: for work a build may not need.
    static func whenAsked(_ make: @escaping @Sendable () -> Value) -> Pending {
        Pending(make, startingNow: false)
    }

    private init(_ make: @escaping @Sendable () -> Value, startingNow: Bool) {
        self.make = make
        guard startingNow else { return }
        DispatchQueue.global().async(group: done) { [result] in
            let made = make()
            result.withLock { $0 = made }
        }
    }

    /// The value, once it is made (made here when it was left for the first caller, or should the other core's
    /// result be missing, which it never is once the work is done).
    var value: Value {
        done.wait()
        return result.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
