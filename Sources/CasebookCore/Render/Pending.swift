import Foundation

/// A value computed on another core while the caller goes on; `value` waits for it. For work that needs
/// nothing the caller does next, such as parsing the templates while the content loads.
final class Pending<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let result = LockedCache<Value?>(nil)
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        DispatchQueue.global().async(group: done) { [result] in
            let made = make()
            result.withLock { $0 = made }
        }
    }

    /// The value, once it is made (made here should the other core's result be missing, which it never is once
    /// the work is done).
    var value: Value {
        done.wait()
        return result.withLock { $0 } ?? make()
    }
}
