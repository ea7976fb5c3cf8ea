import Foundation

/// A digest taken when first asked for, then kept: a rebuild that makes a few pages again by its page ledger asks
/// for the digests of the few hundred views and cards those pages show, not of all 20,000 (taking them all was a
/// fifth of such a rebuild at N=10,000).
final class LazyDigest: @unchecked Sendable {
    private let take: @Sendable () -> PageDigest?
    private var taken: PageDigest??

    init(_ take: @escaping @Sendable () -> PageDigest?) {
        self.take = take
    }

    var value: PageDigest? {
        let lock = Self.locks[Int(UInt(bitPattern: ObjectIdentifier(self).hashValue) % UInt(Self.locks.count))]
        if let digest = lock.withLock({ taken }) { return digest }
        // Taken outside the lock: two threads may both take it, and both get the same digest.
        let digest = take()
        lock.withLock { taken = .some(digest) }
        return digest
    }

    /// Locks shared by all instances, picked by address, as `LazyHTML` has them: 40,000 of these, most never asked.
    private static let locks = (0..<64).map { _ in NSLock() }
}

/// A digest taken already (or none wanted), or one to take when first asked for.
enum DigestSource: Sendable {
    case taken(PageDigest?)
    case whenAsked(LazyDigest)

    var value: PageDigest? {
        switch self {
        case .taken(let digest): return digest
        case .whenAsked(let lazy): return lazy.value
        }
    }
}
