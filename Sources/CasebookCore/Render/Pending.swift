import Foundation

/// A value computed on another core while the caller goes on; `value` waits for it. For work that needs
/// nothing the caller does next, such as parsing the templates while the content loads.
final class Pending<Value: Sendable>: Sendable {
    private let result = LockedCache<Value?>(nil)
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [result] in
            let made = make()
            result.withLock { $0 = made }
        }
    }

    /// The value, once it is made.
    var value: Value {
        done.wait()
        return result.withLock { $0! }
    }
}
