import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, keeping the order; for rendering thousands of independent pages and cards.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // Deinitialize before freeing: without it every result (each rendered page) stayed retained.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = SendableBuffer(buffer: results)
        self.withUnsafeBufferPointer { items in
            let source = SendableItems(buffer: items)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.buffer[index] = transform(source.buffer[index])
            }
        }
        return results.compactMap { $0 }
    }
}

/// Each concurrent iteration writes only its own slot, so sharing the buffer across threads is safe.
private struct SendableBuffer<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>
}

private struct SendableItems<Value>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Value>
}
